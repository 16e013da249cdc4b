using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// Demo KPI: after the demo contracts, performance and evaluations are seeded, every demo region's unit KPI is computed
/// for last year and this year from those facts (so the KPI page, the drill-down and the commendation list have content
/// before the first nightly run), and the lists of the period just ended are published on the disclosure portal.
/// </summary>
public static class KpiDemo
{
    public static async Task SeedAsync(IServiceProvider services, LvyueDbContext db, CancellationToken ct = default)
    {
        var options = (DbContextOptions<LvyueDbContext>)services.GetService(typeof(DbContextOptions<LvyueDbContext>))!;
        await using var ctx = new LvyueDbContext(options, new FixedTenantContext(TenantScope.System with { Actor = "demo" }), db.Clock);
        var kpi = new KpiService(ctx);
        var year = ChinaTime.Today(db.Clock).Year;
        foreach (var region in await ctx.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct))
        {
            await kpi.ComputeAsync(region, year - 1, ct);
            await kpi.ComputeAsync(region, year, ct);
        }
        await new PublicationService(ctx).PublishDueAsync(ct);
    }
}
