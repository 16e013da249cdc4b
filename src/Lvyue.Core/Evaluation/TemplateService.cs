using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Evaluation;

/// <summary>An item of a template revision.</summary>
public sealed record TemplateItemInput(string? Code, string? Name, string? NameEn, decimal Weight, decimal MaxScore, string? Guidance);

/// <summary>A revision of a template: everything but its subcategory and line.</summary>
public sealed record TemplateInput(string? Name, AssessmentFrequency Frequency, string? ScorerRole, bool SatisfactionSurvey, IReadOnlyList<TemplateItemInput> Items);

/// <summary>
/// Evaluation templates: the current version per subcategory (or category) and line, created from
/// <see cref="DefaultTemplates"/> when first needed, and revisions that add a version (never edit one).
/// </summary>
public sealed class TemplateService(LvyueDbContext db)
{
    public static readonly AssessmentLine[] Lines = [AssessmentLine.Daily, AssessmentLine.Management, AssessmentLine.Final];

    /// <summary>The newest version for a subcategory and line, creating the default version 1 on first use.</summary>
    public async Task<EvaluationTemplate> CurrentAsync(long subcategoryId, AssessmentLine line, CancellationToken ct = default)
    {
        var t = await db.EvaluationTemplates.Include(x => x.Items)
            .Where(x => x.SubcategoryId == subcategoryId && x.Line == line)
            .OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
        if (t is not null) return t;
        var sub = await db.Subcategories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subcategoryId, ct)
                  ?? throw DomainException.NotFound("合同小类|subcategory");
        t = DefaultTemplates.For(sub.Category, sub, line);
        t.CreatedAt = db.Clock.GetUtcNow().UtcDateTime;
        db.EvaluationTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }

    /// <summary>Creates version 1 of every missing default template (each subcategory and each category, each line); returns how many.</summary>
    public async Task<int> EnsureDefaultsAsync(CancellationToken ct = default)
    {
        var have = (await db.EvaluationTemplates.Select(t => new { t.Category, t.SubcategoryId, t.Line }).Distinct().ToListAsync(ct))
            .Select(x => (x.Category, x.SubcategoryId, x.Line)).ToHashSet();
        var subs = await db.Subcategories.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var line in Lines)
        {
            foreach (var c in Enum.GetValues<Category>())
            {
                if (have.Contains((c, null, line))) continue;
                var t = DefaultTemplates.For(c, null, line);
                t.CreatedAt = now;
                db.EvaluationTemplates.Add(t);
                added++;
            }
            foreach (var s in subs)
            {
                if (have.Contains((s.Category, s.Id, line))) continue;
                var t = DefaultTemplates.For(s.Category, s, line);
                t.CreatedAt = now;
                db.EvaluationTemplates.Add(t);
                added++;
            }
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The newest version of every template, in taxonomy order.</summary>
    public async Task<List<EvaluationTemplate>> ListCurrentAsync(CancellationToken ct = default)
    {
        var all = await db.EvaluationTemplates.AsNoTracking().Include(t => t.Items).ToListAsync(ct);
        var order = await db.Subcategories.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.SortOrder, ct);
        return all.GroupBy(t => (t.Category, t.SubcategoryId, t.Line))
            .Select(g => g.MaxBy(t => t.Version)!)
            .OrderBy(t => t.SubcategoryId is { } id && order.TryGetValue(id, out var o) ? o : (int)t.Category * 100)
            .ThenBy(t => t.SubcategoryId is null ? 0 : 1).ThenBy(t => t.Line)
            .ToList();
    }

    /// <summary>
    /// Adds the next version of the template family of <paramref name="templateId"/>. Weights must add up to
    /// 100, item codes be unique, a final evaluation happens once and periodic lines monthly or quarterly.
    /// </summary>
    public async Task<EvaluationTemplate> ReviseAsync(long templateId, TemplateInput input, CancellationToken ct = default)
    {
        var scope = db.Scope;
        if (!scope.All && !scope.HasRole(Roles.Supervisor) && !scope.HasRole(Roles.SystemAdmin)) throw DomainException.Forbidden();
        var basis = await db.EvaluationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct)
                    ?? throw DomainException.NotFound("考核模板|template");
        var errors = new ErrorBag();
        Check(basis.Line, input, errors);
        errors.ThrowIfAny();
        var last = await db.EvaluationTemplates
            .Where(t => t.Category == basis.Category && t.SubcategoryId == basis.SubcategoryId && t.Line == basis.Line)
            .MaxAsync(t => t.Version, ct);
        var t = new EvaluationTemplate
        {
            Category = basis.Category, SubcategoryId = basis.SubcategoryId, Line = basis.Line, Version = last + 1,
            Name = input.Name!.Trim(), Frequency = input.Frequency, ScorerRole = input.ScorerRole!,
            SatisfactionSurvey = input.SatisfactionSurvey, CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = scope.Actor,
        };
        for (var i = 0; i < input.Items.Count; i++)
        {
            var it = input.Items[i];
            t.Items.Add(new EvaluationTemplateItem
            {
                SortOrder = i + 1, Code = it.Code!.Trim(), Name = it.Name!.Trim(), NameEn = (it.NameEn ?? it.Name!).Trim(),
                Weight = it.Weight, MaxScore = it.MaxScore, Guidance = it.Guidance?.Trim() ?? "",
            });
        }
        db.EvaluationTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }

    private static void Check(AssessmentLine line, TemplateInput input, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
            errors.Add("name", "请填写模板名称（不超过100字）", "Give the template a name (at most 100 characters)");
        if (line == AssessmentLine.Final ? input.Frequency != AssessmentFrequency.Once : input.Frequency == AssessmentFrequency.Once)
            errors.Add("frequency", "终评模板只评一次，日常和管理考核按月或按季度", "A final evaluation happens once; periodic lines are monthly or quarterly");
        if (input.ScorerRole is not (Roles.UnitClerk or Roles.UnitLeader))
            errors.Add("scorerRole", "评分人须为项目办（经办人）或单位领导", "The scorer is the project office (unit clerk) or the unit leadership");
        if (input.Items.Count == 0) { errors.Add("items", "模板至少需要一个考核项", "A template needs at least one item"); return; }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Items.Count; i++)
        {
            var it = input.Items[i];
            var code = it.Code?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length > 32 || !codes.Add(code))
                errors.Add($"items[{i}].code", "考核项编码必填、不超过32位且不能重复", "Item codes are required, at most 32 characters and unique");
            if (string.IsNullOrWhiteSpace(it.Name) || it.Name.Trim().Length > 100)
                errors.Add($"items[{i}].name", "请填写考核项名称", "Give the item a name");
            if (it.Weight <= 0 || it.Weight > 100)
                errors.Add($"items[{i}].weight", "权重须大于0且不超过100", "A weight is above 0 and at most 100");
            if (it.MaxScore <= 0 || it.MaxScore > 1000)
                errors.Add($"items[{i}].maxScore", "满分须大于0", "The maximum score must be above 0");
        }
        var sum = input.Items.Sum(i => i.Weight);
        if (sum != 100m) errors.Add("items", $"权重合计须为100（当前{sum:0.##}）", $"Weights must add up to 100 (they add up to {sum:0.##})");
    }
}
