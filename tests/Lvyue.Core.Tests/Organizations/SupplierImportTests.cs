using Lvyue.Organizations;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Organizations;

/// <summary>The all-or-nothing supplier import: new USCCs insert, known USCCs update, bad codes refuse the file.</summary>
public sealed class SupplierImportTests
{
    private static readonly IReadOnlyList<string> Headers = SupplierImport.Columns.Select(c => c.Header).ToList();

    private static IReadOnlyList<object?> Row(string uscc, string? name, string? phone = null, string? sme = null) =>
        [uscc, name, null, null, null, phone, null, sme, null, null];

    [Theory, BothDatabases]
    public async Task Import_InsertsNewSuppliersAndUpdatesKnownOnesKeepingFieldsLeftEmpty(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var fresh = Uscc.Complete("91440300MA5F00001");
        var file = ImportFiles.Xlsx(Headers,
        [
            Row(fresh, "深圳市新供应商有限公司", "13800138000", "是"),
            Row(w.Supplier.Uscc.ToLowerInvariant(), null, "0755-88889999"),
        ]);
        await using var s = db.Scope(w.Supervisor);

        var result = await new SupplierImport(s.Db).ImportAsync(new MemoryStream(file), "供应商.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((1, 1), (result.Inserted, result.Updated));
        await using var check = db.AsSystem();
        var created = await check.Db.Suppliers.SingleAsync(x => x.Uscc == fresh);
        Assert.Equal("深圳市新供应商有限公司", created.Name);
        Assert.True(created.IsSme);
        var updated = await check.Db.Suppliers.SingleAsync(x => x.Id == w.Supplier.Id);
        Assert.Equal(w.Supplier.Name, updated.Name);
        Assert.Equal("郑经理", updated.ContactName);
        Assert.Equal("0755-88889999", updated.ContactPhone);
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.EntityType == "Supplier" && a.Action == "update" && a.EntityId == w.Supplier.Id.ToString()));
    }

    [Theory, BothDatabases]
    public async Task Import_WithABadCheckCharacterOrARepeatedCode_WritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var good = Uscc.Complete("91440300MA5F00002");
        var bad = good[..17] + (good[17] == 'A' ? 'B' : 'A');
        var file = ImportFiles.Csv(Headers,
            [Row(good, "甲公司"), Row(bad, "乙公司"), Row(good, "丙公司"), Row(Uscc.Complete("91440300MA5F00003"), null)]);
        await using var s = db.AsSystem();

        var result = await new SupplierImport(s.Db).ImportAsync(new MemoryStream(file), "供应商.csv");

        Assert.Equal(3, result.ProblemCount);
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == SupplierImport.Code.Header && p.Message.Zh.Contains("校验码错误"));
        Assert.Contains(result.Problems, p => p.Row == 4 && p.Message.Zh.Contains("与第2行重复"));
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Column == SupplierImport.Name.Header);
        Assert.False(await s.Db.Suppliers.AnyAsync(x => x.Uscc == good));
    }

    [Theory, BothDatabases]
    public async Task Import_ByAUnitClerk_IsForbidden(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(w.Clerk);

        var e = await Assert.ThrowsAsync<Lvyue.Common.DomainException>(() =>
            new SupplierImport(s.Db).ImportAsync(new MemoryStream(ImportFiles.Xlsx(Headers, [])), "x.xlsx"));

        Assert.Equal(Lvyue.Common.ErrorKind.Forbidden, e.Kind);
    }
}
