using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notifications;

/// <summary>A user's inbox: newest first, unread count, marking read. A user reaches only their own items.</summary>
public sealed class InboxService(LvyueDbContext db)
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.InboxItems.CountAsync(i => i.UserId == userId && i.ReadAt == null, ct);

    /// <summary>One page of the user's items, newest first; <paramref name="unreadOnly"/> hides read ones.</summary>
    public async Task<(List<InboxItem> Items, int Total)> ListAsync(string userId, bool unreadOnly, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.InboxItems.AsNoTracking().Where(i => i.UserId == userId);
        if (unreadOnly) q = q.Where(i => i.ReadAt == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Marks one item read (idempotent); another user's item is "not found".</summary>
    public async Task<InboxItem> MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == id && i.UserId == userId, ct)
                   ?? throw DomainException.NotFound("站内信|inbox item");
        if (item.ReadAt is null)
        {
            item.ReadAt = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return item;
    }

    /// <summary>Marks every unread item of the user read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        return db.InboxItems.Where(i => i.UserId == userId && i.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
    }
}
