using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Data;

/// <summary>The versioned SQL migrations on both providers: apply, re-run, checksum guard, target version, in-place upgrade.</summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public void Scripts_AreNumberedWithoutGapsAndExistForBothProviders()
    {
        var names = typeof(SchemaMigrator).Assembly.GetManifestResourceNames();
        int[] Versions(string folder) => names.Where(n => n.StartsWith($"migrations/{folder}/", StringComparison.Ordinal))
            .Select(n => int.Parse(Path.GetFileName(n)[..4])).Order().ToArray();
        var sqlite = Versions("sqlite");
        Assert.NotEmpty(sqlite);
        Assert.Equal(Enumerable.Range(1, sqlite.Length), sqlite);
        Assert.Equal(sqlite, Versions("postgres"));
    }

    [Theory, BothDatabases]
    public async Task Migrate_AppliesEveryScriptToAnEmptyDatabase(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var s = db.AsSystem();
        var migrator = s.Get<SchemaMigrator>();
        var scripts = migrator.Scripts();

        Assert.Equal(scripts.Count, await migrator.MigrateAsync());

        Assert.Equal(scripts.Select(x => x.Version), await migrator.AppliedAsync());
        Assert.Equal(0, await s.Db.Contracts.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Migrate_AppliesNothingOnASecondRun(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var migrator = s.Get<SchemaMigrator>();

        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Equal(migrator.Scripts().Select(x => x.Version), await migrator.AppliedAsync());
    }

    [Theory, BothDatabases]
    public async Task Migrate_RefusesWhenAnAppliedScriptWasChanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ExecuteAsync("UPDATE __lvyue_schema SET checksum = 'edited' WHERE version = 1");
        await using var s = db.AsSystem();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => s.Get<SchemaMigrator>().MigrateAsync());

        Assert.Contains("0001_", e.Message);
        Assert.Contains("changed after it was applied", e.Message);
    }

    [Theory, BothDatabases]
    public async Task Migrate_StopsAtTheTargetVersion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var s = db.AsSystem();
        var migrator = s.Get<SchemaMigrator>();

        Assert.Equal(0, await migrator.MigrateAsync(targetVersion: 0));
        Assert.Empty(await migrator.AppliedAsync());
        Assert.Equal(1, await migrator.MigrateAsync(targetVersion: 1));
        Assert.Equal([1], await migrator.AppliedAsync());
    }

    /// <summary>
    /// A database at the previous version (N−1, or 1 while there is only one script) holding a filed
    /// contract with its unit, line, supplier and audit row is upgraded in place: the remaining scripts
    /// run and every row reads back through the current model, amounts and dates exact.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Migrate_UpgradesThePreviousVersionInPlaceKeepingEveryRow(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        int latest, from;
        await using (var s = db.AsSystem())
        {
            var scripts = s.Get<SchemaMigrator>().Scripts();
            latest = scripts[^1].Version;
            from = Math.Max(1, latest - 1);
            Assert.Equal(from, await s.Get<SchemaMigrator>().MigrateAsync(targetVersion: from));
        }
        await db.ExecuteAsync(LegacyRows.Sql(db.IsPostgres));

        await using (var s = db.AsSystem())
        {
            Assert.Equal(latest - from, await s.Get<SchemaMigrator>().MigrateAsync());
            Assert.Equal(Enumerable.Range(1, latest), await s.Get<SchemaMigrator>().AppliedAsync());
        }

        await using var after = db.AsSystem();
        var c = await after.Db.Contracts.Include(x => x.Suppliers).ThenInclude(x => x.Supplier)
            .Include(x => x.BudgetLine).Include(x => x.BudgetUnit).SingleAsync();
        Assert.Equal(LegacyRows.Number, c.Number);
        Assert.Equal(LegacyRows.Amount, c.Amount);
        Assert.Equal(LegacyRows.Amount, c.BudgetLine!.Committed);
        Assert.Equal(new DateOnly(2025, 12, 1), c.SignDate);
        Assert.Equal(ContractStatus.Filed, c.Status);
        Assert.Equal("旧库示范单位", c.BudgetUnit!.Name);
        Assert.Equal("旧库物业服务有限公司", Assert.Single(c.Suppliers).Supplier!.Name);
        Assert.Single(await after.Db.AuditEntries.Where(a => a.Actor == "legacy").ToListAsync());
        var found = await after.Ledger.PageAsync(new LedgerFilter { Q = "旧库物业服务" });
        Assert.Equal(c.Id, Assert.Single(found.Rows).Id);
    }
}
