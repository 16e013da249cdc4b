using Lvyue.Contracts;

namespace Lvyue.Evaluation;

/// <summary>
/// A supplier's current star rating (星级评价) in one category, as <see cref="StarRatingFormula"/> computed it
/// on <see cref="AsOf"/> from the inputs counted here.
/// </summary>
public sealed class StarRating
{
    public long Id { get; set; }
    public long SupplierId { get; set; }
    public Category Category { get; set; }
    /// <summary>1 to 5 in steps of 0.5.</summary>
    public decimal Stars { get; set; }
    /// <summary>The weighted score S the stars come from.</summary>
    public decimal Score { get; set; }
    public int ContractCount { get; set; }
    public int AssessmentCount { get; set; }
    public DateOnly AsOf { get; set; }
    public int FormulaVersion { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>A change of a star rating, appended whenever the stars or the score move; never updated.</summary>
public sealed class StarRatingChange
{
    public long Id { get; set; }
    public long SupplierId { get; set; }
    public Category Category { get; set; }
    public decimal? FromStars { get; set; }
    public decimal Stars { get; set; }
    public decimal Score { get; set; }
    public int ContractCount { get; set; }
    public DateOnly AsOf { get; set; }
    public int FormulaVersion { get; set; }
    /// <summary>The assessment that caused the change, or null for a full recomputation.</summary>
    public long? AssessmentId { get; set; }
    public DateTime At { get; set; }
}
