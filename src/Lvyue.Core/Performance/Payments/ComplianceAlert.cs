namespace Lvyue.Performance.Payments;

/// <summary>The cross-checks that raise a <see cref="ComplianceAlert"/>.</summary>
public enum AlertKind
{
    /// <summary>付款早于验收：支付依赖验收合格的款项在验收合格前支付.</summary>
    PaidBeforeAcceptance,
    /// <summary>累计支付超过合同金额（含已批准变更）.</summary>
    Overpaid,
    /// <summary>收款人与合同供应商不一致.</summary>
    PayeeNotSupplier,
    /// <summary>逾期支付中小企业款项（保障中小企业款项支付条例 第九、十、十七条）.</summary>
    SmeLatePayment,
    /// <summary>变更累计增加金额超过原合同金额10%（政府采购法 第四十九条）.</summary>
    ChangeOverTenPercent,
}

/// <summary>
/// A stored finding of a cross-check on a contract, shown on the contract and on the supervisors'
/// alert list until resolved; the notification capability may deliver it. Money figures that explain
/// it (the excess, the interest owed) are kept as numbers.
/// </summary>
public sealed class ComplianceAlert
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public AlertKind Kind { get; set; }
    public long? PaymentId { get; set; }
    public long? ChangeId { get; set; }
    public required string Message { get; set; }
    public required string MessageEn { get; set; }
    /// <summary>The amount at issue: the excess paid, the excess increase, or the late payment.</summary>
    public decimal? Amount { get; set; }
    /// <summary>Days late (SME late payment).</summary>
    public int? DaysLate { get; set; }
    /// <summary>Interest owed at the default daily rate (SME late payment).</summary>
    public decimal? Interest { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
}
