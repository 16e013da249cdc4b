using Lvyue.Audit;
using Lvyue.Data;
using Lvyue.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Audit;

/// <summary>The audit log for the audit administrator: who, when, what, before and after, searchable.</summary>
public sealed class IndexModel(LvyueDbContext db) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public AdminApi.AuditQuery Query { get; set; } = new();
    public List<AuditEntry> Rows { get; private set; } = [];
    public int PageNo => Math.Max(1, Query.Page ?? 1);
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        var rows = await Query.Apply(Db.AuditEntries.AsNoTracking()).OrderByDescending(a => a.Id)
            .Skip((PageNo - 1) * 100).Take(101).ToListAsync();
        HasMore = rows.Count > 100;
        Rows = rows.Take(100).ToList();
    }
}
