using Lvyue.Contracts;
using Lvyue.Testing;

namespace Lvyue.Tests.Contracts;

/// <summary>The ledger (台账): filters, sorting, paging and Chinese full-text search on both providers.</summary>
public sealed class LedgerQueryTests
{
    [Theory, BothDatabases]
    public async Task Ledger_FiltersByEveryField(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        async Task<string[]> Numbers(LedgerFilter f) => (await s.Ledger.PageAsync(f with { Sort = "number", Desc = false })).Rows.Select(r => r.Number).ToArray();

        Assert.Equal(["JY-001", "JY-002", "WJ-001", "WJ-002"], await Numbers(new LedgerFilter()));
        Assert.Equal(["JY-001", "JY-002"], await Numbers(new LedgerFilter { BudgetUnitId = x.World.Unit.Id }));
        Assert.Equal(["WJ-001"], await Numbers(new LedgerFilter { Category = Category.Works }));
        Assert.Equal(["JY-002"], await Numbers(new LedgerFilter { SubcategoryId = x.World.Goods.Id }));
        Assert.Equal(["JY-002"], await Numbers(new LedgerFilter { Status = ContractStatus.PendingApproval }));
        Assert.Equal(["WJ-001"], await Numbers(new LedgerFilter { Method = ProcurementMethod.OpenTender }));
        Assert.Equal(["JY-002", "WJ-002"], await Numbers(new LedgerFilter { AmountMin = 35_000m, AmountMax = 120_000m }));
        Assert.Equal(["WJ-001"], await Numbers(new LedgerFilter { AmountMin = 880_000.5m }));
        Assert.Empty(await Numbers(new LedgerFilter { AmountMin = 880_000.51m }));
        Assert.Equal(["JY-001", "JY-002"], await Numbers(new LedgerFilter { SignFrom = new DateOnly(2026, 1, 10), SignTo = new DateOnly(2026, 2, 10) }));
        Assert.Equal(["JY-001", "WJ-002"], await Numbers(new LedgerFilter { SupplierId = x.World.Supplier.Id }));
        Assert.Equal(["JY-002"], await Numbers(new LedgerFilter { BudgetUnitId = x.World.Unit.Id, AmountMin = 10_000m }));
    }

    /// <summary>On SQLite money is stored as scaled integers; as text 120000 would sort before 35000 and 9000 last.</summary>
    [Theory, BothDatabases]
    public async Task Ledger_SortsByAmountAsNumbers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var asc = await s.Ledger.PageAsync(new LedgerFilter { Sort = "amount", Desc = false });
        var desc = await s.Ledger.PageAsync(new LedgerFilter { Sort = "amount", Desc = true });

