using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Contracts;

/// <summary>Creating contracts: validation, the budget check and the filing threshold. Documents and approval are in the other parts.</summary>
public sealed partial class FilingServiceTests
{
    [Theory, BothDatabases]
    public async Task Filing_CreatesADraftAndCommitsItsAmountAgainstTheBudgetLine(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001", 88_000.5m), [TestFiles.Txt()]);

        await using var check = db.AsSystem();
        var row = await check.Db.Contracts.Include(x => x.Suppliers).Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(ContractStatus.Draft, row.Status);
        Assert.Equal(88_000.5m, row.Amount);
        Assert.Equal(world.Region.Id, row.RegionId);
        Assert.Equal(world.Clerk.Actor, row.CreatedBy);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, row.CreatedAt);
        Assert.Equal(world.Supplier.Id, Assert.Single(row.Suppliers).SupplierId);
        Assert.Equal(["created", "document"], row.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(88_000.5m, (await check.Db.BudgetLines.SingleAsync(l => l.Id == world.Line.Id)).Committed);
        Assert.Contains(await check.Db.AuditEntries.ToListAsync(),
            a => a is { EntityType: "Contract", Action: "insert" } && a.EntityId == c.Id.ToString() && a.Actor == world.Clerk.Actor);
    }

    [Theory, BothDatabases]
    public async Task Filing_RequiresFilingFrom30000AndMarksSmallerContractsVoluntary(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var below = await s.Filing.CreateAsync(world.Input("JY-2026-001", 29_999.99m));
        var at = await s.Filing.CreateAsync(world.Input("JY-2026-002", 30_000m));

        Assert.False(below.FilingRequired);
        Assert.True(at.FilingRequired);
    }

