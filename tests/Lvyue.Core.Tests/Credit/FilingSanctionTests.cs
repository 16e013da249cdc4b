using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Credit;

/// <summary>Filing refuses a supplier restricted from procurement on the sign date, naming the determination; nothing is written.</summary>
public sealed class FilingSanctionTests
{
    private static async Task<DishonestyDetermination> RestrictAsync(TestDatabase db, TestWorld w)
    {
        long id;
        await using (var sup = db.Scope(w.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.Supplier, w.Supplier.Id, null,
                "2026年4月至5月连续两期考核不合格，经约谈仍未整改，擅自减少驻场保洁人员。", "《政府采购法》第七十七条；合同第十二条", null, null, 6))).Id;
        var office = Lvyue.Accounts.TenantScope.ForRegion(w.Region.Id, $"credit@{w.Region.Code}") with { Roles = [Lvyue.Accounts.Roles.CreditOffice] };
        await using var o = db.Scope(office);
        return await o.Get<DeterminationService>().ConfirmAsync(id, "同意认定");
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesASupplierRestrictedOnTheSignDateAndAcceptsItAfterTheRestrictionEnds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);
        var d = await RestrictAsync(db, world);   // restricted 2026-06-10 … 2026-12-09

        await using (var clerk = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => clerk.Filing.CreateAsync(world.Input("XZ-2026-001") with { SignDate = new DateOnly(2026, 7, 1), EffectiveDate = new DateOnly(2026, 7, 1) }));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
            var m = Assert.Single(e.Errors["supplierIds"]);
            foreach (var part in new[] { world.Supplier.Name, d.Number!, "2026-12-09" }) Assert.Contains(part, m.Zh);
            Assert.Contains(d.Number!, m.En);
            // Without a sign date the restriction is checked on today.
            var today = await Assert.ThrowsAsync<DomainException>(() => clerk.Filing.CreateAsync(world.Input("XZ-2026-002") with { SignDate = null }));
            Assert.True(today.Errors.ContainsKey("supplierIds"));
        }
        await using (var check = db.AsSystem())
        {
            Assert.Equal(0, await check.Db.Contracts.CountAsync());
            Assert.Equal(0m, (await check.Db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == world.Line.Id)).Committed);
        }

        await using (var clerk = db.Scope(world.Clerk))
        {
            var c = await clerk.Filing.CreateAsync(world.Input("XZ-2026-003") with { SignDate = new DateOnly(2026, 12, 10), EffectiveDate = new DateOnly(2026, 12, 10) });
            Assert.Equal(Lvyue.Contracts.ContractStatus.Draft, c.Status);
        }
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesChangingADraftToARestrictedSupplierAndKeepsTheOldOne(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);
        var input = world.Input("XZ-2026-010") with { SignDate = new DateOnly(2026, 7, 1), EffectiveDate = new DateOnly(2026, 7, 1), SupplierIds = [world.OtherSupplier.Id] };
        long id;
        await using (var clerk = db.Scope(world.Clerk))
            id = (await clerk.Filing.CreateAsync(input)).Id;
        var d = await RestrictAsync(db, world);

        await using (var clerk = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => clerk.Filing.UpdateDraftAsync(id, input with { SupplierIds = [world.OtherSupplier.Id, world.Supplier.Id] }));
            Assert.Contains(e.Errors["supplierIds"], m => m.Zh.Contains(d.Number!));
        }
        await using var check = db.AsSystem();
        Assert.Equal([world.OtherSupplier.Id], await check.Db.ContractSuppliers.Where(s => s.ContractId == id).Select(s => s.SupplierId).ToListAsync());
    }
}
