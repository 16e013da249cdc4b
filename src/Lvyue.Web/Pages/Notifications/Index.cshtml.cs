using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Notifications;

/// <summary>
/// Delivery status of notifications (email, SMS, webhooks, inbox): the unit sees its own, the supervisor the
/// region's (tenancy filter on the deliveries); failures first, with attempts, last error and next attempt.
/// </summary>
[Authorize(Roles = $"{Roles.UnitClerk},{Roles.UnitLeader},{Roles.Supervisor}")]
public sealed class IndexModel(LvyueDbContext db) : LvyuePage(db)
{
    public const int PageSize = 100;

    /// <summary>Filter: Pending, Sent, Failed or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public DeliveryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public NotificationChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNo { get; set; } = 1;
    public List<NotificationDelivery> Rows { get; private set; } = [];
    public Dictionary<DeliveryStatus, int> Counts { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        Counts = (await Db.NotificationDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.N);
        var q = Db.NotificationDeliveries.AsNoTracking();
        if (Status is { } s) q = q.Where(d => d.Status == s);
        if (Channel is { } c) q = q.Where(d => d.Channel == c);
        var rows = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((PageNo - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    public static (string Zh, string En) Label(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => ("待发送/重试中", "Pending / retrying"),
        DeliveryStatus.Sent => ("已送达", "Sent"),
        _ => ("发送失败", "Failed"),
    };

    public static (string Zh, string En) Label(NotificationChannel c) => c switch
    {
        NotificationChannel.Inbox => ("站内信", "Inbox"),
        NotificationChannel.Email => ("邮件", "Email"),
        NotificationChannel.Sms => ("短信", "SMS"),
        _ => ("推送接口", "Webhook"),
    };
}
