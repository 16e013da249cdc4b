using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Disclosure;

/// <summary>
/// Periodic publication lists (定期公布): generates a region's list of a kind for a month or quarter from the records in
/// force at the period's end and freezes it as the next version (<see cref="Publication"/>); lists the published ones for
/// the public portal; exports them. The nightly job publishes the lists of the period just ended once
/// (<see cref="PublishDueAsync"/>): determinations and restrictions monthly, the red list quarterly.
/// </summary>
public sealed partial class PublicationService(LvyueDbContext db)
{
    private TenantScope Scope => db.Scope;

    /// <summary>The kinds published monthly and quarterly by the nightly job.</summary>
    public static readonly (PublicationKind Kind, PublicationPeriod Period)[] Schedule =
    [
        (PublicationKind.Determinations, PublicationPeriod.Monthly),
        (PublicationKind.Sanctions, PublicationPeriod.Monthly),
        (PublicationKind.RedList, PublicationPeriod.Quarterly),
    ];

    public static (string Zh, string En) Label(PublicationKind k) => k switch
    {
        PublicationKind.Determinations => ("失信认定名单", "Dishonesty determinations"),
        PublicationKind.Sanctions => ("限制参与政府采购名单", "Procurement restrictions"),
        _ => ("红名单（信易贷推荐）", "Red list (credit-loan referral)"),
    };

    /// <summary>The period a label names: <c>2026-10</c> (a month) or <c>2026-Q3</c> (a quarter); null when malformed.</summary>
    public static (PublicationPeriod Period, DateOnly Start, DateOnly End)? ParsePeriod(string? label)
    {
        var m = PeriodPattern().Match(label?.Trim() ?? "");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return null;
        if (m.Groups[2].Success)
        {
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return null;
            var s = new DateOnly(year, month, 1);
            return (PublicationPeriod.Monthly, s, s.AddMonths(1).AddDays(-1));
        }
        var q = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (q is < 1 or > 4) return null;
        var qs = new DateOnly(year, (q - 1) * 3 + 1, 1);
        return (PublicationPeriod.Quarterly, qs, qs.AddMonths(3).AddDays(-1));
    }

    /// <summary>The label of the month or quarter before the one containing <paramref name="day"/>.</summary>
    public static string PreviousLabel(DateOnly day, PublicationPeriod p)
    {
        if (p == PublicationPeriod.Monthly)
        {
            var m = new DateOnly(day.Year, day.Month, 1).AddMonths(-1);
            return $"{m.Year}-{m.Month:D2}";
        }
        var q = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
        return $"{q.Year}-Q{(q.Month - 1) / 3 + 1}";
    }

