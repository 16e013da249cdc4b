using Lvyue.Accounts;
using Lvyue.Demo;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>The demo region's schedules, overdue entries and termination register.</summary>
public sealed class PerformanceDemoTests
{
    [Theory, BothDatabases]
    public async Task TheDemo_HasSchedulesOverdueEntriesUnderWatchAndATerminatedContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();

        await s.Get<DemoSeeder>().SeedAsync(contracts: 20);

        Assert.True(await s.Db.Milestones.CountAsync() >= 40);
        Assert.Contains(await s.Db.Milestones.Select(m => m.Status).Distinct().ToListAsync(), x => x == MilestoneStatus.Met);
        Assert.Contains(await s.Db.Milestones.Where(m => m.Recurrence != null).Select(m => m.Kind).ToListAsync(), k => k == MilestoneKind.ServiceReport);
        var entries = await s.Db.OverdueEntries.Include(o => o.Actions).ToListAsync();
        Assert.Contains(entries, e => e.CloseWatch && e.Actions.Any(a => a.Kind == SupervisionActionKind.Interview));
        Assert.Contains(entries, e => e.ExitedOn is null);
        var termination = await s.Db.TerminationEntries.SingleAsync();
        Assert.Equal(BreachingParty.Supplier, termination.Outcome);
        Assert.Contains(await s.Db.CreditEvents.ToListAsync(), c => c.Kind == CreditEvent.TerminationBreach && c.CountsAsDishonest);
        var page = await db.Scope(TenantScope.ForRegion(termination.RegionId, "supervisor") with { Roles = [Roles.Supervisor] })
            .Get<OverdueRegister>().PageAsync(new OverdueFilter());
        Assert.NotEmpty(page.Rows);
    }
}
