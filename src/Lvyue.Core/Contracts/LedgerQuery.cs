using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>
/// The ledger (台账): filtered, sorted, paged contract rows within the caller's tenancy, and the same
/// set streamed for export. Full-text search uses SQLite FTS5 (trigram) or PostgreSQL pg_trgm.
/// </summary>
public sealed class LedgerQuery(LvyueDbContext db)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// A full-text search that matches a large share of the table costs a recheck of every matching row
    /// just to count them; such counts stop at this many and the page says "10,000+".
    /// </summary>
    public int SearchCountCap { get; init; } = 10_000;

    public async Task<LedgerPage> PageAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, f.Page);
        var q = Filtered(f);
        var searching = !string.IsNullOrWhiteSpace(f.Q);
        var total = searching ? await q.Take(SearchCountCap + 1).CountAsync(ct) : await q.CountAsync(ct);
        var capped = searching && total > SearchCountCap;
        var rows = await Project(Sorted(q, f).Skip((page - 1) * size).Take(size), withSuppliers: false).ToListAsync(ct);
        var names = await SupplierNamesAsync(rows.Select(r => r.Id).ToList(), ct);
        rows = rows.Select(r => r with { Suppliers = names.GetValueOrDefault(r.Id, "") }).ToList();
        return new LedgerPage(rows, capped ? SearchCountCap : total, page, size) { TotalIsLowerBound = capped };
    }

    /// <summary>
    /// The suppliers of the page's contracts in one small query (a join in the page query itself makes
    /// SQLite build the supplier links of the whole table before taking 50 rows).
    /// </summary>
    private async Task<Dictionary<long, string>> SupplierNamesAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var links = await db.ContractSuppliers.AsNoTracking().Where(s => ids.Contains(s.ContractId))
            .Select(s => new { s.ContractId, s.SortOrder, s.Supplier!.Name }).ToListAsync(ct);
        return links.GroupBy(l => l.ContractId)
            .ToDictionary(g => g.Key, g => string.Join("、", g.OrderBy(l => l.SortOrder).Select(l => l.Name)));
    }

    /// <summary>Every matching row in the filter's order, unpaged (the export streams it).</summary>
    internal IQueryable<LedgerRow> Ordered(LedgerFilter f) => Project(Sorted(Filtered(f), f), withSuppliers: true);

    internal IQueryable<Contract> Filtered(LedgerFilter f)
    {
        var q = db.Contracts.AsNoTracking();
        if (f.BudgetUnitId is { } u) q = q.Where(c => c.BudgetUnitId == u);
        if (f.Category is { } cat) q = q.Where(c => c.Category == cat);
        if (f.SubcategoryId is { } sub) q = q.Where(c => c.SubcategoryId == sub);
        if (f.Status is { } st) q = q.Where(c => c.Status == st);
        if (f.Method is { } m) q = q.Where(c => c.ProcurementMethod == m);
        if (f.AmountMin is { } min) q = q.Where(c => c.Amount >= min);
        if (f.AmountMax is { } max) q = q.Where(c => c.Amount <= max);
        if (f.SignFrom is { } from) q = q.Where(c => c.SignDate >= from);
        if (f.SignTo is { } to) q = q.Where(c => c.SignDate <= to);
        if (f.SupplierId is { } sid) q = q.Where(c => c.Suppliers.Any(s => s.SupplierId == sid));
        if (!string.IsNullOrWhiteSpace(f.Q)) q = Search(q, f.Q.Trim().ToLowerInvariant());
        return q;
    }

    private IQueryable<Contract> Search(IQueryable<Contract> q, string text)
    {
        // FTS5's trigram tokenizer needs three characters; shorter queries (two Chinese characters
        // are common: 物业, 绿化) fall back to LIKE, still correct, just not indexed.
        if (db.IsSqlite && text.Length >= 3)
        {
            var match = "\"" + text.Replace("\"", "\"\"") + "\"";
            var ids = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM ContractSearch WHERE ContractSearch MATCH {match}");
            return q.Where(c => ids.Contains(c.Id));
        }
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return q.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
    }

    private static IQueryable<Contract> Sorted(IQueryable<Contract> q, LedgerFilter f) => (f.Sort?.ToLowerInvariant(), f.Desc) switch
    {
        ("amount", true) => q.OrderByDescending(c => c.Amount).ThenByDescending(c => c.Id),
        ("amount", false) => q.OrderBy(c => c.Amount).ThenBy(c => c.Id),
        ("number", true) => q.OrderByDescending(c => c.Number).ThenByDescending(c => c.Id),
        ("number", false) => q.OrderBy(c => c.Number).ThenBy(c => c.Id),
        ("title", true) => q.OrderByDescending(c => c.Title).ThenByDescending(c => c.Id),
        ("title", false) => q.OrderBy(c => c.Title).ThenBy(c => c.Id),
        ("status", true) => q.OrderByDescending(c => c.Status).ThenByDescending(c => c.Id),
        ("status", false) => q.OrderBy(c => c.Status).ThenBy(c => c.Id),
        ("created", true) => q.OrderByDescending(c => c.Id),
        ("created", false) => q.OrderBy(c => c.Id),
        (_, false) => q.OrderBy(c => c.SignDate).ThenBy(c => c.Id),
        _ => q.OrderByDescending(c => c.SignDate).ThenByDescending(c => c.Id),
    };

    private static IQueryable<LedgerRow> Project(IQueryable<Contract> q, bool withSuppliers) => withSuppliers
        ? q.Select(c => new LedgerRow(
            c.Id, c.Number, c.Title, c.BudgetUnit!.Name, c.Category, c.Subcategory!.Name, c.ProcurementMethod,
            c.Amount, c.SignDate, c.StartDate, c.EndDate, c.Status, c.FilingRequired, c.IsKeyProject,
            string.Join("、", c.Suppliers.OrderBy(s => s.SortOrder).Select(s => s.Supplier!.Name)), c.Subcategory.NameEn))
        : q.Select(c => new LedgerRow(
            c.Id, c.Number, c.Title, c.BudgetUnit!.Name, c.Category, c.Subcategory!.Name, c.ProcurementMethod,
            c.Amount, c.SignDate, c.StartDate, c.EndDate, c.Status, c.FilingRequired, c.IsKeyProject,
            "", c.Subcategory.NameEn));
}
