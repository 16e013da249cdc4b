using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Bench;

/// <summary>
/// The ledger page (filtered, sorted, one page of 50) and the dashboard aggregates, as a region's
/// finance supervisor and as a unit clerk see them: p50/p95 over repeated runs, each in a fresh
/// DbContext as a web request would have.
/// </summary>
internal static class QueryBench
{
    public static async Task RunAsync(string provider, string connection, int iterations)
    {
        long regionId, unitId;
        int total;
        await using (var sys = BenchHost.Services(provider, connection, TenantScope.System))
        await using (var s = sys.CreateAsyncScope())
        {
            var db = s.ServiceProvider.GetRequiredService<LvyueDbContext>();
            regionId = await db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            unitId = await db.Contracts.GroupBy(c => c.BudgetUnitId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            total = await db.Contracts.CountAsync();
        }
        Console.WriteLine($"{provider}: {total:N0} contracts; {iterations} timed runs after warm-up, each in a fresh DbContext");
        Console.WriteLine($"| query | scope | p50 ms | p95 ms | max ms |");
        Console.WriteLine($"|---|---|---:|---:|---:|");
        var supervisor = TenantScope.ForRegion(regionId, "bench") with { Roles = [Roles.Supervisor] };
        var clerk = TenantScope.ForUnit(regionId, unitId, "bench", canWrite: true) with { Roles = [Roles.UnitClerk] };
        var cases = new (string Name, TenantScope Scope, Func<int, LedgerFilter> Filter)[]
        {
            ("ledger: no filter, newest signed first, page 1", supervisor, _ => new LedgerFilter()),
            ("ledger: status=Performing, by amount desc, page 1..20", supervisor, i => new LedgerFilter { Status = ContractStatus.Performing, Sort = "amount", Page = 1 + i % 20 }),
            ("ledger: category=Services + amount ≥ 1,000,000, sign date desc", supervisor, _ => new LedgerFilter { Category = Category.Services, AmountMin = 1_000_000m }),
            ("ledger: sign date in 2024, page 1..20", supervisor, i => new LedgerFilter { SignFrom = new DateOnly(2024, 1, 1), SignTo = new DateOnly(2024, 12, 31), Page = 1 + i % 20 }),
            ("ledger: full-text \"物业管理\"", supervisor, _ => new LedgerFilter { Q = "物业管理" }),
            ("ledger: full-text \"基准单位00042\"", supervisor, _ => new LedgerFilter { Q = "基准单位00042" }),
            ("ledger: one unit (clerk), newest first", clerk, _ => new LedgerFilter()),
        };
        foreach (var (name, scope, filter) in cases)
        {
            await using var sp = BenchHost.Services(provider, connection, scope);
            var (p50, p95, max) = await Percentiles.MeasureAsync(async i =>
            {
                await using var s = sp.CreateAsyncScope();
                await s.ServiceProvider.GetRequiredService<LedgerQuery>().PageAsync(filter(i));
            }, 3, iterations);
            Console.WriteLine($"| {name} | {(scope == clerk ? "unit clerk" : "region supervisor")} | {p50:0.0} | {p95:0.0} | {max:0.0} |");
        }
        foreach (var (name, scope) in new[] { ("dashboard aggregates", supervisor), ("dashboard aggregates", clerk) })
        {
            await using var sp = BenchHost.Services(provider, connection, scope);
            var (p50, p95, max) = await Percentiles.MeasureAsync(async _ =>
            {
                await using var s = sp.CreateAsyncScope();
                await s.ServiceProvider.GetRequiredService<Dashboard>().ComputeAsync();
            }, 2, Math.Max(10, iterations / 5));
            Console.WriteLine($"| {name} | {(scope == clerk ? "unit clerk" : "region supervisor")} | {p50:0.0} | {p95:0.0} | {max:0.0} |");
        }
    }
}
