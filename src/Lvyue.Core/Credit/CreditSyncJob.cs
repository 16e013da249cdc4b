using Lvyue.Evaluation;
using Lvyue.Jobs;

namespace Lvyue.Credit;

/// <summary>
/// The recurring job that records the performance capability's new credit events (breach after dispute,
/// termination for breach, overdue completed under supervision) as credit records and regrades their parties.
/// </summary>
public sealed class CreditSyncJob : IJobHandler
{
    public const string JobKind = "credit.sync";
    public string Kind => JobKind;

    public Task RunAsync(JobRun run, CancellationToken ct) =>
        new PerformanceCreditSync(run.Db, new CreditService(run.Db, new StarRatingService(run.Db))).SyncAsync(ct);
}
