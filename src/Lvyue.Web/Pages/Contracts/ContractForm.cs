using Lvyue.Contracts;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>The filing form's fields as posted by the browser.</summary>
public sealed class ContractForm
{
    public string? Title { get; set; }
    public string? Number { get; set; }
    public long? DepartmentId { get; set; }
    public Category Category { get; set; } = Category.Services;
    public long SubcategoryId { get; set; }
    public ProcurementMethod ProcurementMethod { get; set; } = ProcurementMethod.OpenTender;
    public decimal Amount { get; set; }
    public decimal? TaxRate { get; set; }
    public DateOnly? SignDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long BudgetLineId { get; set; }
    public bool IsKeyProject { get; set; }
    public Confidentiality Confidentiality { get; set; } = Confidentiality.Public;
    public List<long> SupplierIds { get; set; } = [];
    public string? PurchaserContactName { get; set; }
    public string? PurchaserContactPhone { get; set; }
    public string? PurchaserContactEmail { get; set; }
    public string? SupplierContactName { get; set; }
    public string? SupplierContactPhone { get; set; }
    public string? SupplierContactEmail { get; set; }

    public ContractInput ToInput(long unitId) => new()
    {
        Title = Title, Number = Number, BudgetUnitId = unitId, DepartmentId = DepartmentId, Category = Category,
        SubcategoryId = SubcategoryId, ProcurementMethod = ProcurementMethod, Amount = Amount, TaxRate = TaxRate,
        SignDate = SignDate, EffectiveDate = EffectiveDate, StartDate = StartDate, EndDate = EndDate, BudgetLineId = BudgetLineId,
        IsKeyProject = IsKeyProject, Confidentiality = Confidentiality, SupplierIds = SupplierIds,
        PurchaserContactName = PurchaserContactName, PurchaserContactPhone = PurchaserContactPhone, PurchaserContactEmail = PurchaserContactEmail,
        SupplierContactName = SupplierContactName, SupplierContactPhone = SupplierContactPhone, SupplierContactEmail = SupplierContactEmail,
    };

    public static ContractForm From(Contract c) => new()
    {
        Title = c.Title, Number = c.Number, DepartmentId = c.DepartmentId, Category = c.Category, SubcategoryId = c.SubcategoryId,
        ProcurementMethod = c.ProcurementMethod, Amount = c.Amount, TaxRate = c.TaxRate, SignDate = c.SignDate, EffectiveDate = c.EffectiveDate,
        StartDate = c.StartDate, EndDate = c.EndDate, BudgetLineId = c.BudgetLineId, IsKeyProject = c.IsKeyProject,
        Confidentiality = c.Confidentiality, SupplierIds = c.Suppliers.OrderBy(s => s.SortOrder).Select(s => s.SupplierId).ToList(),
        PurchaserContactName = c.PurchaserContactName, PurchaserContactPhone = c.PurchaserContactPhone, PurchaserContactEmail = c.PurchaserContactEmail,
        SupplierContactName = c.SupplierContactName, SupplierContactPhone = c.SupplierContactPhone, SupplierContactEmail = c.SupplierContactEmail,
    };
}
