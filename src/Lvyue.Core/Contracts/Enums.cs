namespace Lvyue.Contracts;

/// <summary>The three contract categories (工程 / 货物 / 服务).</summary>
public enum Category { Works, Goods, Services }

/// <summary>Procurement methods of the Government Procurement Law plus self-procurement below thresholds.</summary>
public enum ProcurementMethod
{
    /// <summary>公开招标</summary>
    OpenTender,
    /// <summary>邀请招标</summary>
    InvitedTender,
    /// <summary>竞争性谈判</summary>
    CompetitiveNegotiation,
    /// <summary>竞争性磋商</summary>
    CompetitiveConsultation,
    /// <summary>询价</summary>
    RequestForQuotation,
    /// <summary>单一来源</summary>
    SingleSource,
    /// <summary>框架协议</summary>
    FrameworkAgreement,
    /// <summary>自行采购</summary>
    SelfProcurement,
}

/// <summary>Confidentiality (密级): only <see cref="Public"/> contracts may ever reach disclosure.</summary>
public enum Confidentiality { Public, CommercialSecret, StateSecret }

/// <summary>The filing lifecycle: Draft → PendingApproval → Filed → Performing → Completed | Terminated.</summary>
public enum ContractStatus { Draft, PendingApproval, Filed, Performing, Completed, Terminated }

/// <summary>Who must approve a filing: the unit's leadership or the supervising authority (finance bureau).</summary>
public enum ApprovalLevel { UnitLeader, Authority }

/// <summary>The state of one approval task.</summary>
public enum ApprovalState { Pending, Approved, Returned }
