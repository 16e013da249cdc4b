using Lvyue.Organizations;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Organizations;

/// <summary>The budget line import: new lines, updates, and an amount never below what contracts committed.</summary>
public sealed class BudgetLineImportTests
{
    private static readonly IReadOnlyList<string> Headers = BudgetLineImport.Columns.Select(c => c.Header).ToList();

    [Theory, BothDatabases]
    public async Task Import_AddsLinesAndUpdatesExistingOnes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var file = ImportFiles.Xlsx(Headers,
        [
            [w.Unit.Code, null, 2026m, "2026-101001-04", "专用材料购置费", 5_000_000m],
            [w.Unit.Code, null, 2026m, w.Line.Code, "委托业务费（调整）", 1_500_000m],
        ]);
        await using var s = db.Scope(w.Supervisor);

        var result = await new BudgetLineImport(s.Db).ImportAsync(new MemoryStream(file), "预算.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var check = db.AsSystem();
        var added = await check.Db.BudgetLines.SingleAsync(l => l.Code == "2026-101001-04");
        Assert.Equal((w.Unit.Id, w.Region.Id, 2026, 5_000_000m), (added.BudgetUnitId, added.RegionId, added.Year, added.Amount));
        var changed = await check.Db.BudgetLines.SingleAsync(l => l.Id == w.Line.Id);
        Assert.Equal((1_500_000m, "委托业务费（调整）"), (changed.Amount, changed.Name));
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.EntityType == "BudgetLine" && a.Action == "update" && a.EntityId == w.Line.Id.ToString()));
    }

    [Theory, BothDatabases]
    public async Task Import_RefusesAnAmountBelowWhatContractsCommitted_AndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        await using (var clerk = db.Scope(w.Clerk)) await clerk.Filing.CreateAsync(w.Input("HT-1", 600_000m));
        var file = ImportFiles.Csv(Headers,
        [
            [w.Unit.Code, null, "2026", "2026-101001-09", "新指标", "100"],
            [w.Unit.Code, null, "2026", w.Line.Code, "委托业务费", "500000"],
            ["000000", null, "2026", "X", "未知单位", "1"],
        ]);
        await using var s = db.AsSystem();

        var result = await new BudgetLineImport(s.Db).ImportAsync(new MemoryStream(file), "预算.csv");

        Assert.Equal(2, result.ProblemCount);
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == BudgetLineImport.Amount.Header && p.Message.Zh.Contains("¥600,000.00"));
        Assert.Contains(result.Problems, p => p.Row == 4 && p.Column == BudgetLineImport.UnitCode.Header);
        Assert.False(await s.Db.BudgetLines.AnyAsync(l => l.Code == "2026-101001-09"));
        Assert.Equal(1_000_000m, (await s.Db.BudgetLines.SingleAsync(l => l.Id == w.Line.Id)).Amount);
    }
}
