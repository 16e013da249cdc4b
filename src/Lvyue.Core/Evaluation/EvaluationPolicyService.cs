using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Evaluation;

/// <summary>A revision of a region's evaluation policy.</summary>
public sealed record PolicyInput(
    AssessmentLine AppliesTo, decimal TerminationThreshold, int TerminationConsecutive, int TerminationTimesInTerm,
    decimal BidBanThreshold, decimal DeductionCap, IReadOnlyList<DeductionBand> Bands, string? Note);

/// <summary>
/// Region evaluation policies as versioned data: the current version (Kunshan's defaults as version 1
/// when a region has none), revisions that add a version, and the history.
/// </summary>
public sealed class EvaluationPolicyService(LvyueDbContext db)
{
    /// <summary>The newest version of the region's policy; writes the defaults as version 1 on first use.</summary>
    public async Task<EvaluationPolicy> CurrentAsync(long regionId, CancellationToken ct = default)
    {
        var p = await db.EvaluationPolicies.Where(x => x.RegionId == regionId).OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
        if (p is not null) return p;
        p = EvaluationPolicy.KunshanDefaults(regionId);
        p.CreatedAt = db.Clock.GetUtcNow().UtcDateTime;
        db.EvaluationPolicies.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>Every version of the region's policy, newest first.</summary>
    public Task<List<EvaluationPolicy>> HistoryAsync(long regionId, CancellationToken ct = default) =>
        db.EvaluationPolicies.AsNoTracking().Where(x => x.RegionId == regionId).OrderByDescending(x => x.Version).ToListAsync(ct);

    /// <summary>Adds the next version; a supervisor of the region (or the system) only. Past events keep their versions.</summary>
    public async Task<EvaluationPolicy> ReviseAsync(long regionId, PolicyInput input, CancellationToken ct = default)
    {
        var scope = db.Scope;
        if (!scope.All && !(scope.HasRole(Roles.Supervisor) && scope.RegionId == regionId)) throw DomainException.Forbidden();
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct)) throw DomainException.NotFound("地区|region");
        var errors = new ErrorBag();
        if (input.AppliesTo == AssessmentLine.Final) errors.Add("appliesTo", "规则只适用于日常或管理考核", "Policies read the daily or the management line");
        if (input.TerminationThreshold is < 0 or > 100) errors.Add("terminationThreshold", "分数线须在0–100之间", "A threshold is between 0 and 100");
        if (input.BidBanThreshold is < 0 or > 100) errors.Add("bidBanThreshold", "分数线须在0–100之间", "A threshold is between 0 and 100");
        if (input.TerminationConsecutive < 1 || input.TerminationConsecutive > 24) errors.Add("terminationConsecutive", "连续期数须为1–24", "Consecutive periods are 1 to 24");
        if (input.TerminationTimesInTerm < 1 || input.TerminationTimesInTerm > 60) errors.Add("terminationTimesInTerm", "期内次数须为1–60", "Times in the term are 1 to 60");
        if (input.DeductionCap < 0) errors.Add("deductionCap", "扣款上限不能为负", "The cap cannot be negative");
        var seen = new HashSet<decimal>();
        for (var i = 0; i < input.Bands.Count; i++)
        {
            var b = input.Bands[i];
            if (b.Below is <= 0 or > 100 || !seen.Add(b.Below))
                errors.Add($"bands[{i}].below", "分档分数线须在0–100之间且不重复", "Band bounds are between 0 and 100 and distinct");
            if ((b.Percent is null) == (b.Amount is null) || b.Percent is < 0 or > 100 || b.Amount is < 0)
                errors.Add($"bands[{i}]", "每档填写扣款比例（0–100%）或固定金额之一", "Each band has either a percent (0–100) or a fixed amount");
        }
        errors.ThrowIfAny();
        var last = await db.EvaluationPolicies.Where(x => x.RegionId == regionId).MaxAsync(x => (int?)x.Version, ct) ?? 0;
        var p = new EvaluationPolicy
        {
            RegionId = regionId, Version = last + 1, AppliesTo = input.AppliesTo,
            TerminationThreshold = input.TerminationThreshold, TerminationConsecutive = input.TerminationConsecutive,
            TerminationTimesInTerm = input.TerminationTimesInTerm, BidBanThreshold = input.BidBanThreshold,
            DeductionCap = input.DeductionCap, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = scope.Actor,
        };
        p.SetBands(input.Bands);
        db.EvaluationPolicies.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }
}