    /// <summary>Generates and freezes the next version of a list (the region's credit office or supervisors, or the system).</summary>
    public async Task<Publication> GenerateAsync(long regionId, PublicationKind kind, string? periodLabel, CancellationToken ct = default)
    {
        if (!Scope.All && !(Scope.RegionId == regionId && (Scope.HasRole(Roles.CreditOffice) || Scope.HasRole(Roles.Supervisor))))
            throw DomainException.Forbidden();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct) ?? throw DomainException.NotFound("地区|region");
        var period = ParsePeriod(periodLabel);
        var errors = new ErrorBag();
        if (period is null) errors.Add("period", "期间格式为 2026-10（月）或 2026-Q3（季度）", "The period is 2026-10 (a month) or 2026-Q3 (a quarter)");
        else if (period.Value.End >= ChinaTime.Today(db.Clock)) errors.Add("period", "只能公布已结束的期间", "Only a period that has ended can be published");
        if (!Enum.IsDefined(kind)) errors.Add("kind", "名单类别无效", "Unknown list kind");
        errors.ThrowIfAny();
        var (p, start, end) = period!.Value;
        var label = periodLabel!.Trim();
        var rows = await RowsAsync(regionId, kind, end, ct);
        var json = Publication.Serialize(rows);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var version = (await db.Publications.Where(x => x.RegionId == regionId && x.Kind == kind && x.PeriodLabel == label)
                .MaxAsync(x => (int?)x.Version, ct) ?? 0) + 1;
            var pub = new Publication
            {
                RegionId = region.Id, Kind = kind, Period = p, PeriodLabel = label, PeriodStart = start, PeriodEnd = end, Version = version,
                RowCount = rows.Count, ContentJson = json, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
                GeneratedAt = db.Clock.GetUtcNow().UtcDateTime, GeneratedBy = Scope.Actor,
            };
            db.Publications.Add(pub);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return pub;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Publishes, as the system, every scheduled list of the period just ended that no version exists of yet; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(db.Clock);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var n = 0;
        foreach (var region in regions)
        {
            foreach (var (kind, period) in Schedule)
            {
                var label = PreviousLabel(today, period);
                if (await db.Publications.AnyAsync(x => x.RegionId == region && x.Kind == kind && x.PeriodLabel == label, ct)) continue;
                await GenerateAsync(region, kind, label, ct);
                n++;
            }
        }
        return n;
    }

    /// <summary>The rows of a list as the records stand now, for the state at <paramref name="end"/>.</summary>
    public async Task<List<PublicationRow>> RowsAsync(long regionId, PublicationKind kind, DateOnly end, CancellationToken ct = default)
    {
        var utcEnd = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8); // the end of the day in China
        switch (kind)
        {
            case PublicationKind.Determinations:
            {
                var ds = await db.DishonestyDeterminations.AsNoTracking()
                    .Where(d => d.RegionId == regionId && d.PublishedAt != null && d.PublishedAt < utcEnd && d.ExpiresOn >= end
                                && d.State != DeterminationState.Proposed && d.State != DeterminationState.Rejected)
                    .OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).ToListAsync(ct);
                return ds.Select(d => new PublicationRow(d.Subject == CreditSubject.Supplier ? "供应商" : "预算单位", d.SubjectName, d.SubjectUscc, d.Number,
                    Cut($"{d.Facts}。处理措施：{d.Measures}"), DateOnly.FromDateTime(ChinaTime.Local(d.PublishedAt!.Value)), d.ExpiresOn, null)).ToList();
            }
            case PublicationKind.Sanctions:
            {
                var ss = await (
                    from s in db.Sanctions.AsNoTracking()
                    join sup in db.Suppliers.AsNoTracking() on s.SupplierId equals sup.Id
                    join d in db.DishonestyDeterminations.AsNoTracking() on s.DeterminationId equals (long?)d.Id into dj
                    from d in dj.DefaultIfEmpty()
                    where s.RegionId == regionId && s.From <= end && s.Until >= end && (s.LiftedAt == null || s.LiftedAt >= utcEnd)
                    orderby s.From, s.Id
                    select new { sup.Name, sup.Uscc, Number = d == null ? null : d.Number, s.Reason, s.From, s.Until }).ToListAsync(ct);
                return ss.Select(s => new PublicationRow("供应商", s.Name, s.Uscc, s.Number, Cut(s.Reason), s.From, s.Until, null)).ToList();
            }
            default:
            {
                var inRegion = from cs in db.ContractSuppliers.IgnoreQueryFilters()
                               join c in db.Contracts.IgnoreQueryFilters() on cs.ContractId equals c.Id
                               where c.RegionId == regionId
                               select cs.SupplierId;
                var gs = await (
                    from g in db.CreditGrades.AsNoTracking()
                    join sup in db.Suppliers.AsNoTracking() on g.SubjectId equals sup.Id
                    where g.Subject == CreditSubject.Supplier && g.Year == end.Year && g.Grade == CreditGradeLevel.Excellent && inRegion.Contains(sup.Id)
                    select new { sup.Name, sup.Uscc, g.Score, g.AsOf }).ToListAsync(ct);
                return gs.OrderByDescending(g => g.Score).ThenBy(g => g.Uscc, StringComparer.Ordinal)
                    .Select(g => new PublicationRow("供应商", g.Name, g.Uscc, null, $"{end.Year}年度信用等级优（信用分{g.Score:0.##}，评定日{g.AsOf:yyyy-MM-dd}），推荐信易贷", null, null, g.Score)).ToList();
            }
        }
    }

    /// <summary>Published lists, newest period first (every version, or only the latest of each list).</summary>
    public async Task<List<Publication>> ListAsync(long? regionId, PublicationKind? kind, bool latestOnly, CancellationToken ct = default)
    {
        var q = db.Publications.AsNoTracking().Where(p => (regionId == null || p.RegionId == regionId) && (kind == null || p.Kind == kind));
        if (latestOnly) q = q.Where(p => !db.Publications.Any(n => n.RegionId == p.RegionId && n.Kind == p.Kind && n.PeriodLabel == p.PeriodLabel && n.Version > p.Version));
        var list = await q.Select(p => new Publication
        {
            Id = p.Id, RegionId = p.RegionId, Kind = p.Kind, Period = p.Period, PeriodLabel = p.PeriodLabel, PeriodStart = p.PeriodStart, PeriodEnd = p.PeriodEnd,
            Version = p.Version, RowCount = p.RowCount, Sha256 = p.Sha256, GeneratedAt = p.GeneratedAt, GeneratedBy = p.GeneratedBy,
        }).ToListAsync(ct);
        return list.OrderByDescending(p => p.PeriodEnd).ThenBy(p => p.Kind).ThenByDescending(p => p.Version).ToList();
    }

    public async Task<Publication> GetAsync(long id, CancellationToken ct = default) =>
        await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("公布名单|publication");

    /// <summary>A publication as a table to export (csv, xlsx, pdf).</summary>
    public static ExportTable Table(Publication p, string regionName)
    {
        var (zh, _) = Label(p.Kind);
        var header = p.Kind == PublicationKind.RedList
            ? new[] { "序号", "主体类别", "名称", "统一社会信用代码", "信用分", "说明" }
            : new[] { "序号", "主体类别", "名称", "统一社会信用代码", "文号", "事实与措施", "起始日", "截止日" };
        var rows = p.Rows().Select((r, i) => (IReadOnlyList<string>)(p.Kind == PublicationKind.RedList
            ? [(i + 1).ToString(CultureInfo.InvariantCulture), r.SubjectKind, r.Name, r.Uscc ?? "", r.Score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", r.Detail]
            : [(i + 1).ToString(CultureInfo.InvariantCulture), r.SubjectKind, r.Name, r.Uscc ?? "", r.Number ?? "", r.Detail, D(r.From), D(r.Until)])).ToList();
        return new ExportTable($"{regionName}{zh}（{p.PeriodLabel}，第{p.Version}版）", header, rows,
        [
            $"统计截止：{p.PeriodEnd:yyyy年M月d日}；生成：{ChinaTime.Local(p.GeneratedAt):yyyy-MM-dd HH:mm}；共{p.RowCount}条。",
            $"内容摘要（SHA-256）：{p.Sha256}",
        ]);
    }

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Cut(string s) => s.Length <= 600 ? s : s[..600] + "…";

    [GeneratedRegex(@"^(\d{4})-(?:(\d{2})|Q(\d))$")]
    private static partial Regex PeriodPattern();
}
