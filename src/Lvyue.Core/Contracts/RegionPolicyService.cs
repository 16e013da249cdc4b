using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>One threshold row as an administrator edits it.</summary>
public sealed record ThresholdInput(Category? Category, ProcurementMethod? Method, decimal MinAmount, string? Note);

/// <summary>One approval band as an administrator edits it.</summary>
public sealed record BandInput(decimal MinAmount, ApprovalLevel Level);

/// <summary>
/// A region's filing thresholds and approval bands, replaced as a whole (one transaction, audited),
/// with the programmes' profiles as starting points.
/// </summary>
public sealed class RegionPolicyService(LvyueDbContext db)
{
    /// <summary>Luohu: every contract of CNY 30,000 or more is filed.</summary>
    public static readonly IReadOnlyList<ThresholdInput> LuohuProfile = [new(null, null, 30_000m, "罗湖：3万元以上合同全部备案")];

    /// <summary>Yulin: procurement from CNY 300,000; works tenders from 600,000.</summary>
    public static readonly IReadOnlyList<ThresholdInput> YulinProfile =
    [
        new(null, null, 300_000m, "榆林：采购合同30万元以上"),
        new(Category.Works, ProcurementMethod.OpenTender, 600_000m, "榆林：工程招标60万元以上"),
        new(Category.Works, ProcurementMethod.InvitedTender, 600_000m, "榆林：工程招标60万元以上"),
    ];

    /// <summary>Kunshan: below CNY 200,000 the unit's leadership approves; at or above, the supervising authority.</summary>
    public static readonly IReadOnlyList<BandInput> KunshanBands = [new(0m, ApprovalLevel.UnitLeader), new(200_000m, ApprovalLevel.Authority)];

    public async Task ReplaceThresholdsAsync(long regionId, IReadOnlyList<ThresholdInput> rows, CancellationToken ct = default)
    {
        await CheckRegionAsync(regionId, ct);
        var errors = new ErrorBag();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].MinAmount < 0 || rows[i].MinAmount > 100_000_000_000m)
                errors.Add($"thresholds[{i}]", "备案标准金额不正确", "The threshold amount is not valid");
        }
        if (rows.GroupBy(r => (r.Category, r.Method)).Any(g => g.Count() > 1))
            errors.Add("thresholds", "同一类别和采购方式只能设置一条备案标准", "Only one threshold per category and method");
        errors.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.FilingThresholds.RemoveRange(await db.FilingThresholds.Where(t => t.RegionId == regionId).ToListAsync(ct));
        db.FilingThresholds.AddRange(rows.Select(r => new FilingThreshold
            { RegionId = regionId, Category = r.Category, Method = r.Method, MinAmount = r.MinAmount, Note = r.Note?.Trim() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task ReplaceBandsAsync(long regionId, IReadOnlyList<BandInput> bands, CancellationToken ct = default)
    {
        await CheckRegionAsync(regionId, ct);
        var errors = new ErrorBag();
        if (bands.Count == 0 || bands.All(b => b.MinAmount != 0))
            errors.Add("bands", "审批档次必须从0元开始", "The approval bands must start at zero");
        if (bands.Any(b => b.MinAmount < 0)) errors.Add("bands", "金额不能为负", "Amounts cannot be negative");
        if (bands.GroupBy(b => b.MinAmount).Any(g => g.Count() > 1)) errors.Add("bands", "起始金额重复", "Two bands start at the same amount");
        errors.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApprovalBands.RemoveRange(await db.ApprovalBands.Where(t => t.RegionId == regionId).ToListAsync(ct));
        db.ApprovalBands.AddRange(bands.Select(b => new ApprovalBand { RegionId = regionId, MinAmount = b.MinAmount, Level = b.Level }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task CheckRegionAsync(long regionId, CancellationToken ct)
    {
        if (!db.Scope.All && db.Scope.RegionId != regionId && !db.Scope.HasRole(Accounts.Roles.SystemAdmin)) throw DomainException.Forbidden();
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct)) throw DomainException.NotFound("区域|region");
    }
}
