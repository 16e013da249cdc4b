using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Performance;

/// <summary>A supplier's own obligations (我的履约义务): the milestones it is responsible for on its contracts.</summary>
[Authorize(Roles = Accounts.Roles.Supplier)]
public sealed class ObligationsModel(LvyueDbContext db, ScheduleQuery query) : LvyuePage(db)
{
    public IReadOnlyList<MilestoneRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public async Task OnGetAsync()
    {
        Today = ChinaTime.Today(Db.Clock);
        Rows = await query.ObligationsAsync(!All, HttpContext.RequestAborted);
    }
}
