using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>A supplier's star ratings: the formula, each category's rating recomputed term by term, and the history.</summary>
public sealed class RatingModel(LvyueDbContext db, StarRatingService ratings) : LvyuePage(db)
{
    /// <summary>One category: the stored rating and the recomputation with its inputs.</summary>
    public sealed record CategoryRating(Category Category, StarRating? Stored, RatingResult Now, List<ContractEvaluation> Inputs);

    public Supplier Supplier { get; private set; } = null!;
    public List<CategoryRating> Categories { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public Dictionary<long, string> Numbers { get; private set; } = [];
    public List<StarRatingChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long supplierId)
    {
        var s = await Db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == supplierId);
        if (s is null) return NotFound();
        Supplier = s;
        var stored = await Db.StarRatings.AsNoTracking().Where(r => r.SupplierId == supplierId).ToListAsync();
        foreach (var c in Enum.GetValues<Category>())
        {
            var (now, inputs, asOf) = await ratings.ComputeAsync(supplierId, c);
            AsOf = asOf;
            if (inputs.Count == 0 && stored.All(r => r.Category != c)) continue;
            Categories.Add(new CategoryRating(c, stored.FirstOrDefault(r => r.Category == c), now, inputs));
        }
        var ids = Categories.SelectMany(c => c.Inputs).Select(i => i.ContractId).ToList();
        Numbers = await Db.Contracts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);
        History = (await ratings.HistoryAsync(supplierId)).Take(100).ToList();
        return Page();
    }
}
