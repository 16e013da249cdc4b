using Lvyue.Jobs;

namespace Lvyue.Notifications;

/// <summary>The recurring job that runs the <see cref="ReminderSweep"/> (one instance at a time, by the job lease).</summary>
public sealed class ReminderSweepJob(ReminderSweep sweep) : IJobHandler
{
    public const string JobKind = "reminders.sweep";
    public string Kind => JobKind;

    public Task RunAsync(JobRun run, CancellationToken ct) => sweep.RunAsync(ct);
}
