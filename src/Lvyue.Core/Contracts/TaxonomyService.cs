using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>
/// Edits the subcategory taxonomy: add a subcategory, rename one, retire or restore it. A retired
/// subcategory stays on the contracts that use it but is no longer offered for new filings.
/// </summary>
public sealed class TaxonomyService(LvyueDbContext db)
{
    public async Task<Subcategory> AddAsync(Category category, string? code, string? name, string? nameEn, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 16) errors.Add("code", "请填写小类编码（不超过16位）", "Give a code (at most 16 characters)");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50) errors.Add("name", "请填写小类名称（不超过50字）", "Give a Chinese name (at most 50 characters)");
        if (string.IsNullOrWhiteSpace(nameEn) || nameEn.Trim().Length > 100) errors.Add("nameEn", "请填写英文名称", "Give an English name");
        if (!errors.Any && await db.Subcategories.AnyAsync(s => s.Code == code, ct)) errors.Add("code", $"编码{code}已存在", $"Code {code} exists already");
        errors.ThrowIfAny();
        var order = await db.Subcategories.Where(s => s.Category == category).MaxAsync(s => (int?)s.SortOrder, ct) ?? (int)category * 100;
        var sub = new Subcategory { Category = category, Code = code!, Name = name!.Trim(), NameEn = nameEn!.Trim(), SortOrder = order + 1 };
        db.Subcategories.Add(sub);
        await db.SaveChangesAsync(ct);
        return sub;
    }

    public async Task SetActiveAsync(long id, bool active, CancellationToken ct = default)
    {
        var sub = await db.Subcategories.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("合同小类|subcategory");
        sub.IsActive = active;
        await db.SaveChangesAsync(ct);
    }
}
