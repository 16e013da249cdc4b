using Lvyue.Organizations;

namespace Lvyue.Contracts;

/// <summary>A contract filed (备案) by a budget unit: the ledger (台账) row and its lifecycle state.</summary>
public sealed class Contract
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    public long? DepartmentId { get; set; }
    /// <summary>The contract number, unique within its budget unit.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public Category Category { get; set; }
    public long SubcategoryId { get; set; }
    public Subcategory? Subcategory { get; set; }
    public ProcurementMethod ProcurementMethod { get; set; }
    /// <summary>Total amount in CNY, tax included.</summary>
    public decimal Amount { get; set; }
    /// <summary>VAT rate in percent (e.g. 6, 9, 13); null when not stated.</summary>
    public decimal? TaxRate { get; set; }
    public DateOnly? SignDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public bool IsKeyProject { get; set; }
    public Confidentiality Confidentiality { get; set; }
    /// <summary>False when the amount is below the region's filing threshold: filed voluntarily.</summary>
    public bool FilingRequired { get; set; }
    public ContractStatus Status { get; set; }
    public string? PurchaserContactName { get; set; }
    public string? PurchaserContactPhone { get; set; }
    public string? PurchaserContactEmail { get; set; }
    public string? SupplierContactName { get; set; }
    public string? SupplierContactPhone { get; set; }
    public string? SupplierContactEmail { get; set; }
    /// <summary>Title, number, purchaser and supplier names folded together for full-text search.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public long Version { get; set; }
    public List<ContractSupplier> Suppliers { get; set; } = [];
    public List<ContractDocument> Documents { get; set; } = [];
    public List<ContractEvent> Events { get; set; } = [];
}
