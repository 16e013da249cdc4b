using Lvyue.Organizations;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Organizations;

/// <summary>The budget unit import: units with department paths, updates that only add departments, region checks.</summary>
public sealed class BudgetUnitImportTests
{
    private static readonly IReadOnlyList<string> Headers = BudgetUnitImport.Columns.Select(c => c.Header).ToList();

    private static IReadOnlyList<object?> Row(string region, string code, string? name, string? departments, string? regionName = null) =>
        [region, regionName, code, name, null, null, null, null, departments];

    [Theory, BothDatabases]
    public async Task Import_CreatesUnitsWithTheirDepartmentTreesAndUpdatesKnownUnits(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var file = ImportFiles.Xlsx(Headers,
        [
            Row(w.Region.Code, "106001", "示范区文化广电旅游体育局", "办公室；办公室/财务组;文化科"),
            Row(w.Region.Code, w.Unit.Code, w.Unit.Name, "办公室/档案室"),
        ]);
        await using var s = db.Scope(w.Supervisor);

        var result = await new BudgetUnitImport(s.Db).ImportAsync(new MemoryStream(file), "单位.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((1, 1), (result.Inserted, result.Updated));
        await using var check = db.AsSystem();
        var unit = await check.Db.BudgetUnits.Include(u => u.Departments).SingleAsync(u => u.Code == "106001");
        Assert.Equal(3, unit.Departments.Count);
        var office = unit.Departments.Single(d => d.Name == "办公室");
        Assert.Null(office.ParentId);
        Assert.Equal(office.Id, unit.Departments.Single(d => d.Name == "财务组").ParentId);
        var old = await check.Db.BudgetUnits.Include(u => u.Departments).SingleAsync(u => u.Id == w.Unit.Id);
        Assert.Equal(w.Unit.Name, old.Name);
        Assert.Equal(["办公室", "档案室"], old.Departments.OrderBy(d => d.Id).Select(d => d.Name));
    }

    [Theory, BothDatabases]
    public async Task Import_RefusesUnknownRegionsAndOtherRegionsOfASupervisor(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "另一区");
        var file = ImportFiles.Csv(Headers, [Row("999999", "1", "某单位", null), Row(other.Region.Code, "107001", "另一区某局", null)]);
        await using var s = db.Scope(w.Supervisor);

        var result = await new BudgetUnitImport(s.Db).ImportAsync(new MemoryStream(file), "单位.csv");

        Assert.Equal(2, result.ProblemCount);
        Assert.Contains(result.Problems, p => p.Row == 2 && p.Message.Zh.Contains("不存在"));
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Message.Zh.Contains("无权"));
        await using var check = db.AsSystem();
        Assert.False(await check.Db.BudgetUnits.AnyAsync(u => u.Code == "107001"));
    }

    [Theory, BothDatabases]
    public async Task Import_AsTheSystem_CreatesANamedRegion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var file = ImportFiles.Xlsx(Headers, [Row("440305", "201001", "新区教育局", "办公室", "新区")]);

        var result = await new BudgetUnitImport(s.Db).ImportAsync(new MemoryStream(file), "单位.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var region = await s.Db.Regions.SingleAsync(r => r.Code == "440305");
        Assert.Equal("新区", region.Name);
        Assert.True(await s.Db.BudgetUnits.AnyAsync(u => u.RegionId == region.Id && u.Code == "201001"));
    }
}
