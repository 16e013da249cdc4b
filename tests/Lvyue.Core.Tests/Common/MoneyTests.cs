using Lvyue.Common;

namespace Lvyue.Tests.Common;

/// <summary>Amounts as screens (¥1,234,567.89) and bills (Chinese capital numerals) write them.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("100", "壹佰元整")]
    [InlineData("20", "贰拾元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("10001", "壹万零壹元整")]
    [InlineData("1000001", "壹佰万零壹元整")]
    [InlineData("10000100", "壹仟万零壹佰元整")]
    [InlineData("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("100100000", "壹亿零壹拾万元整")]
    [InlineData("110000000.00", "壹亿壹仟万元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.5", "伍角")]
    [InlineData("10.05", "壹拾元零伍分")]
    [InlineData("1005.3", "壹仟零伍元叁角")]
    [InlineData("30000", "叁万元整")]
    public void ToCapitals_WritesAmountsAsBillsDo(string amount, string expected) =>
        Assert.Equal(expected, Money.ToCapitals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    // Above 亿 the count of 亿 is itself written with 万: 10001亿 is 壹万零壹亿, not 壹万亿零壹亿.
    [Theory]
    [InlineData("1000000000000", "壹万亿元整")]
    [InlineData("1000100000000", "壹万零壹亿元整")]
    [InlineData("1234567890123", "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元整")]
    [InlineData("1000000000001", "壹万亿零壹元整")]
    public void ToCapitals_CountsTensOfThousandsOf亿With万(string amount, string expected) =>
        Assert.Equal(expected, Money.ToCapitals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ToCapitals_PrefixesNegativeAmountsWith负() => Assert.Equal("负壹仟贰佰叁拾肆元伍角", Money.ToCapitals(-1234.5m));

    [Fact]
    public void ToCapitals_RoundsToTheFen() => Assert.Equal("壹分", Money.ToCapitals(0.005m));

    [Fact]
    public void ToCapitals_RefusesAmountsBeyondItsRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.ToCapitals(Money.MaxCapitals + 1m));

    [Theory]
    [InlineData("1234567.89", "¥1,234,567.89")]
    [InlineData("0", "¥0.00")]
    [InlineData("30000", "¥30,000.00")]
    [InlineData("-5.5", "-¥5.50")]
    public void Format_WritesYuanWithThousandsSeparatorsAndTwoDecimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
