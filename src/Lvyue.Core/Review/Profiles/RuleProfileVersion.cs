namespace Lvyue.Review.Profiles;

/// <summary>
/// One version of a region's rule profile (规则配置): the whole profile as it stands after one change (the library
/// rules it disables or tunes, and the region's own pattern rules), with the change that produced it. A change adds
/// the next version; versions are never edited, so the rule-set version a review recorded always names what it used.
/// </summary>
public sealed class RuleProfileVersion
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    /// <summary>1, 2, …; unique per region (two concurrent changes cannot both become version n).</summary>
    public int Version { get; set; }
    /// <summary>What the change was (<see cref="RuleProfileChangeKinds"/>).</summary>
    public required string ChangeKind { get; set; }
    /// <summary>The rule the change is about.</summary>
    public string? RuleId { get; set; }
    /// <summary>The supervisor's reason or note.</summary>
    public string? Reason { get; set; }
    /// <summary>One line describing the change, in Chinese.</summary>
    public required string SummaryZh { get; set; }
    /// <summary>The same in English.</summary>
    public required string SummaryEn { get; set; }
    /// <summary>The profile after the change as JSON (<see cref="RuleProfileContent"/>).</summary>
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
