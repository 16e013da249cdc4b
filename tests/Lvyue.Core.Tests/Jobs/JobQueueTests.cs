using Lvyue.Jobs;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Jobs;

public sealed class JobQueueTests
{
    private static Task<long> EnqueueAsync(JobHost host, string payload, DateTime runAt, int? maxAttempts = null) =>
        host.AsSystem(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync(ProbeJob.JobKind, payload, runAt, maxAttempts));

    private static async Task<Job> LoadAsync(TestDatabase db, long id)
    {
        await using var s = db.AsSystem();
        return await s.Db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Theory, BothDatabases]
    public async Task Job_RunsOnceWhenDueAndNotBefore(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior();
        await using var host = JobHost.Start(db, probe: probe);
        var id = await EnqueueAsync(host, "a", db.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));

        Assert.Equal(0, await host.Worker.RunDueAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await host.Worker.RunDueAsync());
        Assert.Equal(0, await host.Worker.RunDueAsync());

        var job = await LoadAsync(db, id);
        Assert.Equal(JobStatus.Done, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LeaseOwner);
        Assert.Single(probe.Runs);
    }

    [Theory, BothDatabases]
    public async Task FailingJob_IsRetriedWithExponentialBackoffThenMarkedFailed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior { FailWith = "receiver down" };
        var options = new JobOptions { BackoffSeconds = 30, MaxBackoffSeconds = 100, MaxAttempts = 4 };
        await using var host = JobHost.Start(db, options, probe: probe);
        var id = await EnqueueAsync(host, "b", db.Clock.GetUtcNow().UtcDateTime);

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = db.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(1, await host.Worker.RunDueAsync());
            var job = await LoadAsync(db, id);
            Assert.Equal(JobStatus.Pending, job.Status);
            Assert.Equal(attempt, job.Attempts);
            Assert.Contains("receiver down", job.LastError);
            delays.Add(DateTime.SpecifyKind(job.RunAt, DateTimeKind.Utc) - before);
            // Not retried before its time.
            db.Clock.Advance(delays[^1] - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await host.Worker.RunDueAsync());
            db.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(100)], delays);

        Assert.Equal(1, await host.Worker.RunDueAsync());
        var failed = await LoadAsync(db, id);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(4, failed.Attempts);
        Assert.NotNull(failed.FinishedAt);
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.Worker.RunDueAsync());
        Assert.Equal(4, probe.Runs.Count);
    }

    [Theory, BothDatabases]
    public async Task JobOfACrashedInstance_IsRetakenAfterItsLease_AndTheLateOutcomeIsIgnored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior();
        var options = new JobOptions { LeaseSeconds = 60 };
        await using var first = JobHost.Start(db, options, probe: probe);
        await using var second = JobHost.Start(db, options, probe: probe);
        var id = await EnqueueAsync(first, "c", db.Clock.GetUtcNow().UtcDateTime);

        // The first instance claims the job and then "hangs" inside it.
        var gate = new TaskCompletionSource();
        probe.Gate = gate;
        var stuck = first.Worker.RunOnceAsync();
        while (probe.Runs.IsEmpty) await Task.Delay(10);
        probe.Gate = null;
        Assert.Equal(0, await second.Worker.RunDueAsync());

        db.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await second.Worker.RunDueAsync());
        var done = await LoadAsync(db, id);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(2, done.Attempts);

        // The first instance wakes up: its lease is gone, so it writes nothing.
        gate.SetResult();
        Assert.True(await stuck);
        var after = await LoadAsync(db, id);
        Assert.Equal(JobStatus.Done, after.Status);
        Assert.Equal(2, after.Attempts);
        Assert.Equal(2, probe.Runs.Count);
    }

    [Theory, BothDatabases]
    public async Task ConcurrentWorkers_ClaimEachJobExactlyOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior();
        await using var a = JobHost.Start(db, probe: probe);
        await using var b = JobHost.Start(db, probe: probe);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 40; i++) await EnqueueAsync(a, $"n{i}", now);

        var counts = await Task.WhenAll(
            Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()),
            Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()));

        Assert.Equal(40, counts.Sum());
        Assert.Equal(40, probe.Runs.Select(r => r.JobId).Distinct().Count());
        Assert.Equal(40, probe.Runs.Count);
        await using var s = db.AsSystem();
        Assert.Equal(40, await s.Db.Jobs.CountAsync(j => j.Status == JobStatus.Done && j.Attempts == 1));
    }

    [Theory, BothDatabases]
    public async Task RecurringJob_IsOneRowAndRunsOncePerIntervalAcrossInstances(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior();
        await using var a = JobHost.Start(db, probe: probe);
        await using var b = JobHost.Start(db, probe: probe);
        foreach (var host in new[] { a, b })
            await host.AsSystem(async sp => { await sp.GetRequiredService<JobQueue>().EnsureRecurringAsync("sweep:probe", ProbeJob.JobKind, TimeSpan.FromMinutes(10)); return 0; });

        await using (var s = db.AsSystem()) Assert.Equal(1, await s.Db.Jobs.CountAsync(j => j.UniqueName == "sweep:probe"));
        for (var round = 1; round <= 3; round++)
        {
            var ran = await Task.WhenAll(Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()));
            Assert.Equal(1, ran.Sum());
            Assert.Equal(round, probe.Runs.Count);
            db.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(0, await a.Worker.RunDueAsync() + await b.Worker.RunDueAsync());
            db.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        await using (var s = db.AsSystem())
        {
            var job = await s.Db.Jobs.AsNoTracking().SingleAsync(j => j.UniqueName == "sweep:probe");
            Assert.Equal(JobStatus.Pending, job.Status);
            Assert.Equal(0, job.Attempts);
        }
    }

    [Theory, BothDatabases]
    public async Task JobOfUnknownKind_FailsWithoutStoppingTheWorker(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var probe = new ProbeBehavior();
        await using var host = JobHost.Start(db, new JobOptions { MaxAttempts = 1 }, probe: probe);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var bad = await host.AsSystem(sp => sp.GetRequiredService<JobQueue>().EnqueueAsync("no.such.kind", null, now));
        await EnqueueAsync(host, "after", now.AddSeconds(1));
        db.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await host.Worker.RunDueAsync());
        var failed = await LoadAsync(db, bad);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("no.such.kind", failed.LastError);
        Assert.Single(probe.Runs);
    }

    [Fact]
    public void Backoff_DoublesAndIsBounded()
    {
        var o = new JobOptions { BackoffSeconds = 10, MaxBackoffSeconds = 70 };
        Assert.Equal([10, 20, 40, 70, 70], Enumerable.Range(1, 5).Select(n => o.BackoffAfter(n).TotalSeconds));
        Assert.Equal(70, o.BackoffAfter(1000).TotalSeconds);
    }
}
