using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Testing;

/// <summary>
/// A small region to test against: two budget units with one budget line each (CNY 1,000,000),
/// two suppliers, the Luohu filing threshold (≥ CNY 30,000) and the Kunshan approval bands
/// (unit leader below CNY 200,000, the authority at or above). Several worlds can share a database
/// (give each its own region code), which is how the tenancy tests get a second region.
/// </summary>
public sealed class TestWorld
{
    public const decimal LineAmount = 1_000_000m;

    public required Region Region { get; init; }
    public required BudgetUnit Unit { get; init; }
    public required BudgetUnit OtherUnit { get; init; }
    public required BudgetLine Line { get; init; }
    public required BudgetLine OtherLine { get; init; }
    public required Supplier Supplier { get; init; }
    public required Supplier OtherSupplier { get; init; }
    /// <summary>物业管理 (services).</summary>
    public required Subcategory Services { get; init; }
    /// <summary>办公设备 (goods).</summary>
    public required Subcategory Goods { get; init; }
    /// <summary>房屋建筑工程 (works).</summary>
    public required Subcategory Works { get; init; }

    /// <summary>A clerk of <see cref="Unit"/>.</summary>
    public TenantScope Clerk => TenantScope.ForUnit(Region.Id, Unit.Id, $"clerk@{Region.Code}", canWrite: true) with { Roles = [Roles.UnitClerk] };
    /// <summary>A clerk of <see cref="OtherUnit"/>.</summary>
    public TenantScope OtherClerk => TenantScope.ForUnit(Region.Id, OtherUnit.Id, $"clerk2@{Region.Code}", canWrite: true) with { Roles = [Roles.UnitClerk] };
    /// <summary>The leader of <see cref="Unit"/>.</summary>
    public TenantScope Leader => TenantScope.ForUnit(Region.Id, Unit.Id, $"leader@{Region.Code}", canWrite: true) with { Roles = [Roles.UnitLeader] };
    /// <summary>A finance bureau supervisor of the region.</summary>
    public TenantScope Supervisor => TenantScope.ForRegion(Region.Id, $"supervisor@{Region.Code}") with { Roles = [Roles.Supervisor] };
    /// <summary>The login of <see cref="Supplier"/>.</summary>
    public TenantScope SupplierLogin => TenantScope.ForSupplier(Supplier.Id, $"supplier@{Region.Code}") with { Roles = [Roles.Supplier] };

    public static async Task<TestWorld> CreateAsync(TestDatabase database, string regionCode = "440303", string regionName = "示范区")
    {
        await using var s = database.AsSystem();
        var db = s.Db;
        var region = new Region { Code = regionCode, Name = regionName };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var unit = new BudgetUnit { RegionId = region.Id, Code = "101001", Name = regionName + "教育局", Uscc = Uscc.Complete($"11{regionCode}000000001") };
        var other = new BudgetUnit { RegionId = region.Id, Code = "102001", Name = regionName + "卫生健康局", Uscc = Uscc.Complete($"11{regionCode}000000002") };
        db.BudgetUnits.AddRange(unit, other);
        var supplier = new Supplier { Name = regionName + "鹏城物业管理有限公司", Uscc = Uscc.Complete($"91{regionCode}MA0000001"), ContactName = "郑经理" };
        var otherSupplier = new Supplier { Name = regionName + "绿源园林工程有限公司", Uscc = Uscc.Complete($"91{regionCode}MA0000002"), ContactName = "林工" };
        db.Suppliers.AddRange(supplier, otherSupplier);
        db.FilingThresholds.Add(new FilingThreshold { RegionId = region.Id, MinAmount = 30_000m, Note = "3万元以上合同全部备案" });
        db.ApprovalBands.AddRange(
            new ApprovalBand { RegionId = region.Id, MinAmount = 0m, Level = ApprovalLevel.UnitLeader },
            new ApprovalBand { RegionId = region.Id, MinAmount = 200_000m, Level = ApprovalLevel.Authority });
        await db.SaveChangesAsync();
        var line = new BudgetLine { BudgetUnitId = unit.Id, RegionId = region.Id, Year = 2026, Code = "2026-101001-03", Name = "委托业务费", Amount = LineAmount };
        var otherLine = new BudgetLine { BudgetUnitId = other.Id, RegionId = region.Id, Year = 2026, Code = "2026-102001-03", Name = "委托业务费", Amount = LineAmount };
        db.BudgetLines.AddRange(line, otherLine);
        await db.SaveChangesAsync();
        var subs = await db.Subcategories.AsNoTracking().ToListAsync();
        return new TestWorld
        {
            Region = region, Unit = unit, OtherUnit = other, Line = line, OtherLine = otherLine,
            Supplier = supplier, OtherSupplier = otherSupplier,
            Services = subs.Single(x => x.Code == "S01"), Goods = subs.Single(x => x.Code == "G01"), Works = subs.Single(x => x.Code == "W01"),
        };
    }

    /// <summary>A valid services contract of <see cref="Unit"/> with <see cref="Supplier"/>; vary it with <c>with</c>.</summary>
    public ContractInput Input(string number, decimal amount = 50_000m) => new()
    {
        Title = Unit.Name + "物业管理服务合同",
        Number = number,
        BudgetUnitId = Unit.Id,
        Category = Category.Services,
        SubcategoryId = Services.Id,
        ProcurementMethod = ProcurementMethod.CompetitiveConsultation,
        Amount = amount,
        TaxRate = 6m,
        SignDate = new DateOnly(2026, 2, 20),
        EffectiveDate = new DateOnly(2026, 2, 20),
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2027, 2, 28),
        BudgetLineId = Line.Id,
        SupplierIds = [Supplier.Id],
        PurchaserContactName = "李经办",
        PurchaserContactPhone = "0755-82221234",
    };

    /// <summary>The same for <see cref="OtherUnit"/> with <see cref="OtherSupplier"/>.</summary>
    public ContractInput OtherInput(string number, decimal amount = 50_000m) => Input(number, amount) with
    {
        Title = OtherUnit.Name + "绿化养护服务合同",
        BudgetUnitId = OtherUnit.Id,
        BudgetLineId = OtherLine.Id,
        SupplierIds = [OtherSupplier.Id],
    };
}
