using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>The evaluation of one contract: its assessments, what the region policy decided, its deductions, the supplier's rating.</summary>
public sealed class ContractModel(LvyueDbContext db) : LvyuePage(db)
{
    public Contract Contract { get; private set; } = null!;
    public List<AssessmentDto> Assessments { get; private set; } = [];
    public List<Deduction> Deductions { get; private set; } = [];
    public List<(long Id, string Name, StarRating? Rating)> Suppliers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var c = await Db.Contracts.AsNoTracking().Include(x => x.BudgetUnit).Include(x => x.Subcategory).Include(x => x.Suppliers).ThenInclude(s => s.Supplier)
            .FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return NotFound();
        Contract = c;
        Assessments = await EvaluationApi.LoadAsync(Db, Db.Assessments.Where(a => a.ContractId == id), HttpContext.RequestAborted);
        Deductions = await Db.Deductions.AsNoTracking().Where(d => d.ContractId == id).OrderBy(d => d.Id).ToListAsync();
        var ids = c.Suppliers.Select(s => s.SupplierId).ToList();
        var ratings = await Db.StarRatings.AsNoTracking().Where(r => ids.Contains(r.SupplierId) && r.Category == c.Category).ToListAsync();
        Suppliers = c.Suppliers.OrderBy(s => s.SortOrder)
            .Select(s => (s.SupplierId, s.Supplier!.Name, ratings.FirstOrDefault(r => r.SupplierId == s.SupplierId))).ToList();
        return Page();
    }
}
