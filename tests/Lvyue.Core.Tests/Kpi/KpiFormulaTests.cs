using Lvyue.Credit;
using Lvyue.Credit.Kpi;

namespace Lvyue.Tests.Kpi;

/// <summary>The KPI formula on hand-made facts: ratios, the overdue and breach indicators, weights, grades and the veto.</summary>
public sealed class KpiFormulaTests
{
    private static KpiEvent E(bool ok, decimal? amount = null) => new(1, "HT-1", new DateOnly(2026, 3, 1), ok, "事项", "event", amount);

    [Fact]
    public void AYearWithoutFacts_ScoresFullMarksAndIsExcellent()
    {
        var o = KpiFormula.Compute(KpiInput.Empty, KpiParameters.Defaults);
        Assert.Equal((100m, CreditGradeLevel.Excellent, false), (o.Score, o.Grade, o.Vetoed));
        Assert.All(o.Indicators, i => Assert.Equal(100m, i.Score));
        Assert.Contains("无此类事项", o.Indicators[0].Note);
    }

    [Fact]
    public void Components_AreWeightedMeansAndTheTotalTheirWeightedSum()
    {
        var input = KpiInput.Empty with
        {
            Filing = [E(true), E(false), E(false)],                 // 33.33
            Documents = [E(true), E(false)],                        // 50
            Milestones = [E(true, 10_000m), E(false, 20_000m)],     // 50
            Overdue = [E(false, 20_000m)], PurchaserDueAmount = 30_000m, PurchaserDueCount = 2, // 1 − 2/3 → 33.33
            Periodic = [E(true), E(false)],                         // 50
        };
        var o = KpiFormula.Compute(input, KpiParameters.Defaults);
        // contract (50×33.33 + 30×100 + 20×50)/100 = 56.665 → 56.67; performance (40×50 + 20×33.33 + 20×100 + 20×100)/100 = 66.666 → 66.67
        // evaluation (70×50 + 30×100)/100 = 65; total 0.4×56.67 + 0.4×66.67 + 0.2×65 = 62.336 → 62.34
        Assert.Equal((56.67m, 66.67m, 65m, 62.34m), (o.ContractScore, o.PerformanceScore, o.EvaluationScore, o.Score));
        Assert.Equal(CreditGradeLevel.Fair, o.Grade);
        Assert.Contains("= 62.34", o.Reason);
        var overdue = o.Indicators.Single(i => i.Code == "overdue");
        Assert.Equal(33.33m, overdue.Score);
        Assert.Contains("20000", overdue.Note);
    }

    [Fact]
    public void Overdue_IsByCountWhenNoAmountIsDue_AndBreachesCostTheirPenalty()
    {
        var o = KpiFormula.Compute(KpiInput.Empty with { Overdue = [E(false)], PurchaserDueCount = 4, Breaches = [E(false), E(false), E(false)] }, KpiParameters.Defaults);
        Assert.Equal(75m, o.Indicators.Single(i => i.Code == "overdue").Score);
        Assert.Equal(0m, o.Indicators.Single(i => i.Code == "purchaser_breach").Score); // 3 × 50 points, never below 0
        var one = KpiFormula.Compute(KpiInput.Empty with { Breaches = [E(false)] }, KpiParameters.Defaults with { BreachPenalty = 30m });
        Assert.Equal(70m, one.Indicators.Single(i => i.Code == "purchaser_breach").Score);
    }

    [Fact]
    public void ADishonestyDetermination_VetoesWhateverTheScore()
    {
        var o = KpiFormula.Compute(KpiInput.Empty with { Vetoes = [new KpiVeto(7, "示范区信用认定〔2026〕1号", new DateOnly(2026, 5, 1), "拖欠货款")] }, KpiParameters.Defaults);
        Assert.Equal((100m, CreditGradeLevel.Poor, true), (o.Score, o.Grade, o.Vetoed));
        Assert.Contains("一票否决", o.Reason);
        Assert.Contains("示范区信用认定〔2026〕1号", o.Reason);
    }

    [Theory]
    [InlineData(90, CreditGradeLevel.Excellent)]
    [InlineData(89.99, CreditGradeLevel.Good)]
    [InlineData(80, CreditGradeLevel.Good)]
    [InlineData(79.99, CreditGradeLevel.Fair)]
    [InlineData(60, CreditGradeLevel.Fair)]
    [InlineData(59.99, CreditGradeLevel.Poor)]
    public void Grades_FollowThePolicyBounds(double filingScore, CreditGradeLevel grade)
    {
        // all weight on filing, a hundred filings of which the given share are on time
        var p = KpiParameters.Defaults with { ContractWeight = 100m, PerformanceWeight = 0m, EvaluationWeight = 0m, FindingsWeight = 0m, DocumentsWeight = 0m };
        var ok = (int)Math.Round(filingScore * 100);
        var events = Enumerable.Range(0, 10_000).Select(i => E(i < ok)).ToList();
        Assert.Equal(grade, KpiFormula.Compute(KpiInput.Empty with { Filing = events }, p).Grade);
    }

    [Fact]
    public void StoredDetail_KeepsTheEventsNotCountingFirst_AndTheExactCounts()
    {
        var events = Enumerable.Range(0, 900).Select(i => E(i % 3 != 0)).ToList(); // 300 not counting, 600 counting
        var o = KpiFormula.Compute(KpiInput.Empty with { Filing = events }, KpiParameters.Defaults);
        var filing = KpiService.Stored(o.Indicators).Single(i => i.Code == "filing_on_time");
        Assert.Equal((900, 600, 66.67m, KpiService.MaxStoredEvents), (filing.Count, filing.OkCount, filing.Score, filing.Events.Count));
        Assert.Equal(300, filing.Events.Count(e => !e.Ok));
        Assert.Equal(KpiInput.Empty.Findings.Count, KpiService.Stored(o.Indicators).Single(i => i.Code == "findings_answered").Events.Count);
    }

    [Fact]
    public void Parameters_RefuseWeightsThatDoNotAddUpAndDisorderedBounds()
    {
        var bad = KpiParameters.Defaults with { ContractWeight = 50m, GoodFrom = 95m };
        var errors = bad.Validate().ToDictionary();
        Assert.Contains("contractWeight", errors.Keys);
        Assert.Contains("excellentFrom", errors.Keys);
        Assert.False(KpiParameters.Defaults.Validate().Any);
    }
}
