using Lvyue.Credit.Kpi;
using Lvyue.Disclosure;
using Lvyue.Jobs;
using Lvyue.Testing;
using Lvyue.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Kpi;

/// <summary>The nightly recompute: 02:00 Asia/Shanghai, once a night across instances, rescheduled to the next 02:00.</summary>
public sealed class NightlyRecomputeTests
{
    [Theory]
    [InlineData("2026-06-01T17:59:59Z", "2026-06-01", "2026-06-01T18:00:00Z")] // 01:59:59 on 2 June in Beijing: still the night of 1 June
    [InlineData("2026-06-01T18:00:00Z", "2026-06-02", "2026-06-02T18:00:00Z")] // 02:00 on 2 June
    [InlineData("2026-06-02T09:30:00Z", "2026-06-02", "2026-06-02T18:00:00Z")]
    [InlineData("2026-12-31T18:00:00Z", "2027-01-01", "2027-01-01T18:00:00Z")]
    public void TheNight_AndTheNextRun_AreReckonedInBeijingTime(string now, string night, string next)
    {
        var t = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(night, System.Globalization.CultureInfo.InvariantCulture), NightlyRecompute.NightOf(t));
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, NightlyRecompute.NextRunUtc(t));
    }

    [Theory, BothDatabases]
    public async Task TwoInstances_RunTheRecomputeOnceANight_AndRescheduleItTo0200(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await KpiSteps.YearAsync(db, world);
        db.Clock.Set(new DateTimeOffset(2026, 6, 1, 18, 5, 0, TimeSpan.Zero)); // 02:05 on 2 June in Beijing
        await using var a = JobHost.Start(db);
        await using var b = JobHost.Start(db);
        foreach (var host in new[] { a, b })
            await host.AsSystem(async sp => { await sp.GetRequiredService<JobQueue>().EnsureRecurringAsync("nightly:recompute", NightlyRecomputeJob.JobKind, TimeSpan.FromHours(1)); return 0; });

        var ran = await Task.WhenAll(Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()));

        Assert.Equal(1, ran.Sum());
        await using (var check = db.AsSystem())
        {
            var run = await check.Db.RecomputeRuns.SingleAsync();
            Assert.Equal(new DateOnly(2026, 6, 2), run.Night);
            Assert.Equal(2, run.KpiResults);
            var job = await check.Db.Jobs.AsNoTracking().SingleAsync(j => j.UniqueName == "nightly:recompute");
            Assert.Null(job.LastError);
            Assert.Equal(new DateTime(2026, 6, 2, 18, 0, 0), DateTime.SpecifyKind(job.RunAt, DateTimeKind.Unspecified));
            Assert.Equal(2, await check.Db.KpiResults.CountAsync(r => r.Year == 2026));
            // the lists of May (monthly) and of the first quarter were published once
            Assert.Equal(["Determinations 2026-05", "RedList 2026-Q1", "Sanctions 2026-05"],
                (await check.Db.Publications.ToListAsync()).Select(p => $"{p.Kind} {p.PeriodLabel}").Order());
        }

        // an hour later nothing is due; the night is not run again even if asked directly
        db.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await a.Worker.RunDueAsync() + await b.Worker.RunDueAsync());
        await using (var s = db.AsSystem())
            Assert.Null(await s.Get<NightlyRecompute>().RunAsync("manual"));

        // the next night runs at 02:00
        db.Clock.Set(new DateTimeOffset(2026, 6, 2, 18, 0, 1, TimeSpan.Zero));
        Assert.Equal(1, await b.Worker.RunDueAsync());
        await using var after = db.AsSystem();
        Assert.Equal([new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 3)], await after.Db.RecomputeRuns.OrderBy(r => r.Night).Select(r => r.Night).ToListAsync());
        Assert.Equal(3, await after.Db.Publications.CountAsync()); // nothing new to publish in the same month
        Assert.Equal(new DateOnly(2026, 6, 3), (await after.Get<NightlyRecompute>().LastAsync())!.Night);
    }
}
