using System.Globalization;
using Lvyue.Data;
using Lvyue.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notifications;

/// <summary>
/// The job that sends one <see cref="NotificationDelivery"/> (payload: its id). Each attempt's result —
/// attempts, last error, next attempt, sent or failed — is written to the delivery row in the transaction
/// that records the job's outcome, so the failure list always matches the queue.
/// </summary>
public sealed class DeliveryJob(IEnumerable<INotificationSender> senders) : IJobHandler
{
    public const string JobKind = "notifications.deliver";
    public string Kind => JobKind;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var id = long.Parse(run.Job.Payload!, CultureInfo.InvariantCulture);
        var delivery = await run.Db.NotificationDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
                       ?? throw new InvalidOperationException($"Delivery {id} does not exist");
        var sender = senders.FirstOrDefault(s => s.Channel == delivery.Channel)
                     ?? throw new InvalidOperationException($"No sender for channel {delivery.Channel}");
        await sender.SendAsync(delivery, ct);
    }

    public async Task RecordAsync(JobRun run, JobOutcome outcome, CancellationToken ct)
    {
        var id = long.Parse(run.Job.Payload!, CultureInfo.InvariantCulture);
        var status = outcome.Status switch
        {
            JobStatus.Done => DeliveryStatus.Sent,
            JobStatus.Failed => DeliveryStatus.Failed,
            _ => DeliveryStatus.Pending,
        };
        var now = run.Db.Clock.GetUtcNow().UtcDateTime;
        await Sql.ExecuteAsync(run.Db,
            """
            UPDATE "NotificationDeliveries" SET "Status" = @status, "Attempts" = @attempts, "LastError" = @error,
                "NextAttemptAt" = @next, "SentAt" = @sent
            WHERE "Id" = @id
            """, ct,
            ("@status", status.ToString()), ("@attempts", run.Job.Attempts), ("@error", JobQueue.Truncate(outcome.Error)),
            ("@next", status == DeliveryStatus.Pending ? outcome.RetryAt : null),
            ("@sent", status == DeliveryStatus.Sent ? now : null), ("@id", id));
    }
}
