using Lvyue.Contracts;
using Lvyue.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>
/// The ids of the demo region the app seeded at start (see <see cref="DemoSeeder"/>): the clerk's
/// unit (示范区教育局, user <c>clerk</c> and <c>leader</c>), the second unit (示范区卫生健康局, user
/// <c>clerk2</c>), their 委托业务费 budget lines, two subcategories and two suppliers, the first of
/// which is the <c>supplier</c> login's company.
/// </summary>
public sealed record DemoFacts(
    long RegionId, long UnitId, string UnitName, string UnitCode, long OtherUnitId, long LineId, string LineCode, long OtherLineId,
    long ServicesSubcategoryId, long GoodsSubcategoryId, long SupplierId, string SupplierName, string SupplierUscc, long OtherSupplierId)
{
    /// <summary>Reads the facts from the app's database.</summary>
    public static async Task<DemoFacts> LoadAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        var db = s.Db;
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "440303");
        var unit = await db.BudgetUnits.AsNoTracking().SingleAsync(u => u.Code == "101001");
        var other = await db.BudgetUnits.AsNoTracking().SingleAsync(u => u.Code == "102001");
        var line = await db.BudgetLines.AsNoTracking().SingleAsync(l => l.BudgetUnitId == unit.Id && l.Code.EndsWith("-03"));
        var otherLine = await db.BudgetLines.AsNoTracking().SingleAsync(l => l.BudgetUnitId == other.Id && l.Code.EndsWith("-03"));
        var subs = await db.Subcategories.AsNoTracking().ToListAsync();
        var supplierUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "supplier");
        var supplier = await db.Suppliers.AsNoTracking().SingleAsync(x => x.Id == supplierUser.SupplierId);
        var otherSupplier = await db.Suppliers.AsNoTracking().Where(x => x.Id != supplier.Id).OrderBy(x => x.Id).FirstAsync();
        return new DemoFacts(region.Id, unit.Id, unit.Name, unit.Code, other.Id, line.Id, line.Code, otherLine.Id,
            subs.Single(x => x.Code == "S01").Id, subs.Single(x => x.Code == "G01").Id,
            supplier.Id, supplier.Name, supplier.Uscc, otherSupplier.Id);
    }

    /// <summary>A valid services contract of the clerk's unit with the supplier login's company; vary it with <c>with</c>.</summary>
    public ContractInput Contract(string number, decimal amount = 50_000m, string? title = null) => new()
    {
        Title = title ?? UnitName + "物业管理服务合同",
        Number = number,
        BudgetUnitId = UnitId,
        Category = Category.Services,
        SubcategoryId = ServicesSubcategoryId,
        ProcurementMethod = ProcurementMethod.CompetitiveConsultation,
        Amount = amount,
        TaxRate = 6m,
        SignDate = new DateOnly(2026, 2, 20),
        EffectiveDate = new DateOnly(2026, 2, 20),
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2027, 2, 28),
        BudgetLineId = LineId,
        SupplierIds = [SupplierId],
        PurchaserContactName = "李经办",
        PurchaserContactPhone = "0755-82221234",
    };

    /// <summary>The same for the second unit (filed by <c>clerk2</c>) with another supplier.</summary>
    public ContractInput OtherContract(string number, decimal amount = 50_000m) => Contract(number, amount) with
    {
        Title = "示范区卫生健康局绿化养护服务合同",
        BudgetUnitId = OtherUnitId,
        BudgetLineId = OtherLineId,
        SupplierIds = [OtherSupplierId],
    };

    /// <summary>The budget year of the demo's budget lines (the year the app started in).</summary>
    public int LineYear => int.Parse(LineCode[..4]);

    /// <summary>A contract number no other test uses.</summary>
    public static string NewNumber(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}
