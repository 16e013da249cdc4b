using System.Diagnostics;
using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Bench;

/// <summary>
/// The overdue sweep (issue 5) on PostgreSQL: <c>overdue</c> seeds <c>--contracts</c> contracts in performance with
/// ten milestones each (default 100,000 × 10 = 1,000,000; due dates spread over ±300 days around today, 95% of the
/// past ones met) with set-based SQL, then times <see cref="OverdueSweep.RunAsync"/> three times: the first run
/// enters the backlog (every open milestone past due plus the 3-working-day grace, with its timeline event and
/// audit rows), the second is the steady state of the same day (finds nothing new), the third runs three days later
/// (enters the day's new ones). Then the supervisor's first register page (computed from the clock). Seeding is
/// not timed.
/// </summary>
internal static class OverdueBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchHost.Arg(args, "--provider", "postgres");
        var connection = BenchHost.Arg(args, "--connection");
        var contracts = int.Parse(BenchHost.Arg(args, "--contracts", "100000"), CultureInfo.InvariantCulture);
        if (!provider.StartsWith("p", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("overdue: the seeding is PostgreSQL SQL; use --provider postgres"); return 2; }

        await using var sys = BenchHost.Services(provider, connection, TenantScope.System with { Actor = "bench" });
        var setup = Stopwatch.StartNew();
        long regionId;
        await using (var s = sys.CreateAsyncScope())
        {
            var sp = s.ServiceProvider;
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await sp.GetRequiredService<ReferenceData>().EnsureAsync();
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(contracts: 0);
            var db = sp.GetRequiredService<LvyueDbContext>();
            if (!await db.Contracts.AnyAsync(c => c.Number.StartsWith("OB-")))
                await SeedAsync(db, contracts, ChinaTime.Today(TimeProvider.System));
            regionId = await db.Regions.Select(r => r.Id).FirstAsync();
            Console.WriteLine($"seeded {contracts:N0} contracts, {await db.Milestones.CountAsync():N0} milestones in {setup.Elapsed.TotalSeconds:0.0} s");
        }

        var now = TimeProvider.System.GetUtcNow();
        foreach (var (label, at) in new[] { ("backlog", now), ("same day", now), ("three days later", now.AddDays(3)) })
        {
            await using var s = sys.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var r = await s.ServiceProvider.GetRequiredService<OverdueSweep>().RunAsync(at);
            Console.WriteLine($"sweep ({label}, {r.Today:yyyy-MM-dd}): {sw.Elapsed.TotalSeconds:0.00} s, entered {r.Entered:N0}, exited {r.Exited:N0}");
        }

        var supervisor = TenantScope.ForRegion(regionId, "supervisor") with { Roles = [Roles.Supervisor] };
        await using var sup = BenchHost.Services(provider, connection, supervisor);
        for (var run = 1; run <= 3; run++)
        {
            await using var s = sup.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var page = await s.ServiceProvider.GetRequiredService<OverdueRegister>().PageAsync(new OverdueFilter());
            Console.WriteLine($"register page #{run} (risk order, 50 of {page.Total:N0}): {sw.Elapsed.TotalMilliseconds:0} ms");
        }
        return 0;
    }

    /// <summary>Contracts of the first demo unit in performance, ten milestones each; 95% of the past milestones met.</summary>
    private static async Task SeedAsync(LvyueDbContext db, int contracts, DateOnly today)
    {
        var unit = await db.BudgetUnits.OrderBy(u => u.Id).FirstAsync();
        var line = await db.BudgetLines.Where(l => l.BudgetUnitId == unit.Id).OrderBy(l => l.Id).FirstAsync();
        var sub = await db.Subcategories.OrderBy(s => s.Id).FirstAsync();
        var supplier = await db.Suppliers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        db.Database.SetCommandTimeout(3600);
        var day0 = today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var t = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contractsSql = $"""
            INSERT INTO "Contracts" ("RegionId", "BudgetUnitId", "Number", "Title", "Category", "SubcategoryId", "ProcurementMethod", "Amount",
                "SignDate", "StartDate", "EndDate", "BudgetLineId", "IsKeyProject", "Confidentiality", "FilingRequired", "Status", "SearchText", "CreatedAt", "UpdatedAt", "Version")
            SELECT {unit.RegionId}, {unit.Id}, 'OB-' || k, '逾期基准合同' || k, '{sub.Category}', {sub.Id}, 'OpenTender', 10000 + (k::bigint * 7919 % 199) * 10000,
                date '{day0}', date '{day0}', date '{day0}' + 800, {line.Id}, false, 'Public', true, 'Performing', '逾期基准合同' || k, now(), now(), 0
            FROM generate_series(0, {contracts - 1}) k;
            """;
        await db.Database.ExecuteSqlRawAsync(contractsSql);
        var suppliersSql = $"""
            INSERT INTO "ContractSuppliers" ("ContractId", "SupplierId", "SortOrder")
            SELECT c."Id", {supplier}, 0 FROM "Contracts" c WHERE c."Number" LIKE 'OB-%';
            """;
        await db.Database.ExecuteSqlRawAsync(suppliersSql);
        var milestonesSql = $"""
            INSERT INTO "Milestones" ("ContractId", "RegionId", "BudgetUnitId", "Kind", "Title", "Sequence", "DueDate", "Amount", "ResponsibleParty",
                "Status", "MetDate", "Source", "CreatedAt", "UpdatedAt", "Version")
            SELECT c."Id", c."RegionId", c."BudgetUnitId",
                CASE WHEN m % 3 = 0 THEN 'PaymentInstallment' ELSE 'Delivery' END, '基准节点' || m, m,
                d, CASE WHEN m % 3 = 0 THEN c."Amount" / 10 END, CASE WHEN m % 3 = 0 THEN 'Purchaser' ELSE 'Supplier' END,
                CASE WHEN d < date '{t}' AND (c."Id" * 7 + m * 13) % 20 <> 0 THEN 'Met' ELSE 'Planned' END,
                CASE WHEN d < date '{t}' AND (c."Id" * 7 + m * 13) % 20 <> 0 THEN d END, 'Manual', now(), now(), 0
            FROM "Contracts" c CROSS JOIN generate_series(1, 10) m
            CROSS JOIN LATERAL (SELECT date '{t}' - 300 + ((c."Id" * 37 + m * 41) % 600)::int AS d) x
            WHERE c."Number" LIKE 'OB-%';
            """;
        await db.Database.ExecuteSqlRawAsync(milestonesSql);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
