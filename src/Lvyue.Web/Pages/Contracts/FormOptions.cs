using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>The choices the filing form offers a clerk: the unit's departments and budget lines, subcategories, suppliers.</summary>
public sealed record FormOptions(
    BudgetUnit Unit, IReadOnlyList<Department> Departments, IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<Subcategory> Subcategories, IReadOnlyList<Supplier> Suppliers)
{
    public static async Task<FormOptions> LoadAsync(LvyueDbContext db, long unitId, CancellationToken ct)
    {
        var unit = await db.BudgetUnits.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        return new FormOptions(unit,
            await db.Departments.AsNoTracking().Where(d => d.BudgetUnitId == unitId).OrderBy(d => d.Id).ToListAsync(ct),
            await db.BudgetLines.AsNoTracking().Where(l => l.BudgetUnitId == unitId).OrderByDescending(l => l.Year).ThenBy(l => l.Code).ToListAsync(ct),
            await db.Subcategories.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct),
            await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Take(2000).ToListAsync(ct));
    }
}
