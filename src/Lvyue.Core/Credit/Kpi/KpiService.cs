using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit.Kpi;

/// <summary>A unit's stored KPI with its name.</summary>
public sealed record KpiRow(long BudgetUnitId, string Code, string Name, KpiResult Result);

/// <summary>A unit on the commendation list: 优 in the year and the year before.</summary>
public sealed record CommendedUnit(long BudgetUnitId, string Name, string? Uscc, decimal Score, decimal PreviousScore);

/// <summary>
/// The budget-unit KPI (部门绩效考核): the region's versioned rules, computing and storing every unit's result for a year
/// (<see cref="KpiFacts"/> → <see cref="KpiFormula"/>), what each caller may see (a region's people: all its units; a unit:
/// its own), and the commendation list (表彰名单). Results are derived figures: they are upserted without an audit row each,
/// like the nightly star-rating recompute; the rules' revisions are audited.
/// </summary>
public sealed class KpiService(LvyueDbContext db)
{
    private TenantScope Scope => db.Scope;

    /// <summary>The newest version of the region's rules; writes the defaults as version 1 on first use.</summary>
    public async Task<KpiPolicy> PolicyAsync(long regionId, CancellationToken ct = default)
    {
        var p = await db.KpiPolicies.AsNoTracking().Where(x => x.RegionId == regionId).OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
        if (p is not null) return p;
        p = KpiPolicy.Defaults(regionId);
        p.CreatedAt = db.Clock.GetUtcNow().UtcDateTime;
        db.KpiPolicies.Add(p);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // another request wrote version 1 at the same time
            db.ChangeTracker.Clear();
            return await db.KpiPolicies.AsNoTracking().Where(x => x.RegionId == regionId).OrderByDescending(x => x.Version).FirstAsync(ct);
        }
        return p;
    }

    /// <summary>Every version of the region's rules, newest first.</summary>
    public Task<List<KpiPolicy>> PolicyHistoryAsync(long regionId, CancellationToken ct = default) =>
        db.KpiPolicies.AsNoTracking().Where(x => x.RegionId == regionId).OrderByDescending(x => x.Version).ToListAsync(ct);

    /// <summary>Adds the next version of the region's rules (a supervisor of the region); stored results keep their version until recomputed.</summary>
    public async Task<KpiPolicy> ReviseAsync(long regionId, KpiParameters parameters, string? note, CancellationToken ct = default)
    {
        if (!Scope.All && !(Scope.HasRole(Roles.Supervisor) && Scope.RegionId == regionId)) throw DomainException.Forbidden();
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct)) throw DomainException.NotFound("地区|region");
        parameters.Validate().ThrowIfAny();
        var current = await PolicyAsync(regionId, ct);
        var p = new KpiPolicy
        {
            RegionId = regionId, Version = current.Version + 1, CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = Scope.Actor,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)],
        };
        p.SetParameters(parameters);
        db.KpiPolicies.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>Whether the caller may compute the region's KPI (its supervisors and credit office, or the system).</summary>
    public bool MayCompute(long regionId) =>
        Scope.All || (Scope.RegionId == regionId && (Scope.HasRole(Roles.Supervisor) || Scope.HasRole(Roles.CreditOffice)));

    /// <summary>Computes and stores the KPI of every unit of the region for the year, as of the year's end or today; returns how many.</summary>
    public async Task<int> ComputeAsync(long regionId, int year, CancellationToken ct = default)
    {
        if (!MayCompute(regionId)) throw DomainException.Forbidden();
        var today = ChinaTime.Today(db.Clock);
        if (year < 2000 || year > today.Year)
            throw new DomainException(ErrorKind.Invalid, new Msg($"不能计算{year}年度的考核", $"Cannot compute the KPI of {year}"),
                new Dictionary<string, Msg[]> { ["year"] = [new Msg("年度须不晚于今年", "The year is this year or earlier")] });
        var asOf = year == today.Year ? today : new DateOnly(year, 12, 31);
        var policy = await PolicyAsync(regionId, ct);
        var parameters = policy.Parameters();
        var facts = await new KpiFacts(db).LoadAsync(regionId, year, asOf, parameters, ct);
        var units = await db.BudgetUnits.AsNoTracking().Where(u => u.RegionId == regionId).Select(u => u.Id).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var unit in units)
            {
                var o = KpiFormula.Compute(facts.GetValueOrDefault(unit) ?? KpiInput.Empty, parameters);
                await UpsertAsync(regionId, unit, year, policy.Version, o, asOf, now, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return units.Count;
    }

    /// <summary>The stored results of a year the caller may see: a region's people see its units, a unit its own.</summary>
    public async Task<List<KpiRow>> ListAsync(long regionId, int year, CancellationToken ct = default)
    {
        var q = from r in db.KpiResults.AsNoTracking()
                join u in db.BudgetUnits.AsNoTracking() on r.BudgetUnitId equals u.Id
                where r.RegionId == regionId && r.Year == year
                select new { r, u.Code, u.Name };
        if (!SeesRegion(regionId))
        {
            if (Scope.BudgetUnitId is not { } own) throw DomainException.Forbidden();
            q = q.Where(x => x.r.BudgetUnitId == own);
        }
        var rows = await q.ToListAsync(ct);
        return rows.OrderByDescending(x => x.r.Score).ThenBy(x => x.Code).Select(x => new KpiRow(x.r.BudgetUnitId, x.Code, x.Name, x.r)).ToList();
    }

    /// <summary>One unit's stored result of a year (null when not computed yet); 404 for a unit the caller may not see.</summary>
    public async Task<(Organizations.BudgetUnit Unit, KpiResult? Result)> UnitAsync(long unitId, int year, CancellationToken ct = default)
    {
        var unit = await db.BudgetUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !(SeesRegion(unit.RegionId) || Scope.BudgetUnitId == unitId)) throw DomainException.NotFound("预算单位|budget unit");
        var r = await db.KpiResults.AsNoTracking().FirstOrDefaultAsync(x => x.BudgetUnitId == unitId && x.Year == year, ct);
        return (unit, r);
    }

    /// <summary>Units graded 优 (no veto) in <paramref name="year"/> and in the year before: the commendation list.</summary>
    public async Task<List<CommendedUnit>> CommendationAsync(long regionId, int year, CancellationToken ct = default)
    {
        if (!SeesRegion(regionId)) throw DomainException.Forbidden();
        var rows = await (
            from r in db.KpiResults.AsNoTracking()
            join prev in db.KpiResults.AsNoTracking() on new { r.BudgetUnitId, Year = r.Year - 1 } equals new { prev.BudgetUnitId, prev.Year }
            join u in db.BudgetUnits.AsNoTracking() on r.BudgetUnitId equals u.Id
            where r.RegionId == regionId && r.Year == year && r.Grade == CreditGradeLevel.Excellent && !r.Vetoed
                  && prev.Grade == CreditGradeLevel.Excellent && !prev.Vetoed
            select new { r.BudgetUnitId, u.Name, u.Uscc, u.Code, r.Score, Prev = prev.Score }).ToListAsync(ct);
        return rows.OrderByDescending(x => x.Score).ThenBy(x => x.Code).Select(x => new CommendedUnit(x.BudgetUnitId, x.Name, x.Uscc, x.Score, x.Prev)).ToList();
    }

    /// <summary>Whether the caller sees every unit of the region.</summary>
    public bool SeesRegion(long regionId) => Scope.All || Scope.RegionId == regionId;

    /// <summary>Whether the caller sees every region (the system, integrations with a region-less token).</summary>
    public bool SeesAll => Scope.All;

    /// <summary>The region a caller looks at by default: its region, or its unit's region.</summary>
    public long? DefaultRegion => Scope.RegionId ?? Scope.UnitRegionId;

    private async Task UpsertAsync(long regionId, long unitId, int year, int version, KpiOutcome o, DateOnly asOf, DateTime now, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        await Sql.ExecuteAsync(db,
            """
            INSERT INTO "KpiResults" ("RegionId", "BudgetUnitId", "Year", "PolicyVersion", "Score", "ContractScore", "PerformanceScore", "EvaluationScore",
                "Grade", "Vetoed", "Reason", "ReasonEn", "DetailJson", "AsOf", "ComputedAt")
            VALUES (@region, @unit, @year, @version, @score, @cs, @ps, @es, @grade, @vetoed, @reason, @reasonEn, @detail, @asOf, @now)
            ON CONFLICT ("BudgetUnitId", "Year") DO UPDATE SET "RegionId" = excluded."RegionId", "PolicyVersion" = excluded."PolicyVersion",
                "Score" = excluded."Score", "ContractScore" = excluded."ContractScore", "PerformanceScore" = excluded."PerformanceScore",
                "EvaluationScore" = excluded."EvaluationScore", "Grade" = excluded."Grade", "Vetoed" = excluded."Vetoed", "Reason" = excluded."Reason",
                "ReasonEn" = excluded."ReasonEn", "DetailJson" = excluded."DetailJson", "AsOf" = excluded."AsOf", "ComputedAt" = excluded."ComputedAt"
            """, ct,
            ("@region", regionId), ("@unit", unitId), ("@year", year), ("@version", version),
            ("@score", Dec(o.Score, sqlite)), ("@cs", Dec(o.ContractScore, sqlite)), ("@ps", Dec(o.PerformanceScore, sqlite)), ("@es", Dec(o.EvaluationScore, sqlite)),
            ("@grade", o.Grade.ToString()), ("@vetoed", o.Vetoed), ("@reason", Cut(o.Reason)), ("@reasonEn", Cut(o.ReasonEn)),
            ("@detail", KpiResult.Serialize(Stored(o.Indicators))),
            ("@asOf", sqlite ? asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : asOf),
            ("@now", sqlite ? now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : now));
    }

    /// <summary>
    /// Events kept per indicator in the stored detail (those not counting for the unit first); the counts and scores are
    /// always over all events.
    /// </summary>
    public const int MaxStoredEvents = 500;

    /// <summary>The indicators as stored: at most <see cref="MaxStoredEvents"/> events each, those not counting for the unit first.</summary>
    public static List<KpiIndicator> Stored(IReadOnlyList<KpiIndicator> indicators) =>
        indicators.Select(i => i.Events.Count <= MaxStoredEvents ? i
            : i with { Events = [.. i.Events.Where(e => !e.Ok).Concat(i.Events.Where(e => e.Ok)).Take(MaxStoredEvents)] }).ToList();

    private static object Dec(decimal d, bool sqlite) => sqlite ? (long)decimal.Round(d * ScaledDecimalConverter.Scale, MidpointRounding.AwayFromZero) : d;

    private static string Cut(string s) => s.Length <= 2000 ? s : s[..2000];
}
