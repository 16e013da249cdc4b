using Lvyue.Performance;

namespace Lvyue.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    /// <summary>站内信: the recipient user's inbox (always).</summary>
    Inbox,
    /// <summary>Email over SMTP.</summary>
    Email,
    /// <summary>SMS through the configured HTTP gateway.</summary>
    Sms,
    /// <summary>A signed HTTP POST to an external system's endpoint.</summary>
    Webhook,
}

/// <summary>Where a <see cref="NotificationDelivery"/> stands.</summary>
public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>
/// One message to one recipient over one channel: the unit of retry and of the failure list. A reminder's
/// delivery carries its <see cref="DedupeKey"/> (milestone, offset, channel, recipient), unique in the
/// table and inserted in the same transaction as the job that sends it, so each reminder is scheduled once.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; }
    /// <summary>An email address, a phone number, a user id or a webhook endpoint id, by channel.</summary>
    public required string Recipient { get; set; }
    /// <summary>Who the recipient is, for people reading the list (e.g. 乙方联系人 郑经理).</summary>
    public string? RecipientName { get; set; }
    public required string Subject { get; set; }
    /// <summary>The message; for webhooks the exact JSON body that is signed and posted.</summary>
    public required string Body { get; set; }
    /// <summary>A path in the platform (e.g. /Contracts/12) the message points to.</summary>
    public string? Link { get; set; }
    public long? RegionId { get; set; }
    public long? BudgetUnitId { get; set; }
    public long? ContractId { get; set; }
    public long? MilestoneId { get; set; }
    /// <summary>The reminder offset in days before the due date (reminders only).</summary>
    public int? OffsetDays { get; set; }
    public long? WebhookEndpointId { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public string? DedupeKey { get; set; }
    /// <summary>The job that sends it (none for the inbox, written at once).</summary>
    public long? JobId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>站内信: an item in a user's inbox, read or unread, pointing to a contract or milestone.</summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    /// <summary>The <see cref="Accounts.AppUser"/> id.</summary>
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public long? ContractId { get; set; }
    public long? MilestoneId { get; set; }
    public long? DeliveryId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// An external system that receives signed webhooks (HMAC-SHA256, see <see cref="WebhookSignature"/>) for
/// a region, or for every region when <see cref="RegionId"/> is null.
/// </summary>
public sealed class WebhookEndpoint
{
    public long Id { get; set; }
    public long? RegionId { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    /// <summary>The shared signing secret (the receiver keeps a copy to verify).</summary>
    public required string Secret { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>
/// The reminder offsets (days before the due date; 0 = on the day) of a region, for one milestone kind or,
/// with <see cref="Kind"/> null, for every kind without its own row. Without any row: 7 and 0 (Yulin).
/// </summary>
public sealed class ReminderSetting
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public MilestoneKind? Kind { get; set; }
    /// <summary>Comma-separated days, e.g. <c>7,0</c>.</summary>
    public required string OffsetDays { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Yulin's plan: one week ahead and on the day.</summary>
    public static readonly IReadOnlyList<int> DefaultOffsets = [7, 0];

    /// <summary>Parses <c>7,3,0</c> into distinct days, largest first; null when malformed (negative, over 365, not a number, empty).</summary>
    public static IReadOnlyList<int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in text.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) || d > 365) return null;
            days.Add(d);
        }
        return days.Count == 0 || days.Count > 10 ? null : days.ToList();
    }
}
