using Lvyue.Contracts;
using Lvyue.Performance;

namespace Lvyue.Tests.Performance;

/// <summary>Recurrences, the contract start, rule wording and the OCDS mapping.</summary>
public sealed class MilestoneRulesTests
{
    [Fact]
    public void Occurrences_MonthlyFromAMonthEndKeepMonthEnds()
    {
        var dates = MilestoneService.Occurrences(new DateOnly(2026, 3, 31), Recurrence.Monthly, new DateOnly(2026, 8, 31));
        Assert.Equal([new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31), new(2026, 6, 30), new(2026, 7, 31), new DateOnly(2026, 8, 31)], dates);
    }

    [Fact]
    public void Occurrences_QuarterlyStopAtTheEndOfTheTerm()
    {
        var dates = MilestoneService.Occurrences(new DateOnly(2026, 3, 15), Recurrence.Quarterly, new DateOnly(2027, 2, 28));
        Assert.Equal([new(2026, 3, 15), new(2026, 6, 15), new(2026, 9, 15), new DateOnly(2026, 12, 15)], dates);
        Assert.Empty(MilestoneService.Occurrences(new DateOnly(2026, 3, 15), Recurrence.Monthly, new DateOnly(2026, 3, 14)));
    }

    [Fact]
    public void ContractStart_IsTheEarliestOfSignEffectiveAndStart()
    {
        var c = new Contract { Number = "x", Title = "x", SignDate = new(2026, 2, 20), EffectiveDate = new(2026, 2, 25), StartDate = new(2026, 3, 1) };
        Assert.Equal(new DateOnly(2026, 2, 20), MilestoneService.ContractStart(c));
        Assert.Null(MilestoneService.ContractStart(new Contract { Number = "x", Title = "x" }));
    }

    [Theory]
    [InlineData(MilestoneStatus.Planned, "scheduled")]
    [InlineData(MilestoneStatus.Due, "scheduled")]
    [InlineData(MilestoneStatus.Met, "met")]
    [InlineData(MilestoneStatus.PartiallyMet, "partiallyMet")]
    [InlineData(MilestoneStatus.Missed, "notMet")]
    [InlineData(MilestoneStatus.Waived, "notMet")]
    public void Statuses_MapOntoTheOcdsCodelist(MilestoneStatus status, string code) =>
        Assert.Equal(code, MilestoneLabels.ToOcds(status));

    [Fact]
    public void OcdsCodes_ImportBackAndUnknownCodesAreRefused()
    {
        Assert.Equal(MilestoneStatus.Missed, MilestoneLabels.FromOcds("notMet"));
        Assert.Equal(MilestoneStatus.PartiallyMet, MilestoneLabels.FromOcds("partiallyMet"));
        Assert.Throws<ArgumentException>(() => MilestoneLabels.FromOcds("done"));
    }

    [Fact]
    public void ARule_ReadsInChinese()
    {
        var m = new Milestone { Title = "尾款", RuleTrigger = DueTrigger.Milestone, RuleOffsetDays = 15, RuleDayCount = DayCount.Working };
        Assert.Equal("节点完成后15个工作日", MilestoneService.RuleDescription(m));
        Assert.Equal("", MilestoneService.RuleDescription(new Milestone { Title = "x" }));
    }

    [Fact]
    public void Shown_TurnsAPlannedMilestoneWhoseDayHasComeIntoDue()
    {
        var today = new DateOnly(2026, 3, 2);
        Assert.Equal(MilestoneStatus.Due, ScheduleQuery.Shown(MilestoneStatus.Planned, today, today));
        Assert.Equal(MilestoneStatus.Planned, ScheduleQuery.Shown(MilestoneStatus.Planned, today.AddDays(1), today));
        Assert.Equal(MilestoneStatus.Met, ScheduleQuery.Shown(MilestoneStatus.Met, today.AddDays(-5), today));
        Assert.Equal(MilestoneStatus.Planned, ScheduleQuery.Shown(MilestoneStatus.Planned, null, today));
    }
}
