namespace Lvyue.Contracts;

/// <summary>The ledger's filters, sort and page as the page, the API and the export share them.</summary>
public sealed record LedgerFilter
{
    public long? BudgetUnitId { get; init; }
    public Category? Category { get; init; }
    public long? SubcategoryId { get; init; }
    public ContractStatus? Status { get; init; }
    public ProcurementMethod? Method { get; init; }
    public decimal? AmountMin { get; init; }
    public decimal? AmountMax { get; init; }
    public DateOnly? SignFrom { get; init; }
    public DateOnly? SignTo { get; init; }
    public long? SupplierId { get; init; }
    /// <summary>Full-text query over title, number, purchaser and suppliers.</summary>
    public string? Q { get; init; }
    /// <summary>One of <c>signDate</c>, <c>amount</c>, <c>number</c>, <c>title</c>, <c>status</c>, <c>created</c>.</summary>
    public string? Sort { get; init; }
    public bool Desc { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One row of the ledger.</summary>
public sealed record LedgerRow(
    long Id, string Number, string Title, string BudgetUnit, Category Category, string Subcategory,
    ProcurementMethod Method, decimal Amount, DateOnly? SignDate, DateOnly? StartDate, DateOnly? EndDate,
    ContractStatus Status, bool FilingRequired, bool IsKeyProject, string Suppliers, string SubcategoryEn);

/// <summary>A page of the ledger and the total matching count.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, int Total, int Page, int PageSize)
{
    /// <summary>True when <see cref="Total"/> is a cap (a broad full-text search): at least that many match.</summary>
    public bool TotalIsLowerBound { get; init; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