    [Theory, BothDatabases]
    public async Task Filing_AppliesTheMostSpecificThresholdOfTheRegion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var setup = db.AsSystem())
        {
            // The Yulin profile: works tenders from CNY 600,000.
            setup.Db.FilingThresholds.Add(new FilingThreshold
                { RegionId = world.Region.Id, Category = Category.Works, Method = ProcurementMethod.OpenTender, MinAmount = 600_000m });
            await setup.Db.SaveChangesAsync();
        }
        await using var s = db.Scope(world.Clerk);

        Assert.False(await s.Filing.IsFilingRequiredAsync(world.Region.Id, Category.Works, ProcurementMethod.OpenTender, 599_999m));
        Assert.True(await s.Filing.IsFilingRequiredAsync(world.Region.Id, Category.Works, ProcurementMethod.OpenTender, 600_000m));
        Assert.True(await s.Filing.IsFilingRequiredAsync(world.Region.Id, Category.Works, ProcurementMethod.InvitedTender, 30_000m));
        Assert.False(await s.Filing.IsFilingRequiredAsync(world.Region.Id, Category.Goods, ProcurementMethod.OpenTender, 29_999m));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesADuplicateNumberInTheUnitAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var first = db.Scope(world.Clerk)) await first.Filing.CreateAsync(world.Input("JY-2026-001"));
        var before = await Snapshot.TakeAsync(db, world);

        await using var s = db.Scope(world.Clerk);
        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input(" JY-2026-001 "), [TestFiles.Txt()]));

        Assert.Equal(ErrorKind.Invalid, e.Kind);
        Assert.Contains("JY-2026-001", Assert.Single(e.Errors["number"]).Zh);
        Assert.Equal(before, await Snapshot.TakeAsync(db, world));
    }

    [Theory, BothDatabases]
    public async Task Filing_AcceptsTheSameNumberInAnotherUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var s = db.Scope(world.Clerk)) await s.Filing.CreateAsync(world.Input("HT-001"));

        await using var other = db.Scope(world.OtherClerk);
        var c = await other.Filing.CreateAsync(world.OtherInput("HT-001"));

        Assert.Equal(world.OtherUnit.Id, c.BudgetUnitId);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesWhenBudgetLineHasInsufficientBalance(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var first = db.Scope(world.Clerk)) await first.Filing.CreateAsync(world.Input("JY-2026-001", 900_000m));
        var before = await Snapshot.TakeAsync(db, world);

        await using var s = db.Scope(world.Clerk);
        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-002", 100_000.01m), [TestFiles.Txt()]));

        Assert.Equal(ErrorKind.Invalid, e.Kind);
        var msg = Assert.Single(e.Errors["budgetLineId"]);
        Assert.Contains("¥100,000.00", msg.Zh);
        Assert.Contains("¥100,000.01", msg.Zh);
        Assert.Contains("先有预算后购买", msg.Zh);
        Assert.Equal(before, await Snapshot.TakeAsync(db, world));
    }

    [Theory, BothDatabases]
    public async Task Filing_SpendsABudgetLineToTheLastFen(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);
        await s.Filing.CreateAsync(world.Input("JY-2026-001", 999_999.99m));

        await s.Filing.CreateAsync(world.Input("JY-2026-002", 0.01m));

        await using var check = db.AsSystem();
        Assert.Equal(TestWorld.LineAmount, (await check.Db.BudgetLines.SingleAsync(l => l.Id == world.Line.Id)).Committed);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesAnEndDateBeforeTheStartDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001") with
            { StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 2, 28) }));

        Assert.Contains(e.Errors["endDate"], m => m.Zh == "结束日期不能早于开始日期");
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesNegativeZeroFractionalFenAndAbsurdAmounts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        foreach (var amount in new[] { -50_000m, 0m, 12.345m, 100_000_000_000.01m })
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001", amount)));
            Assert.True(e.Errors.ContainsKey("amount"), $"{amount} was not refused on the amount");
        }
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesAnUnknownUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001") with { BudgetUnitId = 987_654 }));

        Assert.Equal(ErrorKind.Invalid, e.Kind);
        Assert.Equal("Unknown budget unit", Assert.Single(e.Errors["budgetUnitId"]).En);
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesUnknownSuppliersAndASubcategoryOfAnotherCategory(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001") with
            { SupplierIds = [world.Supplier.Id, 987_654], SubcategoryId = world.Goods.Id }));

        Assert.True(e.Errors.ContainsKey("supplierIds"));
        Assert.True(e.Errors.ContainsKey("subcategoryId"));
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesABudgetLineOfAnotherUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001") with { BudgetLineId = world.OtherLine.Id }));

        Assert.True(e.Errors.ContainsKey("budgetLineId"));
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_ForbidsAClerkToFileForAnotherUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.OtherInput("JY-2026-001")));

        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.Equal(0, await CountContractsAsync(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_EditsADraftAndMovesTheBudgetCommitmentWithTheAmount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001", 100_000m));

        await s.Filing.UpdateDraftAsync(c.Id, world.Input("JY-2026-001A", 40_000m) with { Title = "改后的合同名称" }, expectedVersion: c.Version);

        await using var check = db.AsSystem();
        var row = await check.Db.Contracts.SingleAsync(x => x.Id == c.Id);
        Assert.Equal(("JY-2026-001A", "改后的合同名称", 40_000m), (row.Number, row.Title, row.Amount));
        Assert.Equal(40_000m, (await check.Db.BudgetLines.SingleAsync(l => l.Id == world.Line.Id)).Committed);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesAnEditOfAStaleVersion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001"));
        var stale = c.Version;
        await s.Filing.UpdateDraftAsync(c.Id, world.Input("JY-2026-001", 60_000m), stale);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.UpdateDraftAsync(c.Id, world.Input("JY-2026-001", 70_000m), stale));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
    }

    private static async Task<int> CountContractsAsync(TestDatabase db)
    {
        await using var s = db.AsSystem();
        return await s.Db.Contracts.CountAsync();
    }

    /// <summary>What a refused filing must leave untouched.</summary>
    private sealed record Snapshot(int Contracts, int Events, int Documents, int AuditEntries, decimal Committed)
    {
        public static async Task<Snapshot> TakeAsync(TestDatabase db, TestWorld world)
        {
            await using var s = db.AsSystem();
            return new Snapshot(
                await s.Db.Contracts.CountAsync(), await s.Db.ContractEvents.CountAsync(), await s.Db.ContractDocuments.CountAsync(),
                await s.Db.AuditEntries.CountAsync(), (await s.Db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == world.Line.Id)).Committed);
        }
    }
}
