using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Jobs;
using Lvyue.Review.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Hosting;

/// <summary>
/// Compiles, in the background at start, the effective rule set of every region that has a rule profile (seconds each
/// for the whole library), so the first upload of such a region after a restart does not wait for it. A profile changed
/// later is compiled when the change is saved.
/// </summary>
public sealed class RuleProfileWarmup(IServiceScopeFactory scopes, ILogger<RuleProfileWarmup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<JobTenantOverride>() is { } system) system.Scope = TenantScope.System;
            var db = scope.ServiceProvider.GetRequiredService<LvyueDbContext>();
            var profiles = scope.ServiceProvider.GetRequiredService<RuleProfileService>();
            var regions = await db.RuleProfileVersions.Select(v => v.RegionId).Distinct().ToListAsync(stoppingToken);
            foreach (var region in regions)
            {
                var set = await profiles.EffectiveAsync(region, stoppingToken);
                log.LogInformation("Review rule set of region {Region}: {Version}, {Count} rules compiled", region, set.Version, set.Rules.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A review compiles the set itself when it needs it; a failed warm-up only costs that first review the time.
            log.LogWarning(e, "The regions' review rule sets could not be compiled at start");
        }
    }, stoppingToken);
}
