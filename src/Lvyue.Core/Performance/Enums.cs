namespace Lvyue.Performance;

/// <summary>What a milestone is about.</summary>
public enum MilestoneKind
{
    /// <summary>交付 / 供货</summary>
    Delivery,
    /// <summary>完工 / 服务期满</summary>
    Completion,
    /// <summary>验收</summary>
    Acceptance,
    /// <summary>付款（分期）</summary>
    PaymentInstallment,
    /// <summary>质保期满</summary>
    WarrantyEnd,
    /// <summary>退还履约保证金</summary>
    BondRefund,
    /// <summary>定期服务报告</summary>
    ServiceReport,
    /// <summary>其他</summary>
    Custom,
}

/// <summary>
/// The state of a milestone. OCDS milestoneStatus: Planned and Due → <c>scheduled</c>, Met → <c>met</c>,
/// PartiallyMet → <c>partiallyMet</c>, Missed and Waived → <c>notMet</c> (see <see cref="MilestoneLabels.ToOcds"/>).
/// </summary>
public enum MilestoneStatus { Planned, Due, Met, PartiallyMet, Missed, Waived }

/// <summary>Who must perform the milestone: the purchaser (e.g. pays) or the supplier (e.g. delivers).</summary>
public enum ResponsibleParty { Purchaser, Supplier }

/// <summary>What a relative due rule counts from.</summary>
public enum DueTrigger
{
    /// <summary>Another milestone of the contract being met (e.g. 验收合格后30日内).</summary>
    Milestone,
    /// <summary>合同签订</summary>
    ContractSigned,
    /// <summary>合同生效</summary>
    ContractEffective,
    /// <summary>履约开始</summary>
    ContractStart,
    /// <summary>履约期满</summary>
    ContractEnd,
}

/// <summary>
/// How a due rule's offset counts: calendar days, working days (the official calendar with its 调休
/// weekends), or whole months (a warranty of 36 months after acceptance).
/// </summary>
public enum DayCount { Calendar, Working, Months }

/// <summary>Recurrence of periodic milestones within the contract term.</summary>
public enum Recurrence { Monthly, Quarterly }

/// <summary>Where a milestone came from.</summary>
public enum MilestoneSource { Manual, Extraction, Recurrence }
