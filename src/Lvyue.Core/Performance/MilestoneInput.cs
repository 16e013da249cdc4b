namespace Lvyue.Performance;

/// <summary>
/// A milestone to add: a fixed <see cref="DueDate"/>, or a due rule (<see cref="RuleTrigger"/> +
/// <see cref="RuleOffsetDays"/> in <see cref="RuleDayCount"/> days). With a <see cref="Recurrence"/> the
/// due date is the first occurrence and the rest are generated up to the contract's end.
/// </summary>
public sealed record MilestoneInput
{
    public MilestoneKind Kind { get; init; }
    public string? Title { get; init; }
    public DateOnly? DueDate { get; init; }
    public DueTrigger? RuleTrigger { get; init; }
    /// <summary>The milestone a <see cref="DueTrigger.Milestone"/> rule counts from.</summary>
    public long? TriggerMilestoneId { get; init; }
    /// <summary>Within one batch (proposals): the position of the trigger milestone in the batch.</summary>
    public int? TriggerIndex { get; init; }
    public int? RuleOffsetDays { get; init; }
    public DayCount? RuleDayCount { get; init; }
    public string? RuleText { get; init; }
    public decimal? Amount { get; init; }
    public ResponsibleParty ResponsibleParty { get; init; }
    public Recurrence? Recurrence { get; init; }
    /// <summary>Last date of a recurrence (default: the contract's end date).</summary>
    public DateOnly? RecurrenceUntil { get; init; }
}

/// <summary>A status change of a milestone, with its evidence.</summary>
public sealed record MilestoneStatusChange
{
    public MilestoneStatus Status { get; init; }
    /// <summary>When it was met (default today); for Met and PartiallyMet.</summary>
    public DateOnly? MetDate { get; init; }
    /// <summary>A document of the same contract that evidences the change.</summary>
    public long? EvidenceDocumentId { get; init; }
    public string? Note { get; init; }
    /// <summary>The version the caller saw (optimistic concurrency); null to skip the check.</summary>
    public long? ExpectedVersion { get; init; }
}
