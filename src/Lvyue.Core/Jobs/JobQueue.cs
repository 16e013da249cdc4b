using Lvyue.Data;

namespace Lvyue.Jobs;

/// <summary>
/// The durable job table. Jobs are claimed by a lease: on PostgreSQL the candidate row is locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent instances each take a different job without waiting;
/// on SQLite (one writer at a time) the same conditional <c>UPDATE … RETURNING</c> is atomic by itself.
/// A claimed job's <see cref="Job.RunAt"/> becomes its lease expiry, so one index on
/// (Status, RunAt) finds both due jobs and jobs whose instance died. Outcomes are written only by the
/// lease holder of that attempt (fenced on owner and attempt number).
/// </summary>
public sealed class JobQueue(LvyueDbContext db, JobOptions options)
{
    /// <summary>Adds a one-off job (in the context's current transaction, if any); returns its id.</summary>
    public async Task<long> EnqueueAsync(string kind, string? payload, DateTime runAt, int? maxAttempts = null, CancellationToken ct = default)
    {
        var ids = await Sql.LongsAsync(db,
            """
            INSERT INTO "Jobs" ("Kind", "Payload", "Status", "Attempts", "MaxAttempts", "RunAt", "CreatedAt")
            VALUES (@kind, @payload, 'Pending', 0, @max, @runAt, @now) RETURNING "Id"
            """, ct,
            ("@kind", kind), ("@payload", payload), ("@max", maxAttempts ?? options.MaxAttempts),
            ("@runAt", runAt), ("@now", db.Clock.GetUtcNow().UtcDateTime));
        return ids[0];
    }

    /// <summary>
    /// Registers a recurring job once (every instance calls this at start; the unique name keeps one row),
    /// and brings its interval up to date. A newly registered job first runs <c>firstRunAfter</c> from now (default: at once).
    /// </summary>
    public async Task EnsureRecurringAsync(string uniqueName, string kind, TimeSpan every, CancellationToken ct = default, TimeSpan? firstRunAfter = null)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var first = now + (firstRunAfter ?? TimeSpan.Zero);
        var seconds = (int)Math.Max(1, every.TotalSeconds);
        await Sql.ExecuteAsync(db,
            """
            INSERT INTO "Jobs" ("Kind", "UniqueName", "Status", "Attempts", "MaxAttempts", "RunAt", "EverySeconds", "CreatedAt")
            VALUES (@kind, @name, 'Pending', 0, 0, @first, @every, @now)
            ON CONFLICT ("UniqueName") DO UPDATE SET "EverySeconds" = @every, "Kind" = @kind
            """, ct, ("@kind", kind), ("@name", uniqueName), ("@first", first), ("@now", now), ("@every", seconds));
    }

    /// <summary>Leases the next due job (or one whose lease expired) to <paramref name="owner"/>; null when none is due.</summary>
    public async Task<Job?> ClaimAsync(string owner, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(options.LeaseSeconds);
        if (db.IsSqlite)
        {
            // Look before taking SQLite's one write lock: an idle poll then writes nothing and blocks no one.
            var due = await Sql.LongsAsync(db, """SELECT 1 FROM "Jobs" WHERE "Status" IN ('Pending', 'Running') AND "RunAt" <= @now LIMIT 1""",
                ct, ("@now", now));
            if (due.Count == 0) return null;
        }
        var skipLocked = db.IsSqlite ? "" : " FOR UPDATE SKIP LOCKED";
        var ids = await Sql.LongsAsync(db,
            $"""
            UPDATE "Jobs" SET "Status" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease, "RunAt" = @lease,
                "Attempts" = "Attempts" + 1
            WHERE "Id" = (SELECT "Id" FROM "Jobs" WHERE "Status" IN ('Pending', 'Running') AND "RunAt" <= @now
                          ORDER BY "RunAt" LIMIT 1{skipLocked})
            RETURNING "Id"
            """, ct, ("@owner", owner), ("@lease", lease), ("@now", now));
        if (ids.Count == 0) return null;
        var id = ids[0];
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Jobs), j => j.Id == id, ct);
    }

    /// <summary>What becomes of <paramref name="job"/> after an attempt that ended with <paramref name="error"/> (null: success).</summary>
    public JobOutcome Decide(Job job, string? error, DateTime now)
    {
        if (job.EverySeconds is { } every)
        {
            // A recurring job never gives up: a failed sweep is retried with backoff, but no later than its next turn.
            var next = error is null ? now.AddSeconds(every) : now + Min(options.BackoffAfter(job.Attempts), TimeSpan.FromSeconds(every));
            return new JobOutcome(JobStatus.Pending, next, error);
        }
        if (error is null) return new JobOutcome(JobStatus.Done, null, null);
        if (job.Attempts >= job.MaxAttempts) return new JobOutcome(JobStatus.Failed, null, error);
        return new JobOutcome(JobStatus.Pending, now + options.BackoffAfter(job.Attempts), error);
    }

    /// <summary>
    /// Writes the outcome of the attempt, provided <paramref name="owner"/> still holds that attempt's lease;
    /// false when the lease was lost (another instance retook the job), in which case nothing is written.
    /// </summary>
    public async Task<bool> FinishAsync(Job job, string owner, JobOutcome outcome, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var recurring = job.EverySeconds is not null;
        var n = await Sql.ExecuteAsync(db,
            """
            UPDATE "Jobs" SET "Status" = @status, "RunAt" = COALESCE(@runAt, "RunAt"), "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL,
                "LastError" = @error, "FinishedAt" = @finished, "Attempts" = CASE WHEN @reset = 1 THEN 0 ELSE "Attempts" END
            WHERE "Id" = @id AND "Status" = 'Running' AND "LeaseOwner" = @owner AND "Attempts" = @attempts
            """, ct,
            ("@status", outcome.Status.ToString()), ("@runAt", outcome.RetryAt), ("@error", Truncate(outcome.Error)),
            ("@finished", outcome.Status is JobStatus.Done or JobStatus.Failed ? now : null),
            ("@reset", recurring && outcome.Error is null ? 1 : 0),
            ("@id", job.Id), ("@owner", owner), ("@attempts", job.Attempts));
        return n == 1;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public static string? Truncate(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
}
