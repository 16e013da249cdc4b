using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Evaluation;

/// <summary>Assessments: totals, template versions, and each bad input refused with nothing written.</summary>
public sealed class AssessmentServiceTests
{
    [Theory, BothDatabases]
    public async Task Assessment_ComputesTheWeightedTotalFromTheTemplate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 4, 2);
        var c = await PerformingAsync(db, world, "KH-001");
        var scores = await UniformAsync(db, c, AssessmentLine.Daily, 90m);
        scores["quality"] = 70m;   // 物业服务质量, weight 30 of a resident-facing services template
        scores["satisfaction"] = 100m; // weight 10

        await using var clerk = db.Scope(world.Clerk);
        var r = await clerk.Get<AssessmentService>().CreateAsync(new AssessmentInput
        {
            ContractId = c.Id, Line = AssessmentLine.Daily, PeriodStart = new DateOnly(2026, 3, 15), Scores = scores, Note = "三月考核",
        });

        // 70×30% + 90×60% + 100×10% = 21 + 54 + 10
        Assert.Equal(85.00m, r.Assessment.Total);
        Assert.Equal(("2026-03", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (r.Assessment.PeriodLabel, r.Assessment.PeriodStart, r.Assessment.PeriodEnd));
        await using var check = db.AsSystem();
        var saved = await check.Db.Assessments.Include(a => a.Scores).Include(a => a.Template).SingleAsync();
        Assert.Equal(7, saved.Scores.Count);
        Assert.Equal(1, saved.Template!.Version);
        Assert.Equal(world.Supplier.Id, saved.SupplierId);
        Assert.Equal(world.Clerk.Actor, saved.ScoredBy);
    }

    [Theory, BothDatabases]
    public async Task Assessment_KeepsTheTemplateVersionItUsedWhenTheTemplateIsRevised(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 5, 2);
        var c = await PerformingAsync(db, world, "KH-001");
        var march = await DailyAsync(db, world, c, 2026, 3, 90m);

        await using (var sup = db.Scope(world.Supervisor))
        {
            var items = new List<TemplateItemInput> { new("quality", "服务质量", "Quality", 60, 10, "十分制"), new("attitude", "服务态度", "Attitude", 40, 100, null) };
            var v2 = await sup.Get<TemplateService>().ReviseAsync(march.Assessment.TemplateId,
                new TemplateInput("物业管理日常考核模板（修订）", AssessmentFrequency.Monthly, Lvyue.Accounts.Roles.UnitClerk, false, items));
            Assert.Equal(2, v2.Version);
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            var april = await clerk.Get<AssessmentService>().CreateAsync(new AssessmentInput
            {
                ContractId = c.Id, Line = AssessmentLine.Daily, PeriodStart = new DateOnly(2026, 4, 1),
                Scores = new Dictionary<string, decimal?> { ["quality"] = 8m, ["attitude"] = 90m },
            });
            Assert.Equal(84.00m, april.Assessment.Total); // 8/10×60 + 90/100×40
        }
        await using var check = db.AsSystem();
        var versions = await check.Db.Assessments.OrderBy(a => a.PeriodStart).Select(a => a.Template!.Version).ToListAsync();
        Assert.Equal([1, 2], versions);
        Assert.Equal(7, await check.Db.AssessmentScores.CountAsync(s => s.AssessmentId == march.Assessment.Id));
    }

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAScoreAboveTheItemMaximum(string provider) =>
        await RefusedAsync(provider, s => s["quality"] = 100.5m, "scores[quality]");

    [Theory, BothDatabases]
    public async Task Assessment_RefusesANegativeScore(string provider) =>
        await RefusedAsync(provider, s => s["attitude"] = -1m, "scores[attitude]");

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAScoreWithMoreThanTwoDecimals(string provider) =>
        await RefusedAsync(provider, s => s["quality"] = 88.125m, "scores[quality]");

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAMissingItemScore(string provider) =>
        await RefusedAsync(provider, s => s.Remove("documents"), "scores[documents]");

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAnItemTheTemplateDoesNotHave(string provider) =>
        await RefusedAsync(provider, s => s["bonus"] = 10m, "scores[bonus]");

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAPeriodBeforeTheContractTerm(string provider) =>
        await RefusedAsync(provider, _ => { }, "periodStart", new DateOnly(2026, 2, 1));

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAPeriodAfterTheContractTerm(string provider) =>
        await RefusedAsync(provider, _ => { }, "periodStart", new DateOnly(2027, 3, 1), today: new DateOnly(2027, 4, 1));

    [Theory, BothDatabases]
    public async Task Assessment_RefusesAPeriodThatHasNotBegun(string provider) =>
        await RefusedAsync(provider, _ => { }, "periodStart", new DateOnly(2026, 5, 1));

    [Theory, BothDatabases]
    public async Task Assessment_RefusesADuplicateForTheSamePeriodAndLine(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 4, 2);
        var c = await PerformingAsync(db, world, "KH-001");
        await DailyAsync(db, world, c, 2026, 3, 90m);

        var e = await Assert.ThrowsAsync<DomainException>(() => DailyAsync(db, world, c, 2026, 3, 70m));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.True(e.Errors.ContainsKey("periodStart"));
        await using var check = db.AsSystem();
        Assert.Equal(90m, (await check.Db.Assessments.SingleAsync()).Total);
        Assert.Equal(0, await check.Db.PolicyEvents.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Assessment_ManagementLineIsScoredByTheUnitLeaderNotTheClerk(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 2);
        var c = await PerformingAsync(db, world, "KH-001");
        var scores = await UniformAsync(db, c, AssessmentLine.Management, 88m);
        var input = new AssessmentInput { ContractId = c.Id, Line = AssessmentLine.Management, PeriodStart = new DateOnly(2026, 5, 20), Scores = scores };

        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<AssessmentService>().CreateAsync(input))).Kind);
        await using (var other = db.Scope(world.OtherClerk))
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => other.Get<AssessmentService>().CreateAsync(input))).Kind);
        await using (var leader = db.Scope(world.Leader))
        {
            var r = await leader.Get<AssessmentService>().CreateAsync(input);
            Assert.Equal(("2026-Q2", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), (r.Assessment.PeriodLabel, r.Assessment.PeriodStart, r.Assessment.PeriodEnd));
        }
        await using var check = db.AsSystem();
        Assert.Equal(1, await check.Db.Assessments.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task FinalEvaluation_NeedsACompletedContractAndCoversTheTerm(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2027, 3, 10);
        var performing = await PerformingAsync(db, world, "KH-001");
        var completed = await PerformingAsync(db, world, "KH-002", status: ContractStatus.Completed);
        var scores = await UniformAsync(db, completed, AssessmentLine.Final, 93m);

        await using var leader = db.Scope(world.Leader);
        var svc = leader.Get<AssessmentService>();
        var e = await Assert.ThrowsAsync<DomainException>(() => svc.CreateAsync(new AssessmentInput { ContractId = performing.Id, Line = AssessmentLine.Final, Scores = scores }));
        Assert.Equal(ErrorKind.Conflict, e.Kind);
        var r = await svc.CreateAsync(new AssessmentInput { ContractId = completed.Id, Line = AssessmentLine.Final, Scores = scores });

        Assert.Equal(("终评", new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), 93m), (r.Assessment.PeriodLabel, r.Assessment.PeriodStart, r.Assessment.PeriodEnd, r.Assessment.Total));
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() =>
            svc.CreateAsync(new AssessmentInput { ContractId = completed.Id, Line = AssessmentLine.Final, Scores = scores }))).Kind);
    }

    [Theory, BothDatabases]
    public async Task Assessment_RefusesADraftContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 4, 2);
        var c = await PerformingAsync(db, world, "KH-001", status: ContractStatus.Draft);

        var e = await Assert.ThrowsAsync<DomainException>(() => DailyAsync(db, world, c, 2026, 3, 90m));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.Assessments.CountAsync());
    }

    private static async Task RefusedAsync(string provider, Action<Dictionary<string, decimal?>> spoil, string field, DateOnly? period = null, DateOnly? today = null)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var t = today ?? new DateOnly(2026, 4, 2);
        SetToday(db, t.Year, t.Month, t.Day);
        var c = await PerformingAsync(db, world, "KH-001");
        var scores = await UniformAsync(db, c, AssessmentLine.Daily, 90m);
        spoil(scores);

        await using (var clerk = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<AssessmentService>().CreateAsync(new AssessmentInput
            {
                ContractId = c.Id, Line = AssessmentLine.Daily, PeriodStart = period ?? new DateOnly(2026, 3, 1), Scores = scores,
            }));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
            Assert.True(e.Errors.ContainsKey(field), string.Join(", ", e.Errors.Keys));
        }
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.Assessments.CountAsync());
        Assert.Equal(0, await check.Db.AssessmentScores.CountAsync());
        Assert.Equal(0, await check.Db.StarRatings.CountAsync());
    }
}
