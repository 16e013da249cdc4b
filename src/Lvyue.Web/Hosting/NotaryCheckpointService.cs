using Lvyue.Notary;

namespace Lvyue.Web.Hosting;

/// <summary>
/// Signs a checkpoint of the notary log every <c>Notary:CheckpointIntervalSeconds</c> when the log grew. Safe with
/// several instances: <see cref="NotaryCheckpointer.SignIfGrownAsync"/> checks and inserts under the log's append
/// lock, so one checkpoint is stored per tree size whoever signs it. (A small service of its own for now; it can
/// move onto the general job runner in Lvyue.Core/Jobs once that exists.)
/// </summary>
public sealed class NotaryCheckpointService(IServiceScopeFactory scopes, NotaryOptions options, TimeProvider clock,
    IHttpClientFactory http, ILogger<NotaryCheckpointService> log) : BackgroundService
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

    /// <summary>One round: cosignatures read back from witness folders, then a checkpoint if the log grew since the latest one, pushed to the configured witnesses.</summary>
    public async Task<NotaryCheckpoint?> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (options.Witnesses.Any(w => w.Folder is { Length: > 0 }))
        {
            // Cosignatures that offline witnesses wrote into their folders since the last round.
            var collect = new NotaryWitnessPush(scope.ServiceProvider.GetRequiredService<Data.LvyueDbContext>(),
                scope.ServiceProvider.GetRequiredService<NotaryLog>(), http.CreateClient(nameof(NotaryWitnessPush)));
            foreach (var outcome in await collect.CollectFolderCosignaturesAsync(options.Witnesses, ct))
                log.LogInformation("Notary witness folder: {Outcome}", outcome);
        }
        var checkpoint = await scope.ServiceProvider.GetRequiredService<NotaryCheckpointer>().SignIfGrownAsync(ct);
        if (checkpoint is null) return null;
        log.LogInformation("Notary checkpoint {TreeSize} signed at {At}", checkpoint.TreeSize, clock.GetUtcNow());
        if (options.Witnesses.Length > 0)
        {
            var push = new NotaryWitnessPush(scope.ServiceProvider.GetRequiredService<Data.LvyueDbContext>(),
                scope.ServiceProvider.GetRequiredService<NotaryLog>(), http.CreateClient(nameof(NotaryWitnessPush)));
            foreach (var outcome in await push.PushAsync(checkpoint, options.Witnesses, ct))
                log.LogInformation("Notary witness: {Outcome}", outcome);
        }
        return checkpoint;
    }
}
