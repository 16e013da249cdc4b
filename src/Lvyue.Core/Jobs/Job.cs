namespace Lvyue.Jobs;

/// <summary>Where a <see cref="Job"/> stands.</summary>
public enum JobStatus
{
    /// <summary>Waiting for <see cref="Job.RunAt"/>.</summary>
    Pending,
    /// <summary>Leased by an instance until <see cref="Job.LeaseExpiresAt"/>; retaken by another after that.</summary>
    Running,
    /// <summary>Finished successfully (one-off jobs only; recurring jobs return to Pending).</summary>
    Done,
    /// <summary>Gave up after <see cref="Job.MaxAttempts"/> attempts.</summary>
    Failed,
}

/// <summary>
/// One unit of durable background work in the <c>Jobs</c> table, run by whichever instance leases it
/// first (see <see cref="JobQueue"/>). A job with <see cref="EverySeconds"/> is recurring: after each run
/// it returns to <see cref="JobStatus.Pending"/> with its next <see cref="RunAt"/>, and its
/// <see cref="UniqueName"/> keeps it to one row however many instances register it.
/// </summary>
public sealed class Job
{
    public long Id { get; set; }
    /// <summary>Which <see cref="IJobHandler"/> runs it, e.g. <c>notifications.deliver</c>.</summary>
    public required string Kind { get; set; }
    /// <summary>The handler's argument (an id or a small JSON object).</summary>
    public string? Payload { get; set; }
    /// <summary>Set for recurring jobs: one row per name.</summary>
    public string? UniqueName { get; set; }
    public JobStatus Status { get; set; }
    /// <summary>Attempts started so far (a lease taken counts, even if its instance then crashed).</summary>
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    /// <summary>When it may next be claimed (UTC); for a running job, its lease expiry.</summary>
    public DateTime RunAt { get; set; }
    /// <summary>The instance holding the lease.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Interval of a recurring job; null for a one-off job.</summary>
    public int? EverySeconds { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
