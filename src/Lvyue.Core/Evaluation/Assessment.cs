namespace Lvyue.Evaluation;

/// <summary>
/// An assessment (考核) of a contract's supplier for one period on one line, scored on a fixed template
/// version. At most one per contract, line and period; the final evaluation covers the whole term.
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    /// <summary>The lead supplier of the contract when scored.</summary>
    public long SupplierId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public Contracts.Category Category { get; set; }
    public long TemplateId { get; set; }
    public EvaluationTemplate? Template { get; set; }
    public AssessmentLine Line { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>2026-03, 2026-Q2, or 终评 for a final evaluation.</summary>
    public required string PeriodLabel { get; set; }
    /// <summary>Σ score / max × weight over the items, rounded to 0.01.</summary>
    public decimal Total { get; set; }
    public string? Note { get; set; }
    public string? EvidenceFileName { get; set; }
    public string? EvidenceSha256 { get; set; }
    public required string ScoredBy { get; set; }
    public DateTime ScoredAt { get; set; }
    public List<AssessmentScore> Scores { get; set; } = [];
}

/// <summary>The score of one template item in an assessment.</summary>
public sealed class AssessmentScore
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public long TemplateItemId { get; set; }
    public decimal Score { get; set; }
    public string? Remark { get; set; }
}
