using Lvyue.Review;

namespace Lvyue.Tests.Review;

/// <summary>Dates as contracts write them, and blanks that must stay blank.</summary>
public sealed class ChineseDateTests
{
    [Theory]
    [InlineData("2024年3月1日")]
    [InlineData("2024年03月01日")]
    [InlineData("2024年3月1号")]
    [InlineData("2024 年 3 月 1 日")]
    [InlineData("２０２４年３月１日")]
    [InlineData("二〇二四年三月一日")]
    [InlineData("二零二四年三月一日")]
    [InlineData("二○二四年三月一日")]
    [InlineData("二O二四年三月一日")]
    [InlineData("2024年三月一日")]
    [InlineData("2024-03-01")]
    [InlineData("2024-3-1")]
    [InlineData("2024/3/1")]
    [InlineData("2024/03/01")]
    [InlineData("2024.3.1")]
    [InlineData("2024.03.01")]
    [InlineData("２０２４－０３－０１")]
    [InlineData("20240301")]
    public void ChineseDate_ReadsEveryWrittenFormOfADay(string text)
    {
        Assert.Equal(new ContractDate(new DateOnly(2024, 3, 1), DatePrecision.Day), ChineseDate.Parse(text));
        Assert.Equal(new DateOnly(2024, 3, 1), ChineseDate.ParseDay(text));
    }

    [Theory]
    [InlineData("二〇二三年十二月三十一日", 2023, 12, 31)]
    [InlineData("二〇二五年十月二十日", 2025, 10, 20)]
    [InlineData("二〇二五年十一月十日", 2025, 11, 10)]
    [InlineData("2024年2月29日", 2024, 2, 29)]
    [InlineData("2023年12月31号", 2023, 12, 31)]
    [InlineData("1999.12.31", 1999, 12, 31)]
    [InlineData("二〇〇〇年一月一日", 2000, 1, 1)]
    public void ChineseDate_ReadsMultiCharacterMonthsAndDays(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ChineseDate.ParseDay(text));

    [Theory]
    [InlineData("2024年3月", 2024, 3)]
    [InlineData("2024年03月", 2024, 3)]
    [InlineData("二〇二四年十二月", 2024, 12)]
    [InlineData("2024-03", 2024, 3)]
    [InlineData("2024/3", 2024, 3)]
    public void ChineseDate_ReadsAMonthAsItsFirstDayWithMonthPrecision(string text, int year, int month)
    {
        Assert.Equal(new ContractDate(new DateOnly(year, month, 1), DatePrecision.Month), ChineseDate.Parse(text));
        Assert.Null(ChineseDate.ParseDay(text));
    }

    [Fact]
    public void ChineseDate_ReadsAYearAsItsFirstDayWithYearPrecision()
    {
        Assert.Equal(new ContractDate(new DateOnly(2024, 1, 1), DatePrecision.Year), ChineseDate.Parse("2024年"));
        Assert.Equal(new ContractDate(new DateOnly(2025, 1, 1), DatePrecision.Year), ChineseDate.Parse("二〇二五年"));
        Assert.Null(ChineseDate.ParseDay("2024年"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("____年__月__日")]
    [InlineData("＿＿＿＿年＿＿月＿＿日")]
    [InlineData("　　年　　月　　日")]
    [InlineData("    年    月    日")]
    [InlineData("年月日")]
    [InlineData("2024年__月__日")]
    [InlineData("2024年3月__日")]
    [InlineData("20__年__月__日")]
    [InlineData("____-__-__")]
    [InlineData("XXXX年XX月XX日")]
    public void ChineseDate_ReturnsNullForBlanks(string? text) => Assert.Null(ChineseDate.Parse(text));

    [Theory]
    [InlineData("2024年2月30日")]
    [InlineData("2023年2月29日")]
    [InlineData("2024年4月31日")]
    [InlineData("2024年13月1日")]
    [InlineData("2024年0月1日")]
    [InlineData("2024年3月0日")]
    [InlineData("2024年3月32日")]
    [InlineData("二〇二四年二月三十日")]
    [InlineData("二〇二四年十三月一日")]
    [InlineData("2024-02-30")]
    [InlineData("2024/13/01")]
    [InlineData("20240230")]
    [InlineData("1024年3月1日")]
    [InlineData("2300-01-01")]
    public void ChineseDate_ReturnsNullForDatesThatDoNotExist(string text) => Assert.Null(ChineseDate.Parse(text));

    [Theory]
    [InlineData("2024-03/01")]
    [InlineData("24年3月1日")]
    [InlineData("二〇二四四年三月一日")]
    [InlineData("2024年3月1日起")]
    [InlineData("签订日期：2024年3月1日")]
    [InlineData("2024年3月1")]
    [InlineData("2024年3月1日2024年3月2日")]
    [InlineData("2024年3月100日")]
    [InlineData("2024年3月一1日")]
    [InlineData("2024.3.1.")]
    public void ChineseDate_ReturnsNullForTextThatIsNotExactlyOneDate(string text) => Assert.Null(ChineseDate.Parse(text));
}
