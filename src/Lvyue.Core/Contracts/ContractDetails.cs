using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>Loads one contract with everything its page shows, within the caller's tenancy.</summary>
public static class ContractDetails
{
    public static async Task<Contract?> LoadAsync(LvyueDbContext db, long id, CancellationToken ct = default)
    {
        // The budget line is read on its own: it has a tenancy filter that a supplier does not pass, and
        // including it (a required navigation, so an inner join) would hide the whole contract from its own supplier.
        var contract = await db.Contracts.AsNoTracking().AsSplitQuery()
            .Include(c => c.BudgetUnit)
            .Include(c => c.Subcategory)
            .Include(c => c.Suppliers.OrderBy(s => s.SortOrder)).ThenInclude(s => s.Supplier)
            .Include(c => c.Documents.OrderBy(d => d.FileName).ThenByDescending(d => d.VersionNo))
            .Include(c => c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is not null)
            contract.BudgetLine = await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == contract.BudgetLineId, ct);
        return contract;
    }
}
