using System.Security.Claims;
using Lvyue.Data;
using Lvyue.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Inbox;

/// <summary>站内信: the signed-in user's reminders and notices, newest first, read or unread.</summary>
public sealed class IndexModel(LvyueDbContext db, InboxService inbox) : LvyuePage(db)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNo { get; set; } = 1;
    public List<InboxItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int UnreadCount { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        (Items, Total) = await inbox.ListAsync(UserId, Unread, PageNo, PageSize, ct);
        UnreadCount = await inbox.UnreadCountAsync(UserId, ct);
    }

    /// <summary>Marks one item read and follows its link (or returns to the inbox).</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        try
        {
            var item = await inbox.MarkReadAsync(UserId, id, ct);
            return LocalRedirect(item.Link is { Length: > 1 } l && l.StartsWith('/') && !l.StartsWith("//") ? l : "/Inbox");
        }
        catch (Lvyue.Common.DomainException) { return NotFound(); }
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var n = await inbox.MarkAllReadAsync(UserId, ct);
        Flash = Localization.Tr.T($"已将 {n} 条标为已读", $"{n} marked read");
        return RedirectToPage();
    }
}
