using Lvyue.Jobs;
using Lvyue.Performance;
using Lvyue.Testing;
using Lvyue.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Jobs;

public sealed class OverdueSweepJobTests
{
    [Theory, BothDatabases]
    public async Task OverdueSweep_RunsAsARecurringJobOnceAcrossInstances(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var rw = await ReminderWorld.CreateAsync(db);
        long contract;
        await using (var clerk = db.Scope(rw.World.Clerk))
        {
            var c = await clerk.Filing.CreateAsync(rw.World.Input("YQ-2026-001"));
            contract = c.Id;
        }
        await using (var s = db.AsSystem())
        {
            // Filed contracts only are watched by the overdue register.
            await s.Db.Contracts.Where(c => c.Id == contract).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Lvyue.Contracts.ContractStatus.Performing));
        }
        var milestone = await rw.MilestoneAsync(db, contract, new DateOnly(2026, 2, 2));
        await using var a = JobHost.Start(db);
        await using var b = JobHost.Start(db);
        foreach (var host in new[] { a, b })
            await host.AsSystem(async sp => { await sp.GetRequiredService<JobQueue>().EnsureRecurringAsync("sweep:overdue", OverdueSweepJob.JobKind, TimeSpan.FromMinutes(10)); return 0; });

        var ran = await Task.WhenAll(Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()));

        Assert.Equal(1, ran.Sum());
        await using var check = db.AsSystem();
        Assert.Equal(1, await check.Db.OverdueEntries.CountAsync(e => e.MilestoneId == milestone));
        var job = await check.Db.Jobs.AsNoTracking().SingleAsync(j => j.UniqueName == "sweep:overdue");
        Assert.Null(job.LastError);
        Assert.Equal(JobStatus.Pending, job.Status);
    }
}
