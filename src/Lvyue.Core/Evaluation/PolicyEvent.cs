namespace Lvyue.Evaluation;

/// <summary>
/// What a region policy decided after an assessment, with its reason and the policy version that
/// decided it. Written once, never updated.
/// </summary>
public sealed class PolicyEvent
{
    public long Id { get; set; }
    public PolicyEventKind Kind { get; set; }
    public long ContractId { get; set; }
    public long SupplierId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public long AssessmentId { get; set; }
    public long PolicyId { get; set; }
    public int PolicyVersion { get; set; }
    /// <summary>The calendar year a bid ban is about; null for other kinds.</summary>
    public int? Year { get; set; }
    /// <summary>The deducted amount (CNY) of a deduction.</summary>
    public decimal? Amount { get; set; }
    public required string Reason { get; set; }
    public required string ReasonEn { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A deduction (考核扣款) from a contract's payments, which the payment cross-checks read.</summary>
public sealed class Deduction
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long SupplierId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public long AssessmentId { get; set; }
    public long PolicyEventId { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The period fee the percentage was applied to (null for a fixed amount).</summary>
    public decimal? PeriodFee { get; set; }
    public required string Basis { get; set; }
    public DateTime At { get; set; }
}
