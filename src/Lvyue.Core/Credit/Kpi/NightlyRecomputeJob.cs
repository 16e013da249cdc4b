using Lvyue.Jobs;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// The recurring job of the <see cref="NightlyRecompute"/>. Its row in the job table is leased by one instance at a time;
/// after a successful run it is rescheduled to the next 02:00 Asia/Shanghai (not after a fixed interval, which would
/// drift), and a run that finds the night already recorded does nothing — so the recompute happens once a night however
/// many instances run. A failed attempt is retried with the usual backoff.
/// </summary>
public sealed class NightlyRecomputeJob : IJobHandler
{
    public const string JobKind = "nightly.recompute";
    public string Kind => JobKind;

    public Task RunAsync(JobRun run, CancellationToken ct) => new NightlyRecompute(run.Db).RunAsync(run.Job.LeaseOwner, ct);

    public async Task RecordAsync(JobRun run, JobOutcome outcome, CancellationToken ct)
    {
        if (outcome.Error is not null) return;
        await Sql.ExecuteAsync(run.Db, """UPDATE "Jobs" SET "RunAt" = @next WHERE "Id" = @id""", ct,
            ("@next", NightlyRecompute.NextRunUtc(run.Db.Clock.GetUtcNow())), ("@id", run.Job.Id));
    }
}
