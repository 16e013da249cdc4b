namespace Lvyue.Credit;

/// <summary>Whose credit a record is about.</summary>
public enum CreditSubject { Supplier, BudgetUnit }

/// <summary>Where a credit record came from.</summary>
public enum CreditSource { Performance, Evaluation, Determination }

/// <summary>The credit grades 优 / 良 / 中 / 差.</summary>
public enum CreditGradeLevel { Excellent, Good, Fair, Poor }

/// <summary>
/// A credit record (信用记录) of a supplier or a budget unit: one fact from performance, evaluation or a
/// determination, with the points it adds to the credit score and whether it counts as dishonest.
/// <see cref="SourceKey"/> names the fact it came from, so a fact is recorded once.
/// </summary>
public sealed class CreditRecord
{
    public long Id { get; set; }
    public CreditSubject Subject { get; set; }
    public long SubjectId { get; set; }
    public long RegionId { get; set; }
    public CreditSource Source { get; set; }
    /// <summary>What happened, e.g. <c>termination_right</c>, <c>breach_after_dispute</c> (see <see cref="CreditRules"/>).</summary>
    public required string Kind { get; set; }
    public long? ContractId { get; set; }
    /// <summary>e.g. <c>policy-event:12</c>, <c>assessment:5</c>, <c>credit-event:3</c>; unique.</summary>
    public required string SourceKey { get; set; }
    /// <summary>Points added to the credit score (negative for bad conduct).</summary>
    public int Points { get; set; }
    /// <summary>Counts toward the grade; a record kept only for information does not (e.g. an overdue completed under supervision).</summary>
    public bool Counted { get; set; } = true;
    /// <summary>Dishonest conduct (失信): a counted dishonest record makes the grade 差 (one-vote veto).</summary>
    public bool Dishonest { get; set; }
    public required string Summary { get; set; }
    public required string SummaryEn { get; set; }
    public DateOnly OccurredOn { get; set; }
    /// <summary>After this date the record stops counting (credit repair, or the end of its publication period).</summary>
    public DateOnly? ExpiresOn { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>The credit grade of a supplier or unit for a year, as <see cref="CreditRules"/> computed it.</summary>
public sealed class CreditGrade
{
    public long Id { get; set; }
    public CreditSubject Subject { get; set; }
    public long SubjectId { get; set; }
    public int Year { get; set; }
    public CreditGradeLevel Grade { get; set; }
    public decimal Score { get; set; }
    /// <summary>The evaluation component of the score (null when the subject has no evaluations).</summary>
    public decimal? EvaluationScore { get; set; }
    public int RecordCount { get; set; }
    public required string Reason { get; set; }
    public required string ReasonEn { get; set; }
    public int RulesVersion { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTime ComputedAt { get; set; }
}
