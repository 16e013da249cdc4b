using Lvyue.Data;
using Lvyue.Jobs;

namespace Lvyue.Notifications;

/// <summary>What to send to whom; <see cref="DedupeKey"/>, when set, makes the request idempotent.</summary>
public sealed record DeliveryRequest(NotificationChannel Channel, string Recipient, string Subject, string Body)
{
    public string? RecipientName { get; init; }
    public string? Link { get; init; }
    public long? RegionId { get; init; }
    public long? BudgetUnitId { get; init; }
    public long? ContractId { get; init; }
    public long? MilestoneId { get; init; }
    public int? OffsetDays { get; init; }
    public long? WebhookEndpointId { get; init; }
    public string? DedupeKey { get; init; }
    /// <summary>For the inbox: the title of the item (defaults to <see cref="Subject"/>).</summary>
    public string? InboxTitle { get; init; }
}

/// <summary>
/// Schedules deliveries: one row per message and, for external channels, the job that sends it, in the
/// caller's transaction. A request whose dedupe key exists already is skipped (<c>ON CONFLICT DO NOTHING</c>;
/// on PostgreSQL a concurrent insert of the same key waits for the other transaction and then skips), so
/// concurrent sweeps on several instances schedule each reminder exactly once. Inbox items are written at
/// once and their delivery is recorded as sent.
/// </summary>
public sealed class NotificationScheduler(LvyueDbContext db, JobQueue jobs)
{
    /// <summary>Schedules <paramref name="r"/>; returns the delivery id, or null when its dedupe key was taken.</summary>
    public async Task<long?> ScheduleAsync(DeliveryRequest r, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var inbox = r.Channel == NotificationChannel.Inbox;
        var ids = await Sql.LongsAsync(db,
            """
            INSERT INTO "NotificationDeliveries" ("Channel", "Recipient", "RecipientName", "Subject", "Body", "Link", "RegionId",
                "BudgetUnitId", "ContractId", "MilestoneId", "OffsetDays", "WebhookEndpointId", "Status", "Attempts", "NextAttemptAt",
                "DedupeKey", "CreatedAt", "SentAt")
            VALUES (@channel, @recipient, @name, @subject, @body, @link, @region, @unit, @contract, @milestone, @offset, @endpoint,
                @status, 0, @next, @key, @now, @sent)
            ON CONFLICT ("DedupeKey") DO NOTHING
            RETURNING "Id"
            """, ct,
            ("@channel", r.Channel.ToString()), ("@recipient", r.Recipient), ("@name", r.RecipientName), ("@subject", r.Subject),
            ("@body", r.Body), ("@link", r.Link), ("@region", r.RegionId), ("@unit", r.BudgetUnitId), ("@contract", r.ContractId),
            ("@milestone", r.MilestoneId), ("@offset", r.OffsetDays), ("@endpoint", r.WebhookEndpointId),
            ("@status", (inbox ? DeliveryStatus.Sent : DeliveryStatus.Pending).ToString()), ("@next", inbox ? null : now),
            ("@key", r.DedupeKey), ("@now", now), ("@sent", inbox ? now : null));
        if (ids.Count == 0) return null;
        var id = ids[0];
        if (inbox)
        {
            await Sql.ExecuteAsync(db,
                """
                INSERT INTO "InboxItems" ("UserId", "Title", "Body", "Link", "ContractId", "MilestoneId", "DeliveryId", "CreatedAt")
                VALUES (@user, @title, @body, @link, @contract, @milestone, @delivery, @now)
                """, ct,
                ("@user", r.Recipient), ("@title", r.InboxTitle ?? r.Subject), ("@body", r.Body), ("@link", r.Link),
                ("@contract", r.ContractId), ("@milestone", r.MilestoneId), ("@delivery", id), ("@now", now));
        }
        else
        {
            var job = await jobs.EnqueueAsync(DeliveryJob.JobKind, id.ToString(System.Globalization.CultureInfo.InvariantCulture), now, ct: ct);
            await Sql.ExecuteAsync(db, """UPDATE "NotificationDeliveries" SET "JobId" = @job WHERE "Id" = @id""", ct, ("@job", job), ("@id", id));
        }
        return id;
    }
}
