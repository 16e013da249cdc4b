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
        var byCategory = await contracts.GroupBy(c => c.Category)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.Amount) }).ToListAsync(ct);
        var byStatus = await contracts.GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.Amount) }).ToListAsync(ct);
        var byUnit = await contracts.GroupBy(c => c.BudgetUnitId)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.Amount) })
            .OrderByDescending(g => g.Amount).Take(10).ToListAsync(ct);
        var unitIds = byUnit.Select(u => u.Key).ToList();
        var unitNames = await db.BudgetUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var awaiting = await db.ApprovalTasks.CountAsync(t => t.State == ApprovalState.Pending, ct);
        var voluntary = await contracts.CountAsync(c => !c.FilingRequired, ct);
        return new DashboardFigures(
            byStatus.Sum(s => s.Count), byStatus.Sum(s => s.Amount), awaiting, voluntary,
            byCategory.OrderBy(c => c.Key).Select(c => new Tally(c.Key.ToString(), c.Count, c.Amount)).ToList(),
            byStatus.OrderBy(c => c.Key).Select(c => new Tally(c.Key.ToString(), c.Count, c.Amount)).ToList(),
            byUnit.Select(u => new Tally(unitNames.GetValueOrDefault(u.Key, u.Key.ToString()), u.Count, u.Amount)).ToList());
    }
}
