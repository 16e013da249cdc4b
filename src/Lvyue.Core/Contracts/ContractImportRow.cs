using Lvyue.Integration;
using Lvyue.Organizations;
using C = Lvyue.Contracts.ContractImportColumns;

namespace Lvyue.Contracts;

/// <summary>One row of a contract import: its cells parsed, then its references resolved.</summary>
internal sealed class ContractImportRow
{
    public required ImportRow Row { get; init; }
    public string? Number, Title, UnitCode, RegionCode, DepartmentPath, SubcategoryKey, LineCode;
    public Category? Category;
    public ProcurementMethod? Method;
    public decimal? Amount, TaxRate;
    public DateOnly? SignDate, EffectiveDate, StartDate, EndDate;
    public int? Year;
    public IReadOnlyList<string> Usccs = [];
    public bool KeyProject;
    public Confidentiality Confidentiality;
    public string? PurchaserContactName, PurchaserContactPhone, PurchaserContactEmail;
    public string? SupplierContactName, SupplierContactPhone, SupplierContactEmail;

    public ContractImportLookups.UnitInfo? Unit;
    public Subcategory? Subcategory;
    public long? DepartmentId;
    public ContractImportLookups.LineInfo? Line;
    public readonly List<ContractImportLookups.SupplierInfo> Suppliers = [];

    public static ContractImportRow Parse(ImportRow row) => new()
    {
        Row = row,
        Number = row.Text(C.Number),
        Title = row.Text(C.Title),
        UnitCode = row.Text(C.UnitCode),
        RegionCode = row.Text(C.RegionCode),
        DepartmentPath = row.Text(C.Department),
        Category = row.Choice(C.Category, Labels.Categories),
        SubcategoryKey = row.Text(C.Subcategory),
        Method = row.Choice(C.Method, Labels.Methods),
        Amount = row.Decimal(C.Amount),
        TaxRate = row.Decimal(C.TaxRate),
        SignDate = row.Date(C.SignDate),
        EffectiveDate = row.Date(C.EffectiveDate),
        StartDate = row.Date(C.StartDate),
        EndDate = row.Date(C.EndDate),
        Year = row.Integer(C.Year),
        LineCode = row.Text(C.BudgetLine),
        Usccs = ImportRow.SplitList(row.Text(C.Suppliers)).Select(Uscc.Normalize).ToList(),
        KeyProject = row.YesNo(C.KeyProject),
        Confidentiality = row.Choice(C.Confidentiality, Labels.Confidentialities) ?? Contracts.Confidentiality.Public,
        PurchaserContactName = row.Text(C.PurchaserContactName),
        PurchaserContactPhone = row.Text(C.PurchaserContactPhone),
        PurchaserContactEmail = row.Text(C.PurchaserContactEmail),
        SupplierContactName = row.Text(C.SupplierContactName),
        SupplierContactPhone = row.Text(C.SupplierContactPhone),
        SupplierContactEmail = row.Text(C.SupplierContactEmail),
    };

    /// <summary>The row as the filing service's input, for <see cref="ContractRules.Check"/>.</summary>
    public ContractInput ToInput() => new()
    {
        Title = Title, Number = Number, BudgetUnitId = Unit?.Id ?? 0, DepartmentId = DepartmentId,
        Category = Category ?? default, SubcategoryId = Subcategory?.Id ?? 0, ProcurementMethod = Method ?? default,
        Amount = Amount ?? 0, TaxRate = TaxRate, SignDate = SignDate, EffectiveDate = EffectiveDate, StartDate = StartDate,
        EndDate = EndDate, BudgetLineId = Line?.Id ?? 0, IsKeyProject = KeyProject, Confidentiality = Confidentiality,
        SupplierIds = Suppliers.Select(s => s.Id).ToList(),
        PurchaserContactName = PurchaserContactName, PurchaserContactPhone = PurchaserContactPhone, PurchaserContactEmail = PurchaserContactEmail,
        SupplierContactName = SupplierContactName, SupplierContactPhone = SupplierContactPhone, SupplierContactEmail = SupplierContactEmail,
    };

    /// <summary>The draft contract of a valid row, as <see cref="FilingService.CreateAsync"/> would create it.</summary>
    public Contract ToContract(string actor, bool filingRequired, string note)
    {
        var c = new Contract
        {
            RegionId = Unit!.RegionId, BudgetUnitId = Unit.Id, DepartmentId = DepartmentId, Number = Number!.Trim(), Title = Title!.Trim(),
            Category = Category!.Value, SubcategoryId = Subcategory!.Id, ProcurementMethod = Method!.Value, Amount = Amount!.Value,
            TaxRate = TaxRate, SignDate = SignDate, EffectiveDate = EffectiveDate, StartDate = StartDate, EndDate = EndDate,
            BudgetLineId = Line!.Id, IsKeyProject = KeyProject, Confidentiality = Confidentiality, FilingRequired = filingRequired,
            Status = ContractStatus.Draft, CreatedBy = actor,
            PurchaserContactName = PurchaserContactName, PurchaserContactPhone = PurchaserContactPhone, PurchaserContactEmail = PurchaserContactEmail,
            SupplierContactName = SupplierContactName, SupplierContactPhone = SupplierContactPhone, SupplierContactEmail = SupplierContactEmail,
        };
        c.SearchText = FilingService.BuildSearchText(c, Unit.Name, Suppliers.Select(s => new Supplier { Name = s.Name, Uscc = s.Uscc }));
        for (var k = 0; k < Suppliers.Count; k++) c.Suppliers.Add(new ContractSupplier { SupplierId = Suppliers[k].Id, SortOrder = k });
        c.Events.Add(new ContractEvent { Kind = "created", ToStatus = ContractStatus.Draft, Note = note, Actor = actor });
        return c;
    }
}
