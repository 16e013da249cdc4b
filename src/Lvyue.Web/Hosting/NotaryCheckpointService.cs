using Lvyue.Notary;

namespace Lvyue.Web.Hosting;

/// <summary>
/// Signs a checkpoint of the notary log every <c>Notary:CheckpointIntervalSeconds</c> when the log grew. Safe with
/// several instances: <see cref="NotaryCheckpointer.SignIfGrownAsync"/> checks and inserts under the log's append
/// lock, so one checkpoint is stored per tree size whoever signs it. (A small service of its own for now; it can
/// move onto the general job runner in Lvyue.Core/Jobs once that exists.)
/// </summary>
public sealed class NotaryCheckpointService(IServiceScopeFactory scopes, NotaryOptions options, TimeProvider clock,
    ILogger<NotaryCheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CheckpointIntervalSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(options.CheckpointIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Real time, whatever clock the app runs on: a test clock must not stop the rounds.
                await Task.Delay(interval, TimeProvider.System, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Signing a notary checkpoint failed; retrying in {Interval}", interval);
            }
        }
    }

    /// <summary>One round: a checkpoint if the log grew since the latest one.</summary>
    public async Task<NotaryCheckpoint?> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checkpoint = await scope.ServiceProvider.GetRequiredService<NotaryCheckpointer>().SignIfGrownAsync(ct);
        if (checkpoint is not null)
            log.LogInformation("Notary checkpoint {TreeSize} signed at {At}", checkpoint.TreeSize, clock.GetUtcNow());
        return checkpoint;
    }
}
