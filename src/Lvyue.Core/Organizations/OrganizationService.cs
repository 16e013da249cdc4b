using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Organizations;

/// <summary>The fields of a supplier as a form, an API call or an import row gives them.</summary>
public sealed record SupplierInput(
    string? Name, string? Uscc, string? LegalRepresentative = null, string? Address = null, string? ContactName = null,
    string? ContactPhone = null, string? ContactEmail = null, bool IsSme = false, string? BankName = null, string? BankAccount = null);

/// <summary>The fields of a budget line.</summary>
public sealed record BudgetLineInput(long BudgetUnitId, int Year, string? Code, string? Name, decimal Amount);

/// <summary>Creates and edits suppliers, budget units, departments and budget lines; one transaction each, audited.</summary>
public sealed class OrganizationService(LvyueDbContext db)
{
    /// <summary>Field checks of a supplier that need no database.</summary>
    public static void Check(SupplierInput s, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) errors.Add("name", "请填写供应商名称", "The supplier name is required");
        else if (s.Name.Trim().Length > 200) errors.Add("name", "供应商名称不能超过200字", "The name may not exceed 200 characters");
        if (Uscc.Explain(s.Uscc) is { } why) errors.Add("uscc", Msg.FromPair(why));
        if (s.BankAccount is { Length: > 0 } acct && !acct.Replace(" ", "").All(char.IsAsciiDigit))
            errors.Add("bankAccount", "银行账号只能包含数字", "The bank account may contain digits only");
        if (s.ContactEmail is { Length: > 0 } mail && !mail.Contains('@'))
            errors.Add("contactEmail", "电子邮箱格式不正确", "The email address is not valid");
    }

    public async Task<Supplier> CreateSupplierAsync(SupplierInput input, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        Check(input, errors);
        var uscc = input.Uscc is null ? "" : Uscc.Normalize(input.Uscc);
        if (!errors.Any && await db.Suppliers.AnyAsync(s => s.Uscc == uscc, ct))
            errors.Add("uscc", $"统一社会信用代码{uscc}已登记", $"A supplier with code {uscc} already exists");
        errors.ThrowIfAny();
        var supplier = new Supplier { Name = input.Name!.Trim(), Uscc = uscc };
        Apply(supplier, input);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(ct);
        return supplier;
    }

    public async Task<Supplier> UpdateSupplierAsync(long id, SupplierInput input, CancellationToken ct = default)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("供应商|supplier");
        var errors = new ErrorBag();
        Check(input, errors);
        var uscc = input.Uscc is null ? "" : Uscc.Normalize(input.Uscc);
        if (!errors.Any && uscc != supplier.Uscc && await db.Suppliers.AnyAsync(s => s.Uscc == uscc, ct))
            errors.Add("uscc", $"统一社会信用代码{uscc}已登记", $"A supplier with code {uscc} already exists");
        errors.ThrowIfAny();
        supplier.Name = input.Name!.Trim();
        supplier.Uscc = uscc;
        Apply(supplier, input);
        await db.SaveChangesAsync(ct);
        return supplier;
    }

    public async Task<BudgetUnit> CreateBudgetUnitAsync(long regionId, string? code, string? name, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct)) errors.Add("regionId", "区域不存在", "Unknown region");
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 32) errors.Add("code", "请填写单位编码（不超过32位）", "Give the unit code (at most 32 characters)");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) errors.Add("name", "请填写单位名称（不超过200字）", "Give the unit name (at most 200 characters)");
        if (!errors.Any && await db.BudgetUnits.AnyAsync(u => u.RegionId == regionId && u.Code == code!.Trim(), ct))
            errors.Add("code", $"单位编码{code}已存在", $"Unit code {code} already exists");
        errors.ThrowIfAny();
        var unit = new BudgetUnit { RegionId = regionId, Code = code!.Trim(), Name = name!.Trim() };
        db.BudgetUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<Department> AddDepartmentAsync(long unitId, long? parentId, string? name, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        if (!await db.BudgetUnits.AnyAsync(u => u.Id == unitId, ct)) errors.Add("budgetUnitId", "预算单位不存在", "Unknown budget unit");
        if (parentId is { } p && !await db.Departments.AnyAsync(d => d.Id == p && d.BudgetUnitId == unitId, ct))
            errors.Add("parentId", "上级部门不属于该单位", "The parent department is not in this unit");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) errors.Add("name", "请填写部门名称", "Give the department name");
        errors.ThrowIfAny();
        var dept = new Department { BudgetUnitId = unitId, ParentId = parentId, Name = name!.Trim() };
        db.Departments.Add(dept);
        await db.SaveChangesAsync(ct);
        return dept;
    }

    public async Task<BudgetLine> CreateBudgetLineAsync(BudgetLineInput input, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var unit = await db.BudgetUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.BudgetUnitId, ct);
        if (unit is null) errors.Add("budgetUnitId", "预算单位不存在", "Unknown budget unit");
        else if (!db.Scope.All && db.Scope.RegionId != unit.RegionId && db.Scope.BudgetUnitId != unit.Id) throw DomainException.Forbidden();
        if (input.Year is < 2000 or > 2100) errors.Add("year", "预算年度不正确", "The budget year is not valid");
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 64) errors.Add("code", "请填写指标编码", "Give the budget line code");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200) errors.Add("name", "请填写指标名称", "Give the budget line name");
        if (input.Amount <= 0 || input.Amount > 100_000_000_000m || decimal.Round(input.Amount, 2) != input.Amount)
            errors.Add("amount", "指标金额必须大于0且最多两位小数", "The amount must be positive with at most two decimals");
        if (unit is not null && !errors.Any &&
            await db.BudgetLines.IgnoreQueryFilters().AnyAsync(l => l.BudgetUnitId == unit.Id && l.Year == input.Year && l.Code == input.Code!.Trim(), ct))
            errors.Add("code", $"{input.Year}年度已有编码为{input.Code}的指标", $"Budget line {input.Code} already exists for {input.Year}");
        errors.ThrowIfAny();
        var line = new BudgetLine
        {
            BudgetUnitId = unit!.Id, RegionId = unit.RegionId, Year = input.Year, Code = input.Code!.Trim(), Name = input.Name!.Trim(), Amount = input.Amount,
        };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync(ct);
        return line;
    }

    private static void Apply(Supplier s, SupplierInput i)
    {
        s.LegalRepresentative = Clean(i.LegalRepresentative);
        s.Address = Clean(i.Address);
        s.ContactName = Clean(i.ContactName);
        s.ContactPhone = Clean(i.ContactPhone);
        s.ContactEmail = Clean(i.ContactEmail);
        s.IsSme = i.IsSme;
        s.BankName = Clean(i.BankName);
        s.BankAccount = Clean(i.BankAccount)?.Replace(" ", "");
    }

    private static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
