using Lvyue.Performance;

namespace Lvyue.Jobs;

/// <summary>The recurring job that runs the <see cref="OverdueSweep"/> (entering and closing overdue register entries) as the system.</summary>
public sealed class OverdueSweepJob : IJobHandler
{
    public const string JobKind = "overdue.sweep";
    public string Kind => JobKind;

    public Task RunAsync(JobRun run, CancellationToken ct) => new OverdueSweep(run.Db).RunAsync(run.Db.Clock.GetUtcNow(), ct);
}