        Assert.Equal([9_000m, 35_000m, 120_000m, 880_000.5m], asc.Rows.Select(r => r.Amount));
        Assert.Equal([880_000.5m, 120_000m, 35_000m, 9_000m], desc.Rows.Select(r => r.Amount));
    }

    [Theory, BothDatabases]
    public async Task Ledger_SortsBySignDateNewestFirstByDefault(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var page = await s.Ledger.PageAsync(new LedgerFilter());

        Assert.Equal(["WJ-002", "JY-002", "JY-001", "WJ-001"], page.Rows.Select(r => r.Number));
    }

    [Theory, BothDatabases]
    public async Task Ledger_PagesWithTheTotalOfTheWholeSet(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var second = await s.Ledger.PageAsync(new LedgerFilter { Sort = "amount", Desc = false, Page = 2, PageSize = 3 });
        var clamped = await s.Ledger.PageAsync(new LedgerFilter { Sort = "amount", Desc = false, Page = 0, PageSize = 0 });

        Assert.Equal((4, 2, 3, 2), (second.Total, second.Page, second.PageSize, second.Pages));
        Assert.Equal(["WJ-001"], second.Rows.Select(r => r.Number));
        Assert.Equal((1, 1), (clamped.Page, clamped.PageSize));
        Assert.Equal(["JY-001"], clamped.Rows.Select(r => r.Number));
    }

    [Theory, BothDatabases]
    public async Task Ledger_ProjectsUnitSubcategoryAndSuppliersIntoEachRow(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var row = (await s.Ledger.PageAsync(new LedgerFilter { Q = "WJ-001" })).Rows.Single();

        Assert.Equal(x.World.OtherUnit.Name, row.BudgetUnit);
        Assert.Equal("房屋建筑工程", row.Subcategory);
        Assert.Equal(x.World.OtherSupplier.Name, row.Suppliers);
        Assert.Equal((Category.Works, ProcurementMethod.OpenTender, ContractStatus.Draft), (row.Category, row.Method, row.Status));
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 15), new DateOnly(2027, 2, 28)), (row.SignDate, row.StartDate, row.EndDate));
        Assert.True(row.FilingRequired);
    }

    /// <summary>Three or more characters use the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL); shorter ones LIKE.</summary>
    [Theory, BothDatabases]
    public async Task Ledger_FindsChineseTextInTitlesNumbersAndParties(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        async Task<string[]> Search(string q) =>
            (await s.Ledger.PageAsync(new LedgerFilter { Q = q, Sort = "number", Desc = false })).Rows.Select(r => r.Number).ToArray();

        Assert.Equal(["WJ-001", "WJ-002"], await Search("卫生健康局"));      // purchaser, five characters
        Assert.Equal(["WJ-001"], await Search("门诊楼改造"));                // title
        Assert.Equal(["JY-001", "WJ-002"], await Search("物业管理有限公司")); // supplier name
        Assert.Equal(["JY-002", "WJ-001"], await Search("绿源园林"));         // the other supplier
        Assert.Equal(["JY-002"], await Search("jy-002"));                    // number, any case
        Assert.Equal(["JY-002"], await Search("  JY-002 "));
        Assert.Equal(["JY-002", "WJ-001"], await Search(x.World.OtherSupplier.Uscc)); // credit code
        Assert.Empty(await Search("不存在的合同"));
    }

    [Theory, BothDatabases]
    public async Task Ledger_FindsTwoCharacterChineseWordsWithoutTheIndex(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        async Task<string[]> Search(string q) =>
            (await s.Ledger.PageAsync(new LedgerFilter { Q = q, Sort = "number", Desc = false })).Rows.Select(r => r.Number).ToArray();

        Assert.Equal(["JY-001", "WJ-002"], await Search("物业"));
        Assert.Equal(["JY-002", "WJ-001"], await Search("园林"));
        Assert.Equal(["JY-002"], await Search("办公"));
        Assert.Empty(await Search("食堂"));
    }

    [Theory, BothDatabases]
    public async Task Ledger_TreatsWildcardsAndQuotesInTheQueryAsText(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        foreach (var q in new[] { "%", "_", "%%%", "物业\"管理", "\"", "a*" })
            Assert.Equal(0, (await s.Ledger.PageAsync(new LedgerFilter { Q = q })).Total);
    }

    [Theory, BothDatabases]
    public async Task Ledger_FindsAnEditedTitleAndForgetsTheOldOne(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using (var clerk = db.Scope(x.World.Clerk))
            await clerk.Filing.UpdateDraftAsync(x.Property.Id, x.World.Input("JY-001", 9_000m) with { Title = "示范区教育局食堂托管服务合同" });
        await using var s = db.AsSystem();

        Assert.Equal(["JY-001"], (await s.Ledger.PageAsync(new LedgerFilter { Q = "食堂托管" })).Rows.Select(r => r.Number));
        Assert.Equal(["JY-001"], (await s.Ledger.PageAsync(new LedgerFilter { Q = "食堂" })).Rows.Select(r => r.Number));
        Assert.Equal(0, (await s.Ledger.PageAsync(new LedgerFilter { Q = "物业管理服务合同" })).Total);
    }

    [Theory, BothDatabases]
    public async Task Ledger_OrdersTheWholeFilteredSetIgnoringThePageSize(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(s.Ledger.Ordered(new LedgerFilter { SupplierId = x.World.Supplier.Id, Sort = "amount", Desc = true, PageSize = 1 }));

        Assert.Equal(["WJ-002", "JY-001"], rows.Select(r => r.Number));
    }

    [Theory, BothDatabases]
    public async Task Ledger_CapsTheCountOfABroadSearchAndSaysItIsALowerBound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();
        var ledger = new LedgerQuery(s.Db) { SearchCountCap = 2 };

        var broad = await ledger.PageAsync(new LedgerFilter { Q = x.World.Region.Name, PageSize = 10 });
        var narrow = await ledger.PageAsync(new LedgerFilter { Q = "JY-002" });
        var unsearched = await ledger.PageAsync(new LedgerFilter());

        Assert.Equal((2, true, 4), (broad.Total, broad.TotalIsLowerBound, broad.Rows.Count));
        Assert.Equal((1, false), (narrow.Total, narrow.TotalIsLowerBound));
        Assert.Equal((4, false), (unsearched.Total, unsearched.TotalIsLowerBound));
    }

    [Theory, BothDatabases]
    public async Task Ledger_PageListsEveryPartyOfAConsortiumLeadFirst(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        await using (var clerk = db.Scope(w.Clerk))
            await clerk.Filing.CreateAsync(w.Input("LH-001") with { SupplierIds = [w.OtherSupplier.Id, w.Supplier.Id] });
        await using var s = db.Scope(w.Supervisor);

        var row = Assert.Single((await s.Ledger.PageAsync(new LedgerFilter())).Rows);

        Assert.Equal(w.OtherSupplier.Name + "、" + w.Supplier.Name, row.Suppliers);
    }
}
