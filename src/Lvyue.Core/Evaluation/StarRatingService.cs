using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Evaluation;

/// <summary>
/// Star ratings: the inputs of a supplier's rating (its evaluated contracts), the rating computed from
/// them by <see cref="StarRatingFormula"/>, the stored current rating per category and its history.
/// Ratings read every assessment of the supplier, whoever asks.
/// </summary>
public sealed class StarRatingService(LvyueDbContext db)
{
    /// <summary>The supplier's evaluated contracts in a category (all categories when null), as the formula reads them.</summary>
    public async Task<List<ContractEvaluation>> ContractEvaluationsAsync(long supplierId, Category? category, CancellationToken ct = default)
    {
        var rows = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SupplierId == supplierId && (category == null || a.Category == category))
            .Select(a => new { a.ContractId, a.Line, a.Total, a.PeriodEnd }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.ContractId).Distinct().ToList();
        var amounts = await db.Contracts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Amount }).ToDictionaryAsync(c => c.Id, c => c.Amount, ct);
        return rows.GroupBy(r => r.ContractId).Select(g =>
        {
            var final = g.FirstOrDefault(r => r.Line == AssessmentLine.Final);
            var periodic = g.Where(r => r.Line != AssessmentLine.Final).ToList();
            var score = final?.Total ?? Math.Round(periodic.Average(r => r.Total), 2, MidpointRounding.AwayFromZero);
            return new ContractEvaluation(g.Key, amounts[g.Key], score, g.Max(r => r.PeriodEnd), g.Count());
        }).OrderBy(c => c.ContractId).ToList();
    }

    /// <summary>Computes the rating now (not stored): what the rating page shows term by term.</summary>
    public async Task<(RatingResult Result, List<ContractEvaluation> Inputs, DateOnly AsOf)> ComputeAsync(long supplierId, Category? category, CancellationToken ct = default)
    {
        var asOf = ChinaTime.Today(db.Clock);
        var inputs = await ContractEvaluationsAsync(supplierId, category, ct);
        return (StarRatingFormula.Compute(inputs, asOf), inputs, asOf);
    }

    /// <summary>Recomputes and stores one rating; appends a history row when the stars or the score moved.</summary>
    public async Task<StarRating?> UpdateAsync(long supplierId, Category category, long? assessmentId, CancellationToken ct = default)
    {
        var (result, inputs, asOf) = await ComputeAsync(supplierId, category, ct);
        if (inputs.Count == 0) return null;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var rating = await db.StarRatings.FirstOrDefaultAsync(r => r.SupplierId == supplierId && r.Category == category, ct);
        var before = rating is null ? (decimal?)null : rating.Stars;
        var changed = rating is null || rating.Stars != result.Stars || rating.Score != result.Score;
        if (rating is null)
        {
            rating = new StarRating { SupplierId = supplierId, Category = category };
            db.StarRatings.Add(rating);
        }
        rating.Stars = result.Stars;
        rating.Score = result.Score;
        rating.ContractCount = inputs.Count;
        rating.AssessmentCount = inputs.Sum(i => i.Assessments);
        rating.AsOf = asOf;
        rating.FormulaVersion = StarRatingFormula.Version;
        rating.ComputedAt = now;
        if (changed)
            db.StarRatingChanges.Add(new StarRatingChange
            {
                SupplierId = supplierId, Category = category, FromStars = before, Stars = result.Stars, Score = result.Score,
                ContractCount = inputs.Count, AsOf = asOf, FormulaVersion = StarRatingFormula.Version, AssessmentId = assessmentId, At = now,
            });
        await db.SaveChangesAsync(ct);
        return rating;
    }

    /// <summary>The stored ratings of some suppliers, for lists.</summary>
    public async Task<Dictionary<long, List<StarRating>>> ForSuppliersAsync(IReadOnlyCollection<long> supplierIds, CancellationToken ct = default)
    {
        var rows = await db.StarRatings.AsNoTracking().Where(r => supplierIds.Contains(r.SupplierId)).ToListAsync(ct);
        return rows.GroupBy(r => r.SupplierId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Category).ToList());
    }

    /// <summary>The history of a supplier's ratings, newest first.</summary>
    public Task<List<StarRatingChange>> HistoryAsync(long supplierId, CancellationToken ct = default) =>
        db.StarRatingChanges.AsNoTracking().Where(h => h.SupplierId == supplierId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).ToListAsync(ct);
}
