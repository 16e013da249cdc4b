namespace Lvyue.Review.Reviews;

/// <summary>
/// One stored review of one version of a contract document against the rule set: the rule-set version used, the
/// normalized text the spans point into, the count of findings per group, or <see cref="Error"/> when the document
/// could not be read (not reviewed, which is not a clean review).
/// </summary>
public sealed class ContractReview
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    /// <summary>The <see cref="Contracts.ContractDocument"/> version reviewed.</summary>
    public long DocumentId { get; set; }
    public required string DocumentSha256 { get; set; }
    public required string FileName { get; set; }
    public int VersionNo { get; set; }
    /// <summary>The review of the previous version of the same document, if any (for new, carried-over and resolved findings).</summary>
    public long? PreviousReviewId { get; set; }
    public required string RuleSetVersion { get; set; }
    public DateTime ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>Why the document could not be read, or null when it was reviewed.</summary>
    public string? Error { get; set; }
    /// <summary>The normalized text the findings' spans point into (empty when unreadable).</summary>
    public string Text { get; set; } = "";
    public int ComplianceCount { get; set; }
    public int SevereCount { get; set; }
    public int GeneralCount { get; set; }
    public int MissingCount { get; set; }
    public List<ReviewFinding> Findings { get; set; } = [];
}

/// <summary>What a reviewer decided about a finding.</summary>
public enum FindingDisposition
{
    /// <summary>Not yet answered.</summary>
    Open,
    /// <summary>The finding is right (the text is to be fixed).</summary>
    Accepted,
    /// <summary>The finding is wrong or does not matter here (a reason is required).</summary>
    Dismissed,
}

/// <summary>One hit of a rule stored with its review, and the reviewer's answer to it.</summary>
public sealed class ReviewFinding
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    /// <summary>The contract of the review (tenancy filters through it).</summary>
    public long ContractId { get; set; }
    public required string RuleId { get; set; }
    public required string Group { get; set; }
    public required string Severity { get; set; }
    public string? ClauseType { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public string? Excerpt { get; set; }
    public required string MessageZh { get; set; }
    public required string MessageEn { get; set; }
    public string? Basis { get; set; }
    public string? Suggestion { get; set; }
    /// <summary>True when the previous version's review had the same rule at the same excerpt.</summary>
    public bool CarriedOver { get; set; }
    public FindingDisposition Disposition { get; set; }
    public string? Reason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>The identity of a finding across document versions: same rule, same excerpt.</summary>
    public (string RuleId, string? Excerpt) Key => (RuleId, Excerpt);
}
