using Lvyue.Common;
using Lvyue.Credit.Kpi;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Kpi;

/// <summary>
/// 部门绩效考核: the KPI of every budget unit of the region for a year (a unit sees its own row), the documented formula
/// with the region's current rules, the last nightly recompute, recompute now, and the commendation list with its exports.
/// </summary>
public sealed class IndexModel(LvyueDbContext db, KpiService kpi, NightlyRecompute nightly) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int SelectedYear { get; private set; }
    public int CurrentYear { get; private set; }
    public long RegionId { get; private set; }
    public string RegionName { get; private set; } = "";
    public List<KpiRow> Rows { get; private set; } = [];
    public KpiPolicy Policy { get; private set; } = null!;
    public KpiParameters P => Policy.Parameters();
    public RecomputeRun? LastRun { get; private set; }
    public bool SeesRegion { get; private set; }
    public bool CanCompute { get; private set; }
    public List<CommendedUnit> Commendation { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostRecomputeAsync()
    {
        if (!await LoadAsync()) return Forbid();
        if (!CanCompute) return Forbid();
        try
        {
            var n = await kpi.ComputeAsync(RegionId, SelectedYear, HttpContext.RequestAborted);
            Flash = T($"已重算{SelectedYear}年度{n}个单位的考核结果", $"Recomputed the {SelectedYear} KPI of {n} unit(s)");
            return RedirectToPage(new { year = SelectedYear });
        }
        catch (DomainException e)
        {
            ShowRefusal(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        if (kpi.DefaultRegion is not { } region) return false;
        var ct = HttpContext.RequestAborted;
        RegionId = region;
        CurrentYear = ChinaTime.Today(Db.Clock).Year;
        SelectedYear = Year is { } y && y >= CurrentYear - 10 && y <= CurrentYear ? y : CurrentYear;
        RegionName = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Db.Regions.Where(r => r.Id == region).Select(r => r.Name), ct) ?? "";
        SeesRegion = kpi.SeesRegion(region);
        CanCompute = kpi.MayCompute(region);
        Rows = await kpi.ListAsync(region, SelectedYear, ct);
        Policy = await kpi.PolicyAsync(region, ct);
        LastRun = await nightly.LastAsync(ct);
        if (SeesRegion) Commendation = await kpi.CommendationAsync(region, SelectedYear, ct);
        return true;
    }
}
