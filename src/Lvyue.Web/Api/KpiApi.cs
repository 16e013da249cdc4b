using System.Globalization;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Credit.Kpi;
using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>A unit's KPI of a year as the API shows it.</summary>
public sealed record KpiUnitDto(long BudgetUnitId, string Code, string Name, int Year, decimal Score, decimal ContractScore, decimal PerformanceScore,
    decimal EvaluationScore, CreditGradeLevel Grade, string GradeLabel, bool Vetoed, string Reason, string ReasonEn, int PolicyVersion, DateOnly AsOf, DateTime ComputedAt)
{
    public static KpiUnitDto Of(KpiRow r) => new(r.BudgetUnitId, r.Code, r.Name, r.Result.Year, r.Result.Score, r.Result.ContractScore, r.Result.PerformanceScore,
        r.Result.EvaluationScore, r.Result.Grade, CreditRules.Label(r.Result.Grade).Zh, r.Result.Vetoed, r.Result.Reason, r.Result.ReasonEn,
        r.Result.PolicyVersion, r.Result.AsOf, r.Result.ComputedAt);
}

/// <summary>A revision of the region's KPI rules.</summary>
public sealed record KpiPolicyInput(long? RegionId, KpiParameters? Parameters, string? Note);

/// <summary>/api/v1/kpi: the budget-unit KPI (部门绩效考核) by year, a unit's indicators and events, the rules, recompute, the commendation list.</summary>
public static class KpiApi
{
    public static RouteGroupBuilder MapKpiApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/kpi").WithTags("KPI").RequireAuthorization();
        g.MapGet("/units", async (int? year, long? regionId, KpiService kpi, NightlyRecompute nightly, LvyueDbContext db, CancellationToken ct) =>
        {
            var region = Region(regionId, kpi);
            var y = year ?? ChinaTime.Today(db.Clock).Year;
            var rows = await kpi.ListAsync(region, y, ct);
            var policy = await kpi.PolicyAsync(region, ct);
            var last = await nightly.LastAsync(ct);
            return TypedResults.Ok(new
            {
                regionId = region, year = y, policyVersion = policy.Version,
                lastNightlyRun = last is null ? null : new { last.Night, last.FinishedAt },
                units = rows.Select(KpiUnitDto.Of),
            });
        }).WithSummary("The KPI of every budget unit of the region for a year (a unit sees its own): score, components, grade, one-vote veto");
        g.MapGet("/units/{id:long}", async (long id, int? year, KpiService kpi, LvyueDbContext db, CancellationToken ct) =>
        {
            var y = year ?? ChinaTime.Today(db.Clock).Year;
            var (unit, r) = await kpi.UnitAsync(id, y, ct);
            if (r is null) throw DomainException.NotFound($"{y}年度考核结果|KPI result of {y}");
            return TypedResults.Ok(new
            {
                unit = KpiUnitDto.Of(new KpiRow(unit.Id, unit.Code, unit.Name, r)),
                indicators = r.Indicators(),
            });
        }).WithSummary("One unit's KPI with each indicator, its weight, rate, score and the events behind it");
        g.MapPost("/recompute", async (int? year, long? regionId, KpiService kpi, LvyueDbContext db, CancellationToken ct) =>
        {
            var region = Region(regionId, kpi);
            var y = year ?? ChinaTime.Today(db.Clock).Year;
            return TypedResults.Ok(new { regionId = region, year = y, units = await kpi.ComputeAsync(region, y, ct) });
        }).WithSummary("Recompute the region's KPI of a year now (supervisors and the credit office; normally nightly)");
        g.MapGet("/policy", async (long? regionId, KpiService kpi, CancellationToken ct) =>
        {
            var region = Region(regionId, kpi);
            var history = await kpi.PolicyHistoryAsync(region, ct);
            if (history.Count == 0) history.Add(await kpi.PolicyAsync(region, ct));
            return TypedResults.Ok(history.Select(p => new { p.Version, parameters = p.Parameters(), p.Note, p.CreatedAt, p.CreatedBy }));
        }).WithSummary("The region's KPI rules, newest version first");
        g.MapPost("/policy", async (KpiPolicyInput input, KpiService kpi, CancellationToken ct) =>
        {
            var region = Region(input.RegionId, kpi);
            if (input.Parameters is null)
                throw new DomainException(ErrorKind.Invalid, new Msg("请提交考核参数", "Send the parameters"),
                    new Dictionary<string, Msg[]> { ["parameters"] = [new Msg("缺少考核参数", "Parameters are missing")] });
            var p = await kpi.ReviseAsync(region, input.Parameters, input.Note, ct);
            return TypedResults.Created($"/api/v1/kpi/policy?regionId={region}", new { p.Version, parameters = p.Parameters(), p.Note, p.CreatedAt, p.CreatedBy });
        }).WithSummary("A supervisor revises the KPI rules: the next version (weights add up to 100, grade bounds ordered)");
        g.MapGet("/commendation", async (int? year, long? regionId, string? format, KpiService kpi, LvyueDbContext db, CancellationToken ct) =>
        {
            var region = Region(regionId, kpi);
            var y = year ?? ChinaTime.Today(db.Clock).Year;
            var list = await kpi.CommendationAsync(region, y, ct);
            if (string.IsNullOrEmpty(format) || format == "json") return (IResult)TypedResults.Ok(new { regionId = region, year = y, units = list });
            var name = await db.Regions.Where(r => r.Id == region).Select(r => r.Name).FirstAsync(ct);
            var f = ListExport.Write(CommendationTable(name, y, list), format, $"表彰名单-{y}");
            return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
        }).WithSummary("Units graded 优 in the year and the year before (表彰名单); format=csv, xlsx or pdf to export");
        return g;
    }

    /// <summary>The commendation list as an export table.</summary>
    public static ExportTable CommendationTable(string regionName, int year, IReadOnlyList<CommendedUnit> list) => new(
        $"{regionName}{year}年度预算单位合同履约考核表彰名单",
        ["序号", "单位名称", "统一社会信用代码", $"{year}年得分", $"{year - 1}年得分"],
        list.Select((u, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), u.Name, u.Uscc ?? "", u.Score.ToString("0.##", CultureInfo.InvariantCulture), u.PreviousScore.ToString("0.##", CultureInfo.InvariantCulture)]).ToList(),
        [$"连续两年（{year - 1}、{year}年度）考核等级为优且无一票否决情形的单位，共{list.Count}家。"]);

    private static long Region(long? requested, KpiService kpi) =>
        requested ?? kpi.DefaultRegion ?? throw (kpi.SeesAll
            ? new DomainException(ErrorKind.Invalid, new Msg("请指定地区", "Give the region"),
                new Dictionary<string, Msg[]> { ["regionId"] = [new Msg("缺少地区", "regionId is required")] })
            : DomainException.Forbidden());
}
