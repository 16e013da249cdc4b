using Lvyue.Data;

namespace Lvyue.Jobs;

/// <summary>Runs the jobs of one <see cref="Kind"/>. Registered as a scoped service; one instance per job run.</summary>
public interface IJobHandler
{
    /// <summary>The <see cref="Job.Kind"/> handled.</summary>
    string Kind { get; }

    /// <summary>Does the work; throws to have the attempt counted as failed (and retried with backoff).</summary>
    Task RunAsync(JobRun run, CancellationToken ct);

    /// <summary>
    /// Records the outcome of the attempt in the handler's own rows, inside the transaction that records
    /// the job's outcome (so the two cannot disagree). Called only while the lease is still held.
    /// </summary>
    Task RecordAsync(JobRun run, JobOutcome outcome, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>One attempt of a job: the job as claimed, and a database context that sees everything (the system scope).</summary>
public sealed record JobRun(Job Job, LvyueDbContext Db, DateTime StartedAt);

/// <summary>How an attempt ended: done, to be retried at <see cref="RetryAt"/>, or failed for good.</summary>
public sealed record JobOutcome(JobStatus Status, DateTime? RetryAt, string? Error)
{
    public bool Succeeded => Status is JobStatus.Done || (Status is JobStatus.Pending && Error is null);
}
