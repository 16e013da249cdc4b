using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Credit;

/// <summary>The credit of one supplier or budget unit: grades by year and the records they come from.</summary>
public sealed class SubjectModel(LvyueDbContext db, CreditService credit) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public CreditSubject Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public string Name { get; private set; } = "";
    public List<CreditGrade> Grades { get; private set; } = [];
    public List<CreditRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var name = Kind == CreditSubject.Supplier
            ? await Db.Suppliers.AsNoTracking().Where(s => s.Id == Id).Select(s => s.Name).FirstOrDefaultAsync()
            : await Db.BudgetUnits.AsNoTracking().Where(u => u.Id == Id).Select(u => u.Name).FirstOrDefaultAsync();
        if (name is null) return NotFound();
        Name = name;
        Grades = await credit.GradesAsync(Kind, Id, HttpContext.RequestAborted);
        Records = await credit.RecordsAsync(Kind, Id, HttpContext.RequestAborted);
        return Page();
    }
}
