namespace Lvyue.Performance;

/// <summary>
/// A milestone's stay in the overdue register (逾期执行库), written by <see cref="OverdueSweep"/> when the
/// milestone is past its due date plus the region's grace. It leaves when the milestone is met
/// (completed under supervision: recorded, not dishonest), waived, or its contract is terminated.
/// </summary>
public sealed class OverdueEntry
{
    public long Id { get; set; }
    public long MilestoneId { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    /// <summary>The first supplier of the contract (for the register by supplier).</summary>
    public long? SupplierId { get; set; }
    public ResponsibleParty ResponsibleParty { get; set; }
    /// <summary>The due date when the milestone entered.</summary>
    public DateOnly DueDate { get; set; }
    public DateOnly EnteredOn { get; set; }
    public int GraceWorkingDays { get; set; }
    /// <summary>Marked by a supervisor for close watch (重点关注).</summary>
    public bool CloseWatch { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public OverdueExit? ExitReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<SupervisionAction> Actions { get; set; } = [];
}

/// <summary>Why an entry left the overdue register.</summary>
public enum OverdueExit
{
    /// <summary>履约完成（监管下完成），不计入失信</summary>
    CompletedUnderSupervision,
    /// <summary>节点豁免</summary>
    Waived,
    /// <summary>节点确认未履行</summary>
    Missed,
    /// <summary>合同移入终止库</summary>
    Terminated,
}

/// <summary>An interview (约谈) or other supervision action on an overdue entry.</summary>
public sealed class SupervisionAction
{
    public long Id { get; set; }
    public long OverdueEntryId { get; set; }
    public SupervisionActionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Actor { get; set; }
    public required string Note { get; set; }
    /// <summary>A document of the contract (minutes of the interview, a notice).</summary>
    public long? DocumentId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a supervisor did.</summary>
public enum SupervisionActionKind
{
    /// <summary>约谈</summary>
    Interview,
    /// <summary>督办 / 书面提醒 / 现场检查等</summary>
    Action,
}
