using Lvyue.Accounts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lvyue.Jobs;

/// <summary>
/// Runs due jobs one at a time: claim (lease) → run the handler in a fresh service scope that acts as the
/// system → record the outcome and the handler's own rows in one transaction, fenced on the lease. A handler
/// that throws or exceeds its lease costs one attempt and is retried with bounded exponential backoff; the
/// worker itself never stops on a job's error. Several workers (threads or instances) may run at once.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobOptions options, TimeProvider clock, ILogger<JobWorker>? logger = null)
{
    private readonly ILogger _log = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The actor recorded for work done by jobs.</summary>
    public const string Actor = "job-runner";

    /// <summary>A name for this instance's leases: host and process, plus a random part.</summary>
    public string Owner { get; init; } = NewOwner();

    private static string NewOwner()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    /// <summary>Claims and runs one due job; false when none was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<JobTenantOverride>().Scope = TenantScope.System with { Actor = Actor };
        var db = sp.GetRequiredService<LvyueDbContext>();
        var queue = new JobQueue(db, options);
        var job = await queue.ClaimAsync(Owner, ct);
        if (job is null) return false;

        var run = new JobRun(job, db, clock.GetUtcNow().UtcDateTime);
        var handler = sp.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        string? error = null;
        if (handler is null) error = $"No handler for job kind '{job.Kind}'.";
        else
        {
            // The attempt must end inside its lease, or another instance would run it alongside.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(options.LeaseSeconds * 0.8));
            try { await handler.RunAsync(run, limit.Token); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception e)
            {
                error = e is OperationCanceledException ? "Timed out" : $"{e.GetType().Name}: {e.Message}";
                _log.LogWarning(e, "Job {Id} ({Kind}) attempt {Attempt} failed", job.Id, job.Kind, job.Attempts);
            }
        }

        db.ChangeTracker.Clear();
        var outcome = queue.Decide(job, error, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await queue.FinishAsync(job, Owner, outcome, ct))
        {
            _log.LogWarning("Job {Id} lost its lease before it finished; its outcome is not recorded", job.Id);
            return true;
        }
        if (handler is not null) await handler.RecordAsync(run, outcome, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Runs due jobs until none is left (or <paramref name="max"/> were run); returns how many ran.</summary>
    public async Task<int> RunDueAsync(int max = int.MaxValue, CancellationToken ct = default)
    {
        var n = 0;
        while (n < max && await RunOnceAsync(ct)) n++;
        return n;
    }
}
