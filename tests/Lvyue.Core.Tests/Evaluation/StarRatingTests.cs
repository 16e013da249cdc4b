using Lvyue.Contracts;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Evaluation;

/// <summary>The star rating formula and the stored ratings and history.</summary>
public sealed class StarRatingTests
{
    [Theory]
    [InlineData(100, 5.0)]
    [InlineData(95, 5.0)]
    [InlineData(94.99, 4.5)]
    [InlineData(90, 4.5)]
    [InlineData(85, 4.0)]
    [InlineData(80, 3.5)]
    [InlineData(75, 3.0)]
    [InlineData(70, 2.5)]
    [InlineData(65, 2.0)]
    [InlineData(60, 1.5)]
    [InlineData(59.99, 1.0)]
    [InlineData(0, 1.0)]
    public void Stars_ComeInHalfStepsOfFivePoints(double score, double stars) =>
        Assert.Equal((decimal)stars, StarRatingFormula.StarsFor((decimal)score));

    [Fact]
    public void Formula_WeighsLargerAndMoreRecentContractsMore()
    {
        var asOf = new DateOnly(2026, 12, 31);
        var recentLarge = new ContractEvaluation(1, 990_000m, 96m, asOf, 12);
        var oldSmall = new ContractEvaluation(2, 0m, 60m, asOf.AddDays(-730), 12);

        var r = StarRatingFormula.Compute([recentLarge, oldSmall], asOf);

        // a = log10(10 + 99) ≈ 2.0374, r = 1; a = 1, r = 0.5 → S = (2.0374×96 + 0.5×60) / 2.5374
        Assert.Equal(0.5m, r.Terms[1].RecencyWeight);
        Assert.Equal(2.0374m, r.Terms[0].AmountWeight);
        Assert.Equal(88.91m, r.Score);
        Assert.Equal(4.0m, r.Stars);
    }

    [Theory, BothDatabases]
    public async Task Rating_IsStoredAfterEachAssessmentAndReproducibleFromTheData(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var a = await PerformingAsync(db, world, "KH-001", amount: 100_000m);
        var b = await PerformingAsync(db, world, "KH-002", amount: 800_000m);

        var first = await DailyAsync(db, world, a, 2026, 3, 96m);
        Assert.Equal((5.0m, 96m), (first.Rating!.Stars, first.Rating.Score));
        await DailyAsync(db, world, a, 2026, 4, 90m);
        var last = await DailyAsync(db, world, b, 2026, 4, 70m);

        await using var check = db.AsSystem();
        var stored = await check.Db.StarRatings.SingleAsync();
        var (recomputed, inputs, asOf) = await check.Get<StarRatingService>().ComputeAsync(world.Supplier.Id, Category.Services);
        Assert.Equal((recomputed.Stars, recomputed.Score, 2, 3), (stored.Stars, stored.Score, stored.ContractCount, stored.AssessmentCount));
        Assert.Equal(93m, inputs.Single(i => i.ContractId == a.Id).Score);
        var expected = StarRatingFormula.Compute(
            [new ContractEvaluation(a.Id, 100_000m, 93m, new DateOnly(2026, 4, 30), 2), new ContractEvaluation(b.Id, 800_000m, 70m, new DateOnly(2026, 4, 30), 1)], asOf);
        Assert.Equal(expected.Score, stored.Score);
        Assert.Equal(last.Rating!.Stars, stored.Stars);
        var history = await check.Get<StarRatingService>().HistoryAsync(world.Supplier.Id);
        Assert.Equal(3, history.Count);
        Assert.Equal((null, 5.0m), (history[^1].FromStars, history[^1].Stars));
        Assert.Equal(last.Assessment.Id, history[0].AssessmentId);
    }

    [Theory, BothDatabases]
    public async Task Rating_PrefersTheFinalEvaluationOfAContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2027, 3, 10);
        var c = await PerformingAsync(db, world, "KH-001", status: Lvyue.Contracts.ContractStatus.Completed);
        await DailyAsync(db, world, c, 2026, 3, 70m);
        var scores = await UniformAsync(db, c, AssessmentLine.Final, 91m);
        await using (var leader = db.Scope(world.Leader))
            await leader.Get<AssessmentService>().CreateAsync(new AssessmentInput { ContractId = c.Id, Line = AssessmentLine.Final, Scores = scores });

        await using var check = db.AsSystem();
        var rating = await check.Db.StarRatings.SingleAsync();
        Assert.Equal((91m, 4.5m), (rating.Score, rating.Stars));
    }
}
