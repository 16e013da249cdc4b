namespace Lvyue.Jobs;

/// <summary>Configuration section <c>Jobs</c>: leasing, retries and polling of the durable job table.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this instance runs jobs at all (<c>Jobs:Enabled</c>); several instances may.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long a claimed job is leased; a job still running then is retaken by another instance.</summary>
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>How often an idle runner looks for due jobs.</summary>
    public int PollSeconds { get; set; } = 5;
    /// <summary>First retry delay; each further retry doubles it.</summary>
    public int BackoffSeconds { get; set; } = 30;
    /// <summary>Upper bound of the retry delay.</summary>
    public int MaxBackoffSeconds { get; set; } = 3600;
    /// <summary>Attempts of a one-off job before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>
    /// Interval of the reminder sweep and the overdue sweep (both work by the day; hourly is plenty). On a new
    /// database the first sweep runs one interval after the first start.
    /// </summary>
    public int SweepSeconds { get; set; } = 3600;

    /// <summary>The delay before the retry that follows attempt <paramref name="attempts"/> (1-based): base·2^(n−1), bounded.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var n = Math.Clamp(attempts, 1, 30);
        var seconds = Math.Min((double)BackoffSeconds * Math.Pow(2, n - 1), MaxBackoffSeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
