using Lvyue.Common;
using Lvyue.Credit.Kpi;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Kpi;

/// <summary>The region's KPI rules (考核规则): the current weights and parameters (for the region's people and its units), a revision form for supervisors (a new version), and every version.</summary>
public sealed class RulesModel(LvyueDbContext db, KpiService kpi) : LvyuePage(db)
{
    [BindProperty] public KpiParameters Input { get; set; } = KpiParameters.Defaults;
    [BindProperty] public string? Note { get; set; }

    public long RegionId { get; private set; }
    public List<KpiPolicy> History { get; private set; } = [];
    public bool CanRevise => User.IsInRole(Accounts.Roles.Supervisor) && Scope.RegionId == RegionId;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Forbid();
        Input = History[0].Parameters();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Forbid();
        if (!CanRevise) return Forbid();
        try
        {
            var p = await kpi.ReviseAsync(RegionId, Input, Note, HttpContext.RequestAborted);
            Flash = T($"已发布第{p.Version}版考核规则，下次重算起生效", $"Rules version {p.Version} saved; it applies from the next recompute");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            AddErrors(e, "Input.");
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        if (kpi.DefaultRegion is not { } region) return false; // a unit reads the rules it is scored by; supervisors revise them
        RegionId = region;
        await kpi.PolicyAsync(region, HttpContext.RequestAborted);
        History = await kpi.PolicyHistoryAsync(region, HttpContext.RequestAborted);
        return true;
    }
}
