namespace Lvyue.Performance.Changes;

/// <summary>What a change (变更) alters.</summary>
public enum ChangeKind
{
    /// <summary>合同金额</summary>
    Amount,
    /// <summary>合同期限</summary>
    Term,
    /// <summary>履约范围（标的、数量、内容）</summary>
    Scope,
    /// <summary>合同当事人（供应商）</summary>
    Parties,
}

/// <summary>The state of a change: requested by the unit's clerk, decided by the unit's leader.</summary>
public enum ChangeState { Pending, Approved, Rejected }

/// <summary>
/// A change (变更) of a filed contract: amount, term, scope or parties, with its reason, an optional
/// supporting document and the decision. Applying an approved change versions the ledger (the
/// contract's amount, end date or lead supplier change and its <c>Version</c> is bumped); the record
/// keeps the values before and after. Amount changes carry the contract's original amount and the
/// cumulative increase so far, and are flagged non-compliant when the increase exceeds 10% of the
/// original amount (政府采购法 第四十九条).
/// </summary>
public sealed class ContractChange
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    /// <summary>1 for the contract's first change, then 2, 3, … (rejected ones included).</summary>
    public int SequenceNo { get; set; }
    public ChangeKind Kind { get; set; }
    public ChangeState State { get; set; }
    public required string Reason { get; set; }
    /// <summary>What changes in words (required for scope and parties changes).</summary>
    public string? Description { get; set; }
    public decimal? AmountBefore { get; set; }
    public decimal? AmountAfter { get; set; }
    public DateOnly? EndDateBefore { get; set; }
    public DateOnly? EndDateAfter { get; set; }
    public long? SupplierIdBefore { get; set; }
    public long? SupplierIdAfter { get; set; }
    /// <summary>The contract amount before its first applied amount change (set when an amount change is applied).</summary>
    public decimal? OriginalAmount { get; set; }
    /// <summary>The sum of all applied increases of the contract up to and including this change.</summary>
    public decimal? CumulativeIncrease { get; set; }
    /// <summary>True when <see cref="CumulativeIncrease"/> exceeds 10% of <see cref="OriginalAmount"/>.</summary>
    public bool NonCompliant { get; set; }
    /// <summary>The supporting document (补充协议, 变更申请), stored among the contract's documents.</summary>
    public long? DocumentId { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The signed amount delta of an amount change.</summary>
    public decimal? Delta => AmountAfter - AmountBefore;
}

/// <summary>A requested change. Amount changes give either the new amount or a signed delta.</summary>
public sealed record ChangeInput
{
    public ChangeKind Kind { get; init; }
    public string? Reason { get; init; }
    public string? Description { get; init; }
    public decimal? NewAmount { get; init; }
    public decimal? AmountDelta { get; init; }
    public DateOnly? NewEndDate { get; init; }
    public long? NewSupplierId { get; init; }
}
