using Lvyue.Review;

namespace Lvyue.Tests.Review;

/// <summary>Periods as contracts state them: 12个月, 一年, 180日历天, 90个工作日.</summary>
public sealed class ChineseDurationTests
{
    [Theory]
    [InlineData("自合同签订之日起12个月", 12, DurationUnit.Months)]
    [InlineData("服务期限为一年", 1, DurationUnit.Years)]
    [InlineData("三年", 3, DurationUnit.Years)]
    [InlineData("180日历天", 180, DurationUnit.CalendarDays)]
    [InlineData("90个工作日", 90, DurationUnit.WorkingDays)]
    [InlineData("90工作日", 90, DurationUnit.WorkingDays)]
    [InlineData("收到发票后15个工作天内付款", 15, DurationUnit.WorkingDays)]
    [InlineData("工期：一百八十日历天", 180, DurationUnit.CalendarDays)]
    [InlineData("验收合格后30日内", 30, DurationUnit.CalendarDays)]
    [InlineData("交货期为合同签订后45天", 45, DurationUnit.CalendarDays)]
    [InlineData("60自然日", 60, DurationUnit.CalendarDays)]
    [InlineData("30日历日", 30, DurationUnit.CalendarDays)]
    [InlineData("质保期两年", 2, DurationUnit.Years)]
    [InlineData("质量保证期为十八个月", 18, DurationUnit.Months)]
    [InlineData("服务期：３６个月", 36, DurationUnit.Months)]
    [InlineData("2年", 2, DurationUnit.Years)]
    [InlineData("1.5年", 18, DurationUnit.Months)]
    [InlineData("一年半", 18, DurationUnit.Months)]
    [InlineData("半年", 6, DurationUnit.Months)]
    [InlineData("两周", 2, DurationUnit.Weeks)]
    [InlineData("3个星期", 3, DurationUnit.Weeks)]
    [InlineData("12 个 月", 12, DurationUnit.Months)]
    public void ChineseDuration_ReadsPeriodsWithTheirUnit(string text, int value, DurationUnit unit) =>
        Assert.Equal(new ContractDuration(value, unit), ChineseDuration.Parse(text));

    [Theory]
    [InlineData("自2024年3月1日起至2027年2月28日止，共三年", 3, DurationUnit.Years)]
    [InlineData("二〇二四年三月一日起十二个月", 12, DurationUnit.Months)]
    [InlineData("于2024年3月1日前交货，安装调试期10天", 10, DurationUnit.CalendarDays)]
    [InlineData("第1个月支付首付款，服务期6个月", 6, DurationUnit.Months)]
    [InlineData("每年3月支付，期限2年", 2, DurationUnit.Years)]
    public void ChineseDuration_SkipsDatesMonthNamesAndOrdinals(string text, int value, DurationUnit unit) =>
        Assert.Equal(new ContractDuration(value, unit), ChineseDuration.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024年3月1日")]
    [InlineData("二〇二四年三月一日")]
    [InlineData("3月")]
    [InlineData("服务期限为____个月")]
    [InlineData("工期：　　日历天")]
    [InlineData("一个半月")]
    [InlineData("1.5天")]
    [InlineData("之日起")]
    [InlineData("按月支付")]
    [InlineData("第三年")]
    public void ChineseDuration_ReturnsNullWhenNoWholePeriodIsStated(string? text) =>
        Assert.Null(ChineseDuration.Parse(text));

    [Theory]
    [InlineData(12, DurationUnit.Months, "2024-03-01", "2025-03-01")]
    [InlineData(1, DurationUnit.Years, "2024-02-29", "2025-02-28")]
    [InlineData(1, DurationUnit.Months, "2024-01-31", "2024-02-29")]
    [InlineData(180, DurationUnit.CalendarDays, "2024-03-01", "2024-08-28")]
    [InlineData(2, DurationUnit.Weeks, "2024-03-01", "2024-03-15")]
    public void ContractDuration_AddsCalendarPeriodsToADate(int value, DurationUnit unit, string start, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new ContractDuration(value, unit).AddTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ContractDuration_LeavesWorkingDaysToAHolidayCalendar() =>
        Assert.Null(new ContractDuration(90, DurationUnit.WorkingDays).AddTo(new DateOnly(2024, 3, 1)));
}
