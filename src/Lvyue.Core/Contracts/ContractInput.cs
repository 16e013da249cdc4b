namespace Lvyue.Contracts;

/// <summary>The fields a clerk (or an import row, or an API call) gives to file a contract.</summary>
public sealed record ContractInput
{
    public string? Title { get; init; }
    public string? Number { get; init; }
    public long BudgetUnitId { get; init; }
    public long? DepartmentId { get; init; }
    public Category Category { get; init; }
    public long SubcategoryId { get; init; }
    public ProcurementMethod ProcurementMethod { get; init; }
    public decimal Amount { get; init; }
    public decimal? TaxRate { get; init; }
    public DateOnly? SignDate { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public long BudgetLineId { get; init; }
    public bool IsKeyProject { get; init; }
    public Confidentiality Confidentiality { get; init; }
    public IReadOnlyList<long> SupplierIds { get; init; } = [];
    public string? PurchaserContactName { get; init; }
    public string? PurchaserContactPhone { get; init; }
    public string? PurchaserContactEmail { get; init; }
    public string? SupplierContactName { get; init; }
    public string? SupplierContactPhone { get; init; }
    public string? SupplierContactEmail { get; init; }
}

/// <summary>An uploaded document as it reaches the filing service.</summary>
public sealed record UploadedDocument(string FileName, Stream Content);
