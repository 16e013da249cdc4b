using Lvyue.Common;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Evaluation;

/// <summary>The region policy rules after each assessment (Kunshan defaults unless revised).</summary>
public sealed class PolicyTests
{
    [Theory, BothDatabases]
    public async Task TerminationRight_AfterTwoConsecutivePeriodsBelow80(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 1);
        var c = await PerformingAsync(db, world, "KH-001");

        var first = await DailyAsync(db, world, c, 2026, 3, 79m);
        Assert.DoesNotContain(first.Events, e => e.Kind == PolicyEventKind.TerminationRight);
        var second = await DailyAsync(db, world, c, 2026, 4, 75.5m);

        var e = Assert.Single(second.Events, e => e.Kind == PolicyEventKind.TerminationRight);
        Assert.Contains("连续2期", e.Reason);
        Assert.Contains("2026-03：79", e.Reason);
        Assert.Equal(1, e.PolicyVersion);
        var third = await DailyAsync(db, world, c, 2026, 5, 70m);
        Assert.DoesNotContain(third.Events, x => x.Kind == PolicyEventKind.TerminationRight); // given once per contract
        await using var check = db.AsSystem();
        Assert.Equal(1, await check.Db.PolicyEvents.CountAsync(x => x.Kind == PolicyEventKind.TerminationRight));
    }

    [Theory, BothDatabases]
    public async Task TerminationRight_AfterThreeLowPeriodsInTheTermThatAreNotConsecutive(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 9, 1);
        var c = await PerformingAsync(db, world, "KH-001");

        foreach (var (month, score) in new[] { (3, 78m), (4, 90m), (5, 79.99m), (6, 88m) })
            Assert.DoesNotContain((await DailyAsync(db, world, c, 2026, month, score)).Events, e => e.Kind == PolicyEventKind.TerminationRight);
        var r = await DailyAsync(db, world, c, 2026, 7, 60m);

        var e = Assert.Single(r.Events, e => e.Kind == PolicyEventKind.TerminationRight);
        Assert.Contains("第3次", e.Reason);
    }

    [Theory, BothDatabases]
    public async Task TerminationRight_CountsAdjacentPeriodsScoredOutOfOrder(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        await DailyAsync(db, world, c, 2026, 5, 70m);
        await DailyAsync(db, world, c, 2026, 3, 70m);       // not adjacent to May
        var april = await DailyAsync(db, world, c, 2026, 4, 90m);
        Assert.DoesNotContain(april.Events, e => e.Kind == PolicyEventKind.TerminationRight);

        var june = await DailyAsync(db, world, c, 2026, 6, 79m); // May and June are adjacent and low

        Assert.Single(june.Events, e => e.Kind == PolicyEventKind.TerminationRight);
    }

    [Theory, BothDatabases]
    public async Task BidBan_WhenTheYearlyAverageIsBelow85(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 15);
        var c = await PerformingAsync(db, world, "KH-001", start: new DateOnly(2026, 4, 1), end: new DateOnly(2026, 6, 30));

        Assert.DoesNotContain((await DailyAsync(db, world, c, 2026, 4, 84m)).Events, e => e.Kind == PolicyEventKind.BidBan);
        Assert.DoesNotContain((await DailyAsync(db, world, c, 2026, 5, 84m)).Events, e => e.Kind == PolicyEventKind.BidBan);
        var june = await DailyAsync(db, world, c, 2026, 6, 86m);

        var ban = Assert.Single(june.Events, e => e.Kind == PolicyEventKind.BidBan);
        Assert.Equal(2026, ban.Year);
        Assert.Contains("平均分84.67", ban.Reason);
    }

    [Theory, BothDatabases]
    public async Task BidBan_NotWhenTheYearlyAverageReaches85(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 15);
        var c = await PerformingAsync(db, world, "KH-001", start: new DateOnly(2026, 4, 1), end: new DateOnly(2026, 6, 30));
        await DailyAsync(db, world, c, 2026, 4, 84m);
        await DailyAsync(db, world, c, 2026, 5, 85m);

        var june = await DailyAsync(db, world, c, 2026, 6, 86m);

        Assert.DoesNotContain(june.Events, e => e.Kind == PolicyEventKind.BidBan);
    }

    [Theory, BothDatabases]
    public async Task Deduction_TakesTheBandPercentOfThePeriodFee(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001", amount: 365_000m); // CNY 1,000 a day over 365 days

        var high = await DailyAsync(db, world, c, 2026, 3, 92m);
        var mid = await DailyAsync(db, world, c, 2026, 4, 82m);  // below 85: 5% of April's 30,000
        var low = await DailyAsync(db, world, c, 2026, 5, 65m);  // below 70: 20% of May's 31,000

        Assert.Empty(high.Events);
        Assert.Equal(1_500m, Assert.Single(mid.Events, e => e.Kind == PolicyEventKind.Deduction).Amount);
        Assert.Equal(6_200m, Assert.Single(low.Events, e => e.Kind == PolicyEventKind.Deduction).Amount);
        await using var check = db.AsSystem();
        var deductions = await check.Db.Deductions.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([1_500m, 6_200m], deductions.Select(d => d.Amount));
        Assert.Equal([30_000m, 31_000m], deductions.Select(d => d.PeriodFee!.Value));
    }

    [Theory, BothDatabases]
    public async Task Deduction_NeverTakesTheContractTotalAboveTheCap(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001", amount: 900_000m);
        await using (var sup = db.Scope(world.Supervisor))
            await sup.Get<EvaluationPolicyService>().ReviseAsync(world.Region.Id, new PolicyInput(AssessmentLine.Daily, 80m, 2, 3, 85m, 200_000m,
                [new DeductionBand(80m, null, 150_000m)], "固定扣款"));

        var march = await DailyAsync(db, world, c, 2026, 3, 70m);
        var april = await DailyAsync(db, world, c, 2026, 4, 70m);
        var may = await DailyAsync(db, world, c, 2026, 5, 70m);

        Assert.Equal(150_000m, march.Events.Single(e => e.Kind == PolicyEventKind.Deduction).Amount);
        var capped = april.Events.Single(e => e.Kind == PolicyEventKind.Deduction);
        Assert.Equal(50_000m, capped.Amount);
        Assert.Contains("上限", capped.Reason);
        Assert.Equal(0m, may.Events.Single(e => e.Kind == PolicyEventKind.Deduction).Amount);
        await using var check = db.AsSystem();
        Assert.Equal(200_000m, await check.Db.Deductions.SumAsync(d => d.Amount));
        Assert.Equal(2, await check.Db.Deductions.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task PolicyRevision_NeverRewritesPastEvents(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        var march = await DailyAsync(db, world, c, 2026, 3, 82m);
        var before = march.Events.Single();
        Assert.Equal(1, before.PolicyVersion);

        await using (var sup = db.Scope(world.Supervisor))
        {
            var v2 = await sup.Get<EvaluationPolicyService>().ReviseAsync(world.Region.Id, new PolicyInput(AssessmentLine.Daily, 85m, 2, 3, 85m, 200_000m,
                [new DeductionBand(90m, 10m, null)], "从严"));
            Assert.Equal(2, v2.Version);
        }
        var april = await DailyAsync(db, world, c, 2026, 4, 82m);

        Assert.All(april.Events, e => Assert.Equal(2, e.PolicyVersion));
        Assert.Equal(3_000m, april.Events.Single(e => e.Kind == PolicyEventKind.Deduction).Amount); // 10% of 30,000
        await using var check = db.AsSystem();
        var kept = await check.Db.PolicyEvents.SingleAsync(e => e.Id == before.Id);
        Assert.Equal((1, before.Reason, before.Amount), (kept.PolicyVersion, kept.Reason, kept.Amount));
        Assert.Equal(2, (await check.Get<EvaluationPolicyService>().HistoryAsync(world.Region.Id)).Count);
    }

    [Theory, BothDatabases]
    public async Task PolicyRevision_RefusesBadBandsAndThresholds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var sup = db.Scope(world.Supervisor);
        var svc = sup.Get<EvaluationPolicyService>();

        var e = await Assert.ThrowsAsync<DomainException>(() => svc.ReviseAsync(world.Region.Id, new PolicyInput(AssessmentLine.Final, 120m, 0, 3, 85m, -1m,
            [new DeductionBand(80m, 5m, 1000m), new DeductionBand(80m, null, null)], null)));

        foreach (var key in new[] { "appliesTo", "terminationThreshold", "terminationConsecutive", "deductionCap", "bands[0]", "bands[1].below" })
            Assert.True(e.Errors.ContainsKey(key), key);
        await using (var clerk = db.Scope(world.Clerk))
            await Assert.ThrowsAsync<DomainException>(() => clerk.Get<EvaluationPolicyService>().ReviseAsync(world.Region.Id,
                new PolicyInput(AssessmentLine.Daily, 80m, 2, 3, 85m, 0m, [], null)));
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.EvaluationPolicies.CountAsync());
    }

    [Fact]
    public void PeriodFee_SpreadsTheAmountOverTheDaysOfTheTerm()
    {
        Assert.Equal(31_000m, PolicyEngine.PeriodFee(365_000m, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        // a term starting mid-month: only the days within the term count
        Assert.Equal(16_000m, PolicyEngine.PeriodFee(365_000m, new DateOnly(2026, 3, 16), new DateOnly(2027, 3, 15), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
    }
}
