using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Reports;

/// <summary>The score of one group: its findings, how many are still open, and 100 minus their weights (at least 0).</summary>
/// <param name="Group">One of <see cref="RuleGroups.All"/>.</param>
/// <param name="Count">Findings of the group (dismissed ones included).</param>
/// <param name="Dismissed">Findings a reviewer dismissed with a reason (they do not lower the score).</param>
/// <param name="Open">Findings not yet answered.</param>
/// <param name="OpenHigh">High-severity findings not yet answered (these hold up approval of the filing).</param>
/// <param name="Score">100 − Σ weight(severity) of the findings not dismissed, at least 0.</param>
public sealed record GroupScore(string Group, int Count, int Dismissed, int Open, int OpenHigh, int Score);

/// <summary>
/// The score of a review (审查评分), by group and overall. Each finding not dismissed by a reviewer weighs by its severity:
/// high 20, medium 5, low 1. A group's score is 100 minus the weights of its findings, at least 0; the overall score is the
/// mean of the four group scores, rounded half up. An accepted finding still counts (the text is not fixed until a new
/// version is reviewed); a dismissed one does not (the reviewer judged it wrong or immaterial, and gave the reason).
/// A review of a document that could not be read has no score (<see cref="Of(ContractReview)"/> returns null).
/// </summary>
public sealed record ReviewScore(IReadOnlyList<GroupScore> Groups, int Overall)
{
    /// <summary>The weight of a finding of the severity.</summary>
    public static int Weight(string severity) => severity switch
    {
        RuleSeverities.High => 20,
        RuleSeverities.Medium => 5,
        _ => 1,
    };

    /// <summary>The group's score line (every group of <see cref="RuleGroups.All"/> is present).</summary>
    public GroupScore this[string group] => Groups.First(g => g.Group == group);

    /// <summary>Findings not yet answered, all groups.</summary>
    public int Open => Groups.Sum(g => g.Open);

    /// <summary>High-severity findings not yet answered, all groups.</summary>
    public int OpenHigh => Groups.Sum(g => g.OpenHigh);

    /// <summary>The score of a stored review, or null when its document could not be read (not reviewed is not a score).</summary>
    public static ReviewScore? Of(ContractReview review) => review.Error is not null ? null : Of(review.Findings);

    /// <summary>The score of a set of findings.</summary>
    public static ReviewScore Of(IEnumerable<ReviewFinding> findings)
    {
        var list = findings as IReadOnlyCollection<ReviewFinding> ?? [.. findings];
        var groups = RuleGroups.All.Select(g =>
        {
            var of = list.Where(f => f.Group == g).ToList();
            var weight = of.Where(f => f.Disposition != FindingDisposition.Dismissed).Sum(f => Weight(f.Severity));
            return new GroupScore(g, of.Count, of.Count(f => f.Disposition == FindingDisposition.Dismissed),
                of.Count(f => f.Disposition == FindingDisposition.Open),
                of.Count(f => f.Disposition == FindingDisposition.Open && f.Severity == RuleSeverities.High),
                Math.Max(0, 100 - weight));
        }).ToList();
        var overall = (int)Math.Round(groups.Average(g => (decimal)g.Score), MidpointRounding.AwayFromZero);
        return new ReviewScore(groups, overall);
    }
}
