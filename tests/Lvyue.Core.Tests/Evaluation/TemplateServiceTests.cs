using Lvyue.Common;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Evaluation;

/// <summary>The default templates and template revisions.</summary>
public sealed class TemplateServiceTests
{
    [Theory, BothDatabases]
    public async Task Defaults_CoverEverySubcategoryAndCategoryOnEachLineWithWeightsAddingUpTo100(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var svc = s.Get<TemplateService>();

        Assert.Equal((30 + 3) * 3, await svc.EnsureDefaultsAsync());
        Assert.Equal(0, await svc.EnsureDefaultsAsync());

        var all = await svc.ListCurrentAsync();
        Assert.Equal(99, all.Count);
        Assert.All(all, t => Assert.Equal(100m, t.Items.Sum(i => i.Weight)));
        Assert.All(all.Where(t => t.Line == AssessmentLine.Daily), t => Assert.Equal((AssessmentFrequency.Monthly, Lvyue.Accounts.Roles.UnitClerk), (t.Frequency, t.ScorerRole)));
        Assert.All(all.Where(t => t.Line == AssessmentLine.Management), t => Assert.Equal((AssessmentFrequency.Quarterly, Lvyue.Accounts.Roles.UnitLeader), (t.Frequency, t.ScorerRole)));
        var subs = await s.Db.Subcategories.ToDictionaryAsync(x => x.Id, x => x.Code);
        Assert.Equal(30, all.Where(t => t.SubcategoryId is not null).Select(t => t.SubcategoryId).Distinct().Count());
        Assert.Contains(all, t => t.SubcategoryId is { } id && subs[id] == "S02" && t.Line == AssessmentLine.Daily && t.SatisfactionSurvey && t.Items.Any(i => i.Name == "保洁质量"));
        Assert.Contains(all, t => t.SubcategoryId is { } id && subs[id] == "W01" && t.Items.Any(i => i.Code == "safety"));
    }

    [Theory, BothDatabases]
    public async Task Revision_RefusesWeightsNotAddingUpTo100DuplicateCodesAndAFinalLineThatRepeats(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var sup = db.Scope(world.Supervisor);
        var svc = sup.Get<TemplateService>();
        var final = await svc.CurrentAsync(world.Goods.Id, AssessmentLine.Final);

        var e = await Assert.ThrowsAsync<DomainException>(() => svc.ReviseAsync(final.Id, new TemplateInput("x", AssessmentFrequency.Monthly, Lvyue.Accounts.Roles.Supervisor, false,
            [new("q", "质量", "Quality", 50, 100, null), new("q", "质量2", "Quality 2", 40, 0, null)])));

        foreach (var key in new[] { "frequency", "scorerRole", "items", "items[1].code", "items[1].maxScore" })
            Assert.True(e.Errors.ContainsKey(key), key);
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<TemplateService>().ReviseAsync(final.Id,
                new TemplateInput("x", AssessmentFrequency.Once, Lvyue.Accounts.Roles.UnitLeader, false, [new("q", "质量", "Quality", 100, 100, null)])))).Kind);
        await using var check = db.AsSystem();
        Assert.Equal(1, await check.Db.EvaluationTemplates.CountAsync(t => t.SubcategoryId == world.Goods.Id && t.Line == AssessmentLine.Final));
    }
}
