namespace Lvyue.Performance;

/// <summary>Chinese and English names of the performance enums, and the OCDS codes they map to.</summary>
public static class MilestoneLabels
{
    public static readonly IReadOnlyDictionary<MilestoneKind, (string Zh, string En)> Kinds = new Dictionary<MilestoneKind, (string, string)>
    {
        [MilestoneKind.Delivery] = ("交付", "Delivery"),
        [MilestoneKind.Completion] = ("完工", "Completion"),
        [MilestoneKind.Acceptance] = ("验收", "Acceptance"),
        [MilestoneKind.PaymentInstallment] = ("付款", "Payment installment"),
        [MilestoneKind.WarrantyEnd] = ("质保期满", "Warranty end"),
        [MilestoneKind.BondRefund] = ("退还保证金", "Bond refund"),
        [MilestoneKind.ServiceReport] = ("定期服务报告", "Periodic service report"),
        [MilestoneKind.Custom] = ("其他", "Custom"),
    };

    public static readonly IReadOnlyDictionary<MilestoneStatus, (string Zh, string En)> Statuses = new Dictionary<MilestoneStatus, (string, string)>
    {
        [MilestoneStatus.Planned] = ("计划", "Planned"),
        [MilestoneStatus.Due] = ("到期", "Due"),
        [MilestoneStatus.Met] = ("已履行", "Met"),
        [MilestoneStatus.PartiallyMet] = ("部分履行", "Partially met"),
        [MilestoneStatus.Missed] = ("未履行", "Missed"),
        [MilestoneStatus.Waived] = ("已豁免", "Waived"),
    };

    public static readonly IReadOnlyDictionary<ResponsibleParty, (string Zh, string En)> Parties = new Dictionary<ResponsibleParty, (string, string)>
    {
        [ResponsibleParty.Purchaser] = ("采购人", "Purchaser"),
        [ResponsibleParty.Supplier] = ("供应商", "Supplier"),
    };

    public static readonly IReadOnlyDictionary<DueTrigger, (string Zh, string En)> Triggers = new Dictionary<DueTrigger, (string, string)>
    {
        [DueTrigger.Milestone] = ("节点完成", "milestone met"),
        [DueTrigger.ContractSigned] = ("合同签订", "contract signed"),
        [DueTrigger.ContractEffective] = ("合同生效", "contract effective"),
        [DueTrigger.ContractStart] = ("履约开始", "performance start"),
        [DueTrigger.ContractEnd] = ("履约期满", "performance end"),
    };

    public static readonly IReadOnlyDictionary<OverdueExit, (string Zh, string En)> Exits = new Dictionary<OverdueExit, (string, string)>
    {
        [OverdueExit.CompletedUnderSupervision] = ("监管下完成履约（不计失信）", "Completed under supervision (not dishonest)"),
        [OverdueExit.Waived] = ("节点豁免", "Waived"),
        [OverdueExit.Missed] = ("确认未履行", "Confirmed missed"),
        [OverdueExit.Terminated] = ("移入终止库", "Moved to the termination register"),
    };

    public static readonly IReadOnlyDictionary<BreachingParty, (string Zh, string En)> Breaches = new Dictionary<BreachingParty, (string, string)>
    {
        [BreachingParty.Purchaser] = ("采购人违约", "Purchaser in breach"),
        [BreachingParty.Supplier] = ("供应商违约", "Supplier in breach"),
        [BreachingParty.Neither] = ("双方均无违约", "Neither party in breach"),
    };

    /// <summary>The OCDS 1.1 milestoneStatus code: scheduled, met, notMet or partiallyMet.</summary>
    public static string ToOcds(MilestoneStatus s) => s switch
    {
        MilestoneStatus.Planned or MilestoneStatus.Due => "scheduled",
        MilestoneStatus.Met => "met",
        MilestoneStatus.PartiallyMet => "partiallyMet",
        _ => "notMet",
    };

    /// <summary>The status an OCDS milestoneStatus code imports as (notMet → Missed).</summary>
    public static MilestoneStatus FromOcds(string code) => code switch
    {
        "scheduled" => MilestoneStatus.Planned,
        "met" => MilestoneStatus.Met,
        "partiallyMet" => MilestoneStatus.PartiallyMet,
        "notMet" => MilestoneStatus.Missed,
        _ => throw new ArgumentException($"Unknown OCDS milestone status '{code}'", nameof(code)),
    };

    /// <summary>The OCDS milestoneType code of a kind: delivery, payment or reporting.</summary>
    public static string ToOcdsType(MilestoneKind k) => k switch
    {
        MilestoneKind.PaymentInstallment or MilestoneKind.BondRefund => "payment",
        MilestoneKind.ServiceReport => "reporting",
        MilestoneKind.Acceptance => "assessment",
        _ => "delivery",
    };
}
