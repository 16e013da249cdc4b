namespace Lvyue.Evaluation;

/// <summary>The evaluation of one contract as the star rating reads it.</summary>
public sealed record ContractEvaluation(long ContractId, decimal Amount, decimal Score, DateOnly LastPeriodEnd, int Assessments);

/// <summary>One contract's share of a rating, for showing how the rating came about.</summary>
public sealed record RatingTerm(long ContractId, decimal Score, decimal AmountWeight, decimal RecencyWeight, decimal Weight);

/// <summary>A computed rating with its terms.</summary>
public sealed record RatingResult(decimal Stars, decimal Score, IReadOnlyList<RatingTerm> Terms);

/// <summary>
/// The star rating formula, version 1 (documented on the rating page, reproducible from the data):
/// <code>
/// score(c)   = the final evaluation's total if there is one, else the mean of c's periodic totals
/// a(c)       = log10(10 + amount(c) / 10 000)                      (amount weight: 1 at CNY 0, 2 at CNY 900 000, 3 at CNY 9.99 m)
/// r(c)       = 0.5 ^ (age(c) / 730 days)                          (recency: halves every two years; age from c's last assessed period end)
/// S          = Σ a(c)·r(c)·score(c) / Σ a(c)·r(c)                 (over the supplier's contracts of the category)
/// stars      = clamp(1 + 0.5 · floor((S − 55) / 5), 1, 5)         (95 → 5, 90 → 4.5, 85 → 4, … 60 → 1.5, below 60 → 1)
/// </code>
/// </summary>
public static class StarRatingFormula
{
    public const int Version = 1;
    public const double HalfLifeDays = 730;

    public static RatingResult Compute(IEnumerable<ContractEvaluation> contracts, DateOnly asOf)
    {
        var terms = new List<RatingTerm>();
        double num = 0, den = 0;
        foreach (var c in contracts)
        {
            var a = Math.Log10(10 + (double)c.Amount / 10_000d);
            var age = Math.Max(0, asOf.DayNumber - c.LastPeriodEnd.DayNumber);
            var r = Math.Pow(0.5, age / HalfLifeDays);
            var w = a * r;
            num += w * (double)c.Score;
            den += w;
            terms.Add(new RatingTerm(c.ContractId, c.Score, R4(a), R4(r), R4(w)));
        }
        if (den <= 0) return new RatingResult(0m, 0m, terms);
        var s = Math.Round((decimal)(num / den), 2, MidpointRounding.AwayFromZero);
        return new RatingResult(StarsFor(s), s, terms);
    }

    /// <summary>The stars of a weighted score S.</summary>
    public static decimal StarsFor(decimal s) =>
        Math.Clamp(1m + 0.5m * Math.Floor((s - 55m) / 5m), 1m, 5m);

    private static decimal R4(double d) => Math.Round((decimal)d, 4, MidpointRounding.AwayFromZero);
}
