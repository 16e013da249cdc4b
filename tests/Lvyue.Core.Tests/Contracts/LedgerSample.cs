using Lvyue.Contracts;
using Lvyue.Testing;

namespace Lvyue.Tests.Contracts;

/// <summary>
/// Four contracts across two units, three categories, two suppliers and four statuses, whose amounts
/// sort differently as numbers (9,000 &lt; 35,000 &lt; 120,000 &lt; 880,000.50) and as text.
/// </summary>
internal sealed record LedgerSample(TestWorld World, Contract Property, Contract Office, Contract Works, Contract Greening)
{
    public const decimal Total = 9_000m + 120_000m + 880_000.5m + 35_000m;

    public static async Task<LedgerSample> CreateAsync(TestDatabase db)
    {
        var w = await TestWorld.CreateAsync(db);
        await using var clerk = db.Scope(w.Clerk);
        await using var other = db.Scope(w.OtherClerk);
        var property = await clerk.Filing.CreateAsync(w.Input("JY-001", 9_000m) with
            { SignDate = new DateOnly(2026, 1, 10), EffectiveDate = null });
        var office = await clerk.Filing.CreateAsync(w.Input("JY-002", 120_000m) with
        {
            Title = w.Unit.Name + "办公设备采购合同", Category = Category.Goods, SubcategoryId = w.Goods.Id,
            ProcurementMethod = ProcurementMethod.RequestForQuotation, SupplierIds = [w.OtherSupplier.Id],
            SignDate = new DateOnly(2026, 2, 10), EffectiveDate = null,
        }, [TestFiles.Txt()]);
        await clerk.Filing.SubmitAsync(office.Id);
        var works = await other.Filing.CreateAsync(w.OtherInput("WJ-001", 880_000.5m) with
        {
            Title = w.OtherUnit.Name + "门诊楼改造工程施工合同", Category = Category.Works, SubcategoryId = w.Works.Id,
            ProcurementMethod = ProcurementMethod.OpenTender, SignDate = new DateOnly(2025, 12, 1), EffectiveDate = null,
            StartDate = new DateOnly(2025, 12, 15),
        });
        var greening = await other.Filing.CreateAsync(w.OtherInput("WJ-002", 35_000m) with
            { SupplierIds = [w.Supplier.Id], SignDate = new DateOnly(2026, 3, 1), EffectiveDate = null });
        return new LedgerSample(w, property, office, works, greening);
    }
}
