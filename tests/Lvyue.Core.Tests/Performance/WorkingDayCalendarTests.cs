using Lvyue.Common;
using Lvyue.Performance;

namespace Lvyue.Tests.Performance;

/// <summary>The official calendar: holidays, 调休 weekends, counting working days, missing years.</summary>
public sealed class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Official()
    {
        var (years, days) = OfficialCalendar.Entities(new DateTime(2026, 1, 1));
        return new WorkingDayCalendar(years, days);
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2026, 1, 4, true)]    // Sunday worked for 元旦
    [InlineData(2026, 1, 2, false)]   // Friday off for 元旦
    [InlineData(2026, 2, 14, true)]   // Saturday worked for 春节
    [InlineData(2026, 2, 16, false)]  // Monday in 春节
    [InlineData(2026, 2, 23, false)]  // last day of 春节
    [InlineData(2026, 2, 24, true)]
    [InlineData(2026, 2, 28, true)]   // Saturday worked after 春节
    [InlineData(2026, 3, 7, false)]   // a plain Saturday
    [InlineData(2026, 3, 9, true)]    // a plain Monday
    [InlineData(2026, 5, 9, true)]    // Saturday worked for 劳动节
    [InlineData(2026, 9, 20, true)]   // Sunday worked for 国庆节
    [InlineData(2026, 10, 7, false)]
    [InlineData(2026, 10, 10, true)]  // Saturday worked for 国庆节
    [InlineData(2027, 2, 5, false)]   // 除夕 2027, a Friday
    [InlineData(2027, 2, 9, true)]    // no 调休 entered yet for 2027: a plain Tuesday
    public void IsWorkingDay_FollowsTheOfficialCalendar(int y, int m, int d, bool working) =>
        Assert.Equal(working, Official().IsWorkingDay(D(y, m, d)));

    [Fact]
    public void AddWorkingDays_CountsAnAdjustedSaturdayAndSkipsTheSpringFestival()
    {
        var c = Official();
        Assert.Equal(D(2026, 2, 14), c.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 24), c.AddWorkingDays(D(2026, 2, 14), 1));
        Assert.Equal(D(2026, 2, 25), c.AddWorkingDays(D(2026, 2, 13), 3));
    }

    [Fact]
    public void AddWorkingDays_AroundNationalDayUsesTheAdjustedSundayAndSaturday()
    {
        var c = Official();
        Assert.Equal(D(2026, 9, 20), c.AddWorkingDays(D(2026, 9, 18), 1));
        Assert.Equal(D(2026, 10, 8), c.AddWorkingDays(D(2026, 9, 30), 1));
        Assert.Equal(D(2026, 10, 10), c.AddWorkingDays(D(2026, 9, 30), 3));
        Assert.Equal(D(2026, 10, 12), c.AddWorkingDays(D(2026, 9, 30), 4));
    }

    [Fact]
    public void AddWorkingDays_GoesBackForANegativeCountAndStaysForZero()
    {
        var c = Official();
        Assert.Equal(D(2026, 2, 14), c.AddWorkingDays(D(2026, 2, 24), -1));
        Assert.Equal(D(2026, 2, 12), c.AddWorkingDays(D(2026, 2, 24), -3));
        Assert.Equal(D(2026, 2, 15), c.AddWorkingDays(D(2026, 2, 15), 0));
    }

    [Fact]
    public void WorkingDaysBetween_CountsAfterTheFirstDateUpToAndIncludingTheSecond()
    {
        var c = Official();
        Assert.Equal(2, c.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 24)));
        Assert.Equal(-2, c.WorkingDaysBetween(D(2026, 2, 24), D(2026, 2, 13)));
        Assert.Equal(0, c.WorkingDaysBetween(D(2026, 10, 1), D(2026, 10, 7)));
        Assert.Equal(5, c.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 13)));
        Assert.Equal(0, c.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 6)));
    }

    [Fact]
    public void WorkingDaysBetween_AgreesWithAddWorkingDaysAcrossTheYear()
    {
        var c = Official();
        for (var d = D(2026, 1, 1); d < D(2026, 12, 1); d = d.AddDays(7))
            for (var n = 0; n <= 12; n += 4)
                Assert.Equal(n, c.WorkingDaysBetween(d, c.AddWorkingDays(d, n)));
    }

    [Fact]
    public void AYearWithoutData_IsRefusedNotGuessed()
    {
        var c = Official();
        var e = Assert.Throws<DomainException>(() => c.IsWorkingDay(D(2028, 1, 3)));
        Assert.Contains("2028", e.Title.Zh);
        Assert.Throws<DomainException>(() => c.AddWorkingDays(D(2027, 12, 30), 5));
        Assert.Throws<DomainException>(() => c.WorkingDaysBetween(D(2025, 12, 30), D(2026, 1, 5)));
        Assert.False(c.Knows(2028));
    }

    [Fact]
    public void TheNextYear_IsProvisionalUntilTheArrangementIsEntered()
    {
        var c = Official();
        Assert.False(c.IsProvisional(2026));
        Assert.True(c.IsProvisional(2027));
        Assert.Equal("春节", c.Exception(D(2027, 2, 8))?.Name);
    }

    [Fact]
    public void LastDueDatePastGrace_CountsTheAdjustedSaturdayInTheGrace()
    {
        var c = Official();
        // Monday 2 March 2026: due Wednesday 25 Feb + 3 working days (26, 27 Feb and the worked Saturday 28 Feb) has passed;
        // due Thursday 26 Feb + 3 ends on 2 March itself, still within grace.
        Assert.Equal(D(2026, 2, 25), c.LastDueDatePastGrace(D(2026, 3, 2), 3));
        Assert.Equal(D(2026, 3, 1), c.LastDueDatePastGrace(D(2026, 3, 2), 0));
        // After 国庆: the grace of a milestone due 30 September runs to 10 October (the worked Saturday).
        Assert.Equal(D(2026, 9, 29), c.LastDueDatePastGrace(D(2026, 10, 10), 3));
        Assert.Equal(D(2026, 10, 7), c.LastDueDatePastGrace(D(2026, 10, 11), 3));
    }

    [Fact]
    public void Add_CountsCalendarDaysWorkingDaysOrMonths()
    {
        var c = Official();
        Assert.Equal(D(2026, 3, 17), c.Add(D(2026, 2, 15), 30, DayCount.Calendar));
        Assert.Equal(D(2026, 3, 23), c.Add(D(2026, 3, 2), 15, DayCount.Working));
        Assert.Equal(D(2029, 3, 2), c.Add(D(2026, 3, 2), 36, DayCount.Months));
    }
}
