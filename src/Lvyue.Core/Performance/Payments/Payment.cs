namespace Lvyue.Performance.Payments;

/// <summary>How a payment was tied to the ledger.</summary>
public enum PaymentMatch
{
    /// <summary>Matched to a contract and one of its payment milestones.</summary>
    Matched,
    /// <summary>Matched to a contract; no payment milestone of that amount was open.</summary>
    ContractOnly,
    /// <summary>No contract found: listed for a person to match.</summary>
    Unmatched,
    /// <summary>Matched by a person.</summary>
    Manual,
}

/// <summary>
/// A payment (支付) as the treasury payment system (国库集中支付) records it: voucher, date, payer,
/// payee, amount and the contract number it names, tied to a contract and a payment milestone by
/// <see cref="PaymentImport"/> or by hand. The voucher number is unique.
/// </summary>
public sealed class Payment
{
    public long Id { get; set; }
    /// <summary>The region of the contract, or of the importer when unmatched.</summary>
    public long? RegionId { get; set; }
    public long? BudgetUnitId { get; set; }
    public long? ContractId { get; set; }
    public long? MilestoneId { get; set; }
    /// <summary>支付凭证号.</summary>
    public required string VoucherNo { get; set; }
    public DateOnly PayDate { get; set; }
    public required string PayerUnit { get; set; }
    public required string PayeeName { get; set; }
    public string? PayeeAccount { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The contract number as the treasury system gave it.</summary>
    public string? ContractNumber { get; set; }
    public string? Purpose { get; set; }
    public PaymentMatch Match { get; set; }
    public DateTime? MatchedAt { get; set; }
    public string? MatchedBy { get; set; }
    /// <summary><c>file</c> or <c>api</c>, with the file name when imported from a file.</summary>
    public required string Source { get; set; }
    public DateTime ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
}
