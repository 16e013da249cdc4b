using Lvyue.Common;
using Lvyue.Credit.Kpi;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Kpi;

/// <summary>One unit's KPI of a year: the total, each component, each indicator with its rule and figures, and the events behind it.</summary>
public sealed class UnitModel(LvyueDbContext db, KpiService kpi) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int SelectedYear { get; private set; }
    public Lvyue.Organizations.BudgetUnit Unit { get; private set; } = null!;
    public KpiResult? Result { get; private set; }
    public IReadOnlyList<KpiIndicator> Indicators { get; private set; } = [];
    public bool SeesRegion { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var current = ChinaTime.Today(Db.Clock).Year;
        SelectedYear = Year is { } y && y >= current - 10 && y <= current ? y : current;
        try
        {
            (Unit, Result) = await kpi.UnitAsync(Id, SelectedYear, HttpContext.RequestAborted);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        SeesRegion = kpi.SeesRegion(Unit.RegionId);
        Indicators = Result?.Indicators() ?? [];
        return Page();
    }

    public static (string Zh, string En) Label(KpiComponent c) => c switch
    {
        KpiComponent.ContractManagement => ("合同管理", "Contract management"),
        KpiComponent.Performance => ("履约管理", "Performance"),
        _ => ("评价管理", "Evaluation"),
    };

    public decimal ScoreOf(KpiComponent c) => c switch
    {
        KpiComponent.ContractManagement => Result!.ContractScore,
        KpiComponent.Performance => Result!.PerformanceScore,
        _ => Result!.EvaluationScore,
    };
}
