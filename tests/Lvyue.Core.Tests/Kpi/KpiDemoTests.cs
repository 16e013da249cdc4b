using Lvyue.Credit.Kpi;
using Lvyue.Demo;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Kpi;

/// <summary>The demo region comes with its units' KPI of last year and this year, reproducible by recomputing.</summary>
public sealed class KpiDemoTests
{
    [Theory, BothDatabases]
    public async Task TheDemo_HasEveryUnitsKpiForTwoYears_AndRecomputingGivesTheSameFigures(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.Set(new DateTimeOffset(2026, 9, 15, 2, 0, 0, TimeSpan.Zero));
        await using (var s = db.AsSystem())
            await s.Get<DemoSeeder>().SeedAsync(contracts: 20);

        await using var check = db.AsSystem();
        var units = await check.Db.BudgetUnits.CountAsync();
        Assert.Equal(units, await check.Db.KpiResults.CountAsync(r => r.Year == 2026));
        Assert.Equal(units, await check.Db.KpiResults.CountAsync(r => r.Year == 2025));
        var before = await check.Db.KpiResults.AsNoTracking().Where(r => r.Year == 2026).OrderBy(r => r.BudgetUnitId)
            .Select(r => new { r.BudgetUnitId, r.Score, r.Grade, r.DetailJson }).ToListAsync();
        // the demo's contracts give the units facts to be scored on
        Assert.Contains(before, r => r.Score < 100m);
        var region = await check.Db.Regions.Select(r => r.Id).SingleAsync();
        await check.Get<KpiService>().ComputeAsync(region, 2026);
        var after = await check.Db.KpiResults.AsNoTracking().Where(r => r.Year == 2026).OrderBy(r => r.BudgetUnitId)
            .Select(r => new { r.BudgetUnitId, r.Score, r.Grade, r.DetailJson }).ToListAsync();
        Assert.Equal(before, after);
    }
}
