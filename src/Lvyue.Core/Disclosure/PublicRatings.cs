using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Disclosure;

/// <summary>A supplier's public star ratings: name, USCC and stars per category, nothing else.</summary>
public sealed record PublicRating(long SupplierId, string Name, string Uscc, IReadOnlyDictionary<Category, decimal> Stars, DateOnly AsOf);

/// <summary>A page of public ratings.</summary>
public sealed record PublicRatingPage(IReadOnlyList<PublicRating> Items, int Total, int Page, int PageSize);

/// <summary>
/// The suppliers' star ratings as the disclosure portal shows them to the public (no login): only the supplier's name,
/// its USCC and its stars per category with the date computed — no contacts, accounts, scores of single assessments or
/// contract content. Searchable by name or USCC.
/// </summary>
public sealed class PublicRatings(LvyueDbContext db)
{
    public const int PageSize = 50;

    public async Task<PublicRatingPage> SearchAsync(string? q, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var term = q?.Trim() ?? "";
        if (term.Length > 100) term = term[..100];
        var rated = db.Suppliers.AsNoTracking().Where(s => db.StarRatings.Any(r => r.SupplierId == s.Id));
        if (term.Length > 0) rated = rated.Where(s => s.Name.Contains(term) || s.Uscc == term.ToUpperInvariant());
        var total = await rated.CountAsync(ct);
        var suppliers = await rated.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.Name, s.Uscc }).ToListAsync(ct);
        var ids = suppliers.Select(s => s.Id).ToList();
        var ratings = (await db.StarRatings.AsNoTracking().Where(r => ids.Contains(r.SupplierId))
            .Select(r => new { r.SupplierId, r.Category, r.Stars, r.AsOf }).ToListAsync(ct)).ToLookup(r => r.SupplierId);
        var items = suppliers.Select(s => new PublicRating(s.Id, s.Name, s.Uscc,
            ratings[s.Id].ToDictionary(r => r.Category, r => r.Stars), ratings[s.Id].Max(r => r.AsOf))).ToList();
        return new PublicRatingPage(items, total, page, PageSize);
    }
}
