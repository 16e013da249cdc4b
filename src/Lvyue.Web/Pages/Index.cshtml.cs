using System.Text.Json;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Auth;

namespace Lvyue.Web.Pages;

/// <summary>The home dashboard: contracts and amounts by category, status and unit within the user's tenancy.</summary>
public sealed class IndexModel(LvyueDbContext db, Dashboard dashboard) : LvyuePage(db)
{
    public DashboardFigures? Figures { get; private set; }
    public string DisplayName => User.FindFirst(LvyueClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
    public bool CanApprove => User.IsInRole(Accounts.Roles.UnitLeader) || User.IsInRole(Accounts.Roles.Supervisor);

    public async Task OnGetAsync()
    {
        if (Scope.SeesContracts) Figures = await dashboard.ComputeAsync(HttpContext.RequestAborted);
    }

    /// <summary>Chart series as JSON for ECharts: name, count and amount per group.</summary>
    public string Json(IReadOnlyList<Tally> tallies, Func<string, string> label) =>
        JsonSerializer.Serialize(tallies.Select(t => new { name = label(t.Key), count = t.Count, amount = t.Amount }));
}
