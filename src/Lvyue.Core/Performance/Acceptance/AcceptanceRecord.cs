namespace Lvyue.Performance.Acceptance;

/// <summary>The conclusion of an acceptance (验收结论).</summary>
public enum AcceptanceResult
{
    /// <summary>验收合格</summary>
    Passed,
    /// <summary>验收合格（存在问题，限期整改）</summary>
    PassedWithIssues,
    /// <summary>验收不合格</summary>
    Failed,
}

/// <summary>How one checked item measured against its standard.</summary>
public enum FindingResult
{
    /// <summary>符合</summary>
    Conforms,
    /// <summary>不符合</summary>
    Deviates,
    /// <summary>不适用</summary>
    NotApplicable,
}

/// <summary>
/// An acceptance (验收) of a contract's goods, works or services: the date, the conclusion, who took
/// part, the findings item by item against the standards of the contract, and the signed report
/// (stored among the contract's documents). A passed acceptance (with or without issues) starts the
/// payment terms that depend on it (保障中小企业款项支付条例 第十条).
/// </summary>
public sealed class AcceptanceRecord
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public DateOnly Date { get; set; }
    public AcceptanceResult Result { get; set; }
    /// <summary>The members of the acceptance group (验收小组), e.g. "采购人：张三；供应商：李四；专家：王五".</summary>
    public required string Participants { get; set; }
    public string? Summary { get; set; }
    public long? ReportDocumentId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public List<AcceptanceFinding> Findings { get; set; } = [];

    /// <summary>Whether the acceptance counts as passed for payment purposes.</summary>
    public bool IsPassed => Result is AcceptanceResult.Passed or AcceptanceResult.PassedWithIssues;
}

/// <summary>One checked item of an acceptance: the item, the standard it is measured by, the result and a note.</summary>
public sealed class AcceptanceFinding
{
    public long Id { get; set; }
    public long AcceptanceRecordId { get; set; }
    public int SortOrder { get; set; }
    public required string Item { get; set; }
    public required string Standard { get; set; }
    public FindingResult Result { get; set; }
    public string? Note { get; set; }
}

/// <summary>An acceptance to record.</summary>
public sealed record AcceptanceInput
{
    public DateOnly? Date { get; init; }
    public AcceptanceResult? Result { get; init; }
    public string? Participants { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<FindingInput> Findings { get; init; } = [];
}

/// <summary>One finding to record.</summary>
public sealed record FindingInput(string? Item, string? Standard, FindingResult? Result, string? Note);
