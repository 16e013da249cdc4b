using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>A count and a sum for one group of contracts.</summary>
public sealed record Tally(string Key, int Count, decimal Amount);

/// <summary>The home dashboard's figures within the caller's tenancy.</summary>
public sealed record DashboardFigures(
    int Contracts, decimal Amount, int AwaitingApproval, int Voluntary,
    IReadOnlyList<Tally> ByCategory, IReadOnlyList<Tally> ByStatus, IReadOnlyList<Tally> ByUnit);

/// <summary>Computes <see cref="DashboardFigures"/> with grouped SQL aggregates (no rows are loaded).</summary>
public sealed class Dashboard(LvyueDbContext db)
{
    public async Task<DashboardFigures> ComputeAsync(CancellationToken ct = default)
    {
        var contracts = db.Contracts.AsNoTracking();
        // One scan gives the category, status and voluntary figures; a second one the units.
        var cells = await contracts.GroupBy(c => new { c.Category, c.Status, c.FilingRequired })
            .Select(g => new { g.Key.Category, g.Key.Status, g.Key.FilingRequired, Count = g.Count(), Amount = g.Sum(c => c.Amount) })
            .ToListAsync(ct);
        var byUnit = await contracts.GroupBy(c => c.BudgetUnitId)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.Amount) })
            .OrderByDescending(g => g.Amount).Take(10).ToListAsync(ct);
        var unitIds = byUnit.Select(u => u.Key).ToList();
        var unitNames = await db.BudgetUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var awaiting = await db.ApprovalTasks.CountAsync(t => t.State == ApprovalState.Pending, ct);
        return new DashboardFigures(
            cells.Sum(c => c.Count), cells.Sum(c => c.Amount), awaiting, cells.Where(c => !c.FilingRequired).Sum(c => c.Count),
            cells.GroupBy(c => c.Category).OrderBy(g => g.Key).Select(g => new Tally(g.Key.ToString(), g.Sum(c => c.Count), g.Sum(c => c.Amount))).ToList(),
            cells.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => new Tally(g.Key.ToString(), g.Sum(c => c.Count), g.Sum(c => c.Amount))).ToList(),
            byUnit.Select(u => new Tally(unitNames.GetValueOrDefault(u.Key, u.Key.ToString()), u.Count, u.Amount)).ToList());
    }
}
