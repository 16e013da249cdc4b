namespace Lvyue.Performance;

/// <summary>
/// A dated obligation of a contract (履约节点): a delivery, a payment installment, an acceptance…
/// It has a fixed <see cref="DueDate"/> or a due rule (<see cref="RuleOffsetDays"/> calendar or working
/// days after <see cref="RuleTrigger"/>), which becomes a date when its trigger happens. Rows are
/// visible exactly when their contract is (the contract's tenancy filter).
/// </summary>
public sealed class Milestone
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    /// <summary>Copied from the contract so the overdue sweep and the region's grace need no join.</summary>
    public long RegionId { get; set; }
    /// <summary>Copied from the contract for a unit's calendar of what falls due.</summary>
    public long BudgetUnitId { get; set; }
    public MilestoneKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Order within the contract's schedule (then by due date).</summary>
    public int Sequence { get; set; }
    /// <summary>The date it falls due; null while a due rule waits for its trigger.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>What a relative due rule counts from; null for a fixed date.</summary>
    public DueTrigger? RuleTrigger { get; set; }
    /// <summary>The milestone a <see cref="DueTrigger.Milestone"/> rule counts from (e.g. an acceptance).</summary>
    public long? TriggerMilestoneId { get; set; }
    /// <summary>The trigger milestone, when loaded (or when added in the same batch).</summary>
    public Milestone? Trigger { get; set; }
    /// <summary>Days (or months, see <see cref="RuleDayCount"/>) after the trigger; 0 = on the day.</summary>
    public int? RuleOffsetDays { get; set; }
    /// <summary>Whether <see cref="RuleOffsetDays"/> counts calendar days, working days or months.</summary>
    public DayCount? RuleDayCount { get; set; }
    /// <summary>The clause wording the rule came from, e.g. 验收合格后30日内.</summary>
    public string? RuleText { get; set; }
    /// <summary>Occurrences generated from one recurrence share this key (e.g. monthly service reports).</summary>
    public string? SeriesKey { get; set; }
    public Recurrence? Recurrence { get; set; }
    /// <summary>Money this milestone pays (payment installments, bond refunds), in CNY; null when none.</summary>
    public decimal? Amount { get; set; }
    public ResponsibleParty ResponsibleParty { get; set; }
    public MilestoneStatus Status { get; set; }
    public DateOnly? MetDate { get; set; }
    /// <summary>A <see cref="Contracts.ContractDocument"/> of the same contract that evidences the status.</summary>
    public long? EvidenceDocumentId { get; set; }
    public string? EvidenceNote { get; set; }
    public MilestoneSource Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public long Version { get; set; }

    /// <summary>Whether the milestone is still to be fulfilled (counts for reminders and the overdue register).</summary>
    public bool IsOpen => Status is MilestoneStatus.Planned or MilestoneStatus.Due or MilestoneStatus.PartiallyMet;

    /// <summary>The statuses of milestones still to be fulfilled, as stored.</summary>
    public static readonly MilestoneStatus[] OpenStatuses = [MilestoneStatus.Planned, MilestoneStatus.Due, MilestoneStatus.PartiallyMet];
}
