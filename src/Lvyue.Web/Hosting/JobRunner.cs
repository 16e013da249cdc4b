using Lvyue.Jobs;
using Lvyue.Notifications;

namespace Lvyue.Web.Hosting;

/// <summary>
/// The background service that runs the durable jobs of <see cref="JobQueue"/> on this instance: it registers
/// the recurring sweeps (one row each however many instances start), then claims and runs due jobs, sleeping
/// <c>Jobs:PollSeconds</c> when none is due. A failing job costs that job an attempt; a failing database costs a
/// pause; the runner itself keeps running until the host stops.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobWorker worker, JobOptions options, ILogger<JobRunner> log) : BackgroundService
{
    /// <summary>The recurring jobs: unique name → kind.</summary>
    public static readonly IReadOnlyList<(string Name, string Kind)> Recurring =
    [
        ("sweep:reminders", ReminderSweepJob.JobKind),
        ("sweep:overdue", OverdueSweepJob.JobKind),
        ("sweep:credit", Lvyue.Credit.CreditSyncJob.JobKind),
        ("nightly:recompute", Lvyue.Credit.Kpi.NightlyRecomputeJob.JobKind),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                if (!registered)
                {
                    await RegisterRecurringAsync(stoppingToken);
                    registered = true;
                }
                ran = await worker.RunDueAsync(max: 50, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The job runner could not reach the job table; retrying in {Seconds} s", options.PollSeconds);
            }
            if (ran == 0)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RegisterRecurringAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var handlers = scope.ServiceProvider.GetServices<IJobHandler>().Select(h => h.Kind).ToHashSet();
        foreach (var (name, kind) in Recurring.Where(r => handlers.Contains(r.Kind)))
        {
            var every = TimeSpan.FromSeconds(options.SweepSeconds);
            await queue.EnsureRecurringAsync(name, kind, every, ct, firstRunAfter: every);
        }
    }
}
