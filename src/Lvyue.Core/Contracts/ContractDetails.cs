using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>Loads one contract with everything its page shows, within the caller's tenancy.</summary>
public static class ContractDetails
{
    public static async Task<Contract?> LoadAsync(LvyueDbContext db, long id, CancellationToken ct = default) =>
        await db.Contracts.AsNoTracking().AsSplitQuery()
            .Include(c => c.BudgetUnit)
            .Include(c => c.BudgetLine)
            .Include(c => c.Subcategory)
            .Include(c => c.Suppliers.OrderBy(s => s.SortOrder)).ThenInclude(s => s.Supplier)
            .Include(c => c.Documents.OrderBy(d => d.FileName).ThenByDescending(d => d.VersionNo))
            .Include(c => c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(c => c.Id == id, ct);
}
