using System.Security.Claims;
using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>/api/v1/inbox for every signed-in user; /api/v1/notifications/deliveries for the unit and the supervisor.</summary>
public static class NotificationsApi
{
    /// <summary>An inbox item.</summary>
    public sealed record InboxItemDto(long Id, string Title, string Body, string? Link, long? ContractId, long? MilestoneId, DateTime CreatedAt, DateTime? ReadAt);

    /// <summary>One page of the inbox.</summary>
    public sealed record InboxPageDto(int Total, int Unread, List<InboxItemDto> Items);

    /// <summary>A delivery and its status.</summary>
    public sealed record DeliveryDto(long Id, NotificationChannel Channel, string Recipient, string? RecipientName, string Subject, DeliveryStatus Status,
        int Attempts, DateTime? NextAttemptAt, string? LastError, long? ContractId, long? MilestoneId, DateTime CreatedAt, DateTime? SentAt);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Notifications").RequireAuthorization();
        inbox.MapGet("/", async (HttpContext http, InboxService svc, bool? unread, int? page, CancellationToken ct) =>
        {
            var user = UserId(http);
            var (items, total) = await svc.ListAsync(user, unread ?? false, page ?? 1, 50, ct);
            return TypedResults.Ok(new InboxPageDto(total, await svc.UnreadCountAsync(user, ct), items.Select(Dto).ToList()));
        }).WithSummary("The caller's inbox, newest first (50 per page)");
        inbox.MapPost("/{id:long}/read", async (long id, HttpContext http, InboxService svc, CancellationToken ct) =>
            TypedResults.Ok(Dto(await svc.MarkReadAsync(UserId(http), id, ct)))).WithSummary("Mark an item read");
        inbox.MapPost("/read-all", async (HttpContext http, InboxService svc, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await svc.MarkAllReadAsync(UserId(http), ct) })).WithSummary("Mark every item read");

        api.MapGet("/notifications/deliveries", async (LvyueDbContext db, DeliveryStatus? status, int? page, CancellationToken ct) =>
        {
            var q = db.NotificationDeliveries.AsNoTracking();
            if (status is { } s) q = q.Where(d => d.Status == s);
            var rows = await q.OrderByDescending(d => d.Id).Skip((Math.Max(1, page ?? 1) - 1) * 100).Take(100).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(d => new DeliveryDto(d.Id, d.Channel, d.Recipient, d.RecipientName, d.Subject, d.Status, d.Attempts,
                d.NextAttemptAt, d.LastError, d.ContractId, d.MilestoneId, d.CreatedAt, d.SentAt)).ToList());
        }).WithTags("Notifications").WithSummary("Deliveries of the caller's unit or region (100 per page), e.g. ?status=Failed")
          .RequireAuthorization(p => p.RequireRole(Roles.UnitClerk, Roles.UnitLeader, Roles.Supervisor));
        return api;
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static InboxItemDto Dto(InboxItem i) => new(i.Id, i.Title, i.Body, i.Link, i.ContractId, i.MilestoneId, i.CreatedAt, i.ReadAt);
}
