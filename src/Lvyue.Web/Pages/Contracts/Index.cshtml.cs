using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>The ledger (台账): filters, Chinese full-text search, sorting, paging and export of the filtered set.</summary>
public sealed class IndexModel(LvyueDbContext db, LedgerQuery ledger) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public LedgerFilterQuery Filter { get; set; } = new();

    public LedgerPage Result { get; private set; } = new([], 0, 1, 50);
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<Subcategory> Subcategories { get; private set; } = [];
    public List<(long Id, string Name)> Suppliers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Result = await ledger.PageAsync(Filter.ToFilter(), ct);
        if (Scope.BudgetUnitId is null)
            Units = (await Db.BudgetUnits.AsNoTracking().Where(u => Scope.All || u.RegionId == Scope.RegionId)
                .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        Subcategories = await Db.Subcategories.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        if (Scope.SupplierId is null)
            Suppliers = (await Db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Take(500).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
                .Select(s => (s.Id, s.Name)).ToList();
    }

    /// <summary>The current query string with some parameters replaced (for sort headers, pages and export links).</summary>
    public string With(string path, params (string Key, string? Value)[] changes)
    {
        var q = Request.Query.ToDictionary(k => k.Key, v => v.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in changes)
        {
            if (v is null) q.Remove(k);
            else q[k] = v;
        }
        return path + Microsoft.AspNetCore.Http.QueryString.Create(q.Where(kv => kv.Value.Length > 0).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
    }

    public string SortUrl(string key) =>
        With("/Contracts", ("Sort", key), ("Desc", (Filter.Sort == key && Filter.Desc != false) ? "false" : "true"), ("Page", null));

    public string SortIcon(string key) => Filter.Sort == key || (key == "signDate" && Filter.Sort is null)
        ? (Filter.Desc == false ? "bi-sort-up" : "bi-sort-down") : "bi-arrow-down-up text-muted";
}
