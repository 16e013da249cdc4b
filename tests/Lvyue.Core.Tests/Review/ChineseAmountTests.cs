using System.Globalization;
using Lvyue.Common;
using Lvyue.Review;

namespace Lvyue.Tests.Review;

/// <summary>Amounts as contracts write them: figures, 万元 units, capital and lower-case numerals.</summary>
public sealed class ChineseAmountTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("1234567.89元", "1234567.89")]
    [InlineData("￥1,200,000.00", "1200000")]
    [InlineData("¥1,200,000.00元", "1200000")]
    [InlineData("RMB 5,000", "5000")]
    [InlineData("rmb5000.5", "5000.5")]
    [InlineData("CNY 88", "88")]
    [InlineData("人民币 1,200,000.00 元", "1200000")]
    [InlineData("人民币1200000元整", "1200000")]
    [InlineData("5000元人民币", "5000")]
    [InlineData("：12,000元", "12000")]
    [InlineData("１，２００，０００．００元", "1200000")]
    [InlineData("0.05", "0.05")]
    [InlineData("0元", "0")]
    [InlineData("(小写)¥30,000.00", "30000")]
    public void ChineseAmount_ReadsArabicFiguresWithSeparatorsAndDecimals(string text, string expected) =>
        Assert.Equal(D(expected), ChineseAmount.Parse(text));

    [Theory]
    [InlineData("120万元", "1200000")]
    [InlineData("120万", "1200000")]
    [InlineData("1.5亿元", "150000000")]
    [InlineData("1.5亿", "150000000")]
    [InlineData("35.68万元", "356800")]
    [InlineData("1,200万元", "12000000")]
    [InlineData("人民币120万元整", "1200000")]
    [InlineData("1亿2000万元", "120000000")]
    [InlineData("3万500元", "30500")]
    [InlineData("2万亿元", "2000000000000")]
    [InlineData("0.5万元", "5000")]
    public void ChineseAmount_ReadsFiguresWith万And亿Units(string text, string expected) =>
        Assert.Equal(D(expected), ChineseAmount.Parse(text));

    [Theory]
    [InlineData("人民币叁拾万元整", "300000")]
    [InlineData("壹佰贰拾万元整", "1200000")]
    [InlineData("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "1234567.89")]
    [InlineData("壹万零壹元整", "10001")]
    [InlineData("壹仟零伍元叁角", "1005.3")]
    [InlineData("壹拾元零伍分", "10.05")]
    [InlineData("壹亿零壹拾万元整", "100100000")]
    [InlineData("壹亿零壹元整", "100000001")]
    [InlineData("壹仟万零壹佰元整", "10000100")]
    [InlineData("伍分", "0.05")]
    [InlineData("伍角", "0.5")]
    [InlineData("零元整", "0")]
    [InlineData("拾万元整", "100000")]
    [InlineData("叁万元正", "30000")]
    [InlineData("叁万圆整", "30000")]
    [InlineData("贰拾叁圆伍角", "23.5")]
    [InlineData("(大写)人民币：壹万零壹拾元整", "10010")]
    [InlineData("大写：壹佰万元整", "1000000")]
    [InlineData("壹万零壹亿元整", "1000100000000")]
    [InlineData("壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元整", "1234567890123")]
    [InlineData("陆萬圓整", "60000")]
    [InlineData("贰億元整", "200000000")]
    [InlineData("壹 佰 贰 拾 万 元 整", "1200000")]
    public void ChineseAmount_ReadsCapitalNumeralsWithZeros(string text, string expected) =>
        Assert.Equal(D(expected), ChineseAmount.Parse(text));

    [Theory]
    [InlineData("十二万", "120000")]
    [InlineData("十二万元", "120000")]
    [InlineData("一百二十万元", "1200000")]
    [InlineData("两千万元", "20000000")]
    [InlineData("三千五百元", "3500")]
    [InlineData("一千零五元", "1005")]
    [InlineData("一千零十元", "1010")]
    [InlineData("十元", "10")]
    [InlineData("一万五", "15000")]
    [InlineData("二百五", "250")]
    [InlineData("一百零五", "105")]
    [InlineData("五十万元整", "500000")]
    [InlineData("一亿二千万元", "120000000")]
    [InlineData("三元五角", "3.5")]
    [InlineData("〇元", "0")]
    public void ChineseAmount_ReadsLowerCaseNumerals(string text, string expected) =>
        Assert.Equal(D(expected), ChineseAmount.Parse(text));

    [Theory]
    [InlineData("-5.50", "-5.5")]
    [InlineData("-¥5.50", "-5.5")]
    [InlineData("负壹仟贰佰叁拾肆元伍角", "-1234.5")]
    public void ChineseAmount_ReadsNegativeAmounts(string text, string expected) =>
        Assert.Equal(D(expected), ChineseAmount.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("____元")]
    [InlineData("人民币     元")]
    [InlineData("人民币　　　　元整")]
    [InlineData("￥_______")]
    [InlineData("元整")]
    [InlineData("万元")]
    [InlineData("XX万元")]
    [InlineData("待定")]
    [InlineData("1,23,456")]
    [InlineData("1,2345")]
    [InlineData("12.")]
    [InlineData("1.2.3")]
    [InlineData("01234")]
    [InlineData("0,123")]
    [InlineData("1,234,56.00")]
    [InlineData("5元5元")]
    [InlineData("5角5角")]
    [InlineData("一二三")]
    [InlineData("壹佰拾元")]
    [InlineData("十百元")]
    [InlineData("壹万壹万元")]
    [InlineData("壹亿壹亿元")]
    [InlineData("一元五")]
    [InlineData("1万5")]
    [InlineData("伍分肆角")]
    [InlineData("壹元整伍角")]
    [InlineData("壹佰伍角")]
    [InlineData("12元34")]
    [InlineData("约100万元")]
    [InlineData("100万元左右")]
    [InlineData("--5")]
    [InlineData("99999999999999999999999亿")]
    public void ChineseAmount_ReturnsNullForBlanksAndGarbageRatherThanAGuess(string? text) =>
        Assert.Null(ChineseAmount.Parse(text));

    public static TheoryData<decimal> EdgeAmounts() =>
    [
        0m, 0.01m, 0.05m, 0.1m, 0.5m, 1m, 10m, 10.05m, 11m, 19.9m, 100m, 101m, 110m, 1000m, 1001m, 1005.30m, 1010m, 1100m,
        10_000m, 10_001m, 10_010m, 10_100m, 11_000m, 100_000m, 100_001m, 1_000_001m, 10_000_100m, 12_000_000m,
        100_000_000m, 100_000_001m, 100_100_000m, 110_000_000m, 1_000_000_000m, 1_000_100_000m, 10_000_000_000m,
        1_000_000_000_000m, 1_000_000_000_001m, 1_000_100_000_000m, 1_234_567_890_123.45m, 9_999_999_999_999_999.99m,
        1_234_567.89m, 300_000m, 1_200_000m, 100_000_000_000m, 20_000_001.01m,
    ];

    [Theory]
    [MemberData(nameof(EdgeAmounts))]
    public void ChineseAmount_RoundTripsMoneyCapitalsAndFiguresOnEdgeAmounts(decimal amount)
    {
        Assert.Equal(amount, ChineseAmount.Parse(Money.ToCapitals(amount)));
        Assert.Equal(amount, ChineseAmount.Parse(Money.Format(amount)));
        Assert.Equal(amount, ChineseAmount.Parse(Money.FormatYuan(amount)));
        Assert.Equal(amount, ChineseAmount.Parse("人民币" + Money.ToCapitals(amount)));
    }

    [Fact]
    public void ChineseAmount_RoundTripsMoneyCapitalsOverManyAmountsOfEveryMagnitude()
    {
        var random = new Random(20240301);
        var checkedCount = 0;
        for (var digits = 1; digits <= 16; digits++)
        {
            for (var k = 0; k < 400; k++)
            {
                // Sparse amounts (many zeros) exercise 零 placement; dense ones every numeral.
                var chars = new char[digits];
                for (var p = 0; p < digits; p++)
                    chars[p] = p == 0 ? (char)('1' + random.Next(9)) : random.Next(3) == 0 ? (char)('0' + random.Next(10)) : k % 2 == 0 ? '0' : (char)('0' + random.Next(10));
                var yuan = decimal.Parse(new string(chars), CultureInfo.InvariantCulture);
                var amount = yuan + random.Next(4) switch { 0 => 0m, 1 => random.Next(10) / 10m, 2 => random.Next(10) / 100m, _ => random.Next(100) / 100m };
                var capitals = Money.ToCapitals(amount);
                Assert.True(amount == ChineseAmount.Parse(capitals), $"{amount} → {capitals} → {ChineseAmount.Parse(capitals)}");
                Assert.Equal(amount, ChineseAmount.Parse(Money.Format(amount)));
                checkedCount++;
            }
        }
        for (var n = 0; n <= 20_000; n++)
        {
            var amount = n + n % 100 / 100m;
            Assert.Equal(amount, ChineseAmount.Parse(Money.ToCapitals(amount)));
            checkedCount++;
        }
        Assert.Equal(16 * 400 + 20_001, checkedCount);
    }

    [Fact]
    public void ChineseAmount_ReadsTheSameValueFromCapitalsAndFiguresOfOneClause()
    {
        var capitals = ChineseAmount.Parse("人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
        var figures = ChineseAmount.Parse("￥１，２３４，５６７．８９");
        Assert.NotNull(capitals);
        Assert.Equal(capitals, figures);
        Assert.Equal(123.456789m * 10_000m, figures);
    }
}
