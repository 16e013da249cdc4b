namespace Lvyue.Review.Rules;

/// <summary>One finding: a rule that holds at a span of the contract (or, for a missing clause, with no span).</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Group">The rule's group.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="ClauseType">The clause type the finding is about (for a missing clause, the absent type), or null.</param>
/// <param name="Start">Start of the sentence that shows the finding in the normalized text, or null.</param>
/// <param name="End">End (exclusive) of that sentence, or null.</param>
/// <param name="Excerpt">The text of [Start, End), or null.</param>
/// <param name="Message">The rule's message.</param>
/// <param name="Basis">The legal basis, or null.</param>
/// <param name="Suggestion">The suggested fix, or null.</param>
public sealed record ReviewHit(string RuleId, string Group, string Severity, string? ClauseType, int? Start, int? End,
    string? Excerpt, RuleMessage Message, string? Basis, string? Suggestion);

/// <summary>
/// The result of reviewing one document: the hits in document order (missing clauses last), the count per group and
/// the version of the rule set used. A document that could not be read has <see cref="Error"/> set and no hits: it
/// was not reviewed, which is not the same as a clean review.
/// </summary>
public sealed class ReviewReport
{
    internal ReviewReport(string ruleSetVersion, IReadOnlyList<ReviewHit> hits, string? error, double elapsedMs)
    {
        RuleSetVersion = ruleSetVersion;
        Hits = hits;
        Error = error;
        ElapsedMs = elapsedMs;
        Summary = RuleGroups.All.ToDictionary(g => g, g => hits.Count(h => h.Group == g));
    }

    /// <summary>The version of the rule set (a hash of its rule files).</summary>
    public string RuleSetVersion { get; }

    /// <summary>The findings.</summary>
    public IReadOnlyList<ReviewHit> Hits { get; }

    /// <summary>Number of hits per group, every group present.</summary>
    public IReadOnlyDictionary<string, int> Summary { get; }

    /// <summary>Rules whose regular expression hit the match time limit and were not evaluated (normally none).</summary>
    public IReadOnlyList<string> TimedOutRules { get; internal init; } = [];

    /// <summary>Why the document could not be reviewed, or null when it was.</summary>
    public string? Error { get; }

    /// <summary>Time the review took, in milliseconds (set by the caller that timed it).</summary>
    public double ElapsedMs { get; internal set; }

    /// <summary>A report for a document that could not be read.</summary>
    public static ReviewReport Unreadable(string ruleSetVersion, string reason, double elapsedMs = 0) =>
        new(ruleSetVersion, [], reason, elapsedMs);

    /// <summary>This report with <see cref="ElapsedMs"/> set to <paramref name="elapsedMs"/>.</summary>
    public ReviewReport WithElapsed(double elapsedMs)
    {
        ElapsedMs = elapsedMs;
        return this;
    }
}
