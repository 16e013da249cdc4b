using Lvyue.Review;

namespace Lvyue.Tests.Review;

/// <summary>Normalized contract text and its map back to the characters the user sees.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("１２３４５６７８９０", "1234567890")]
    [InlineData("ＡＢＣ　ａｂｃ", "ABC abc")]
    [InlineData("金额：１，２００，０００．００元", "金额:1,200,000.00元")]
    [InlineData("（一）合同价款％", "(一)合同价款%")]
    [InlineData("２０２４－０３－０１", "2024-03-01")]
    [InlineData("２０２４／３／１", "2024/3/1")]
    [InlineData("￥５，０００", "¥5,000")]
    [InlineData("甲方；乙方！是否？", "甲方;乙方!是否?")]
    [InlineData("2024\u20103\u20111", "2024-3-1")]
    [InlineData("\u22125", "-5")]
    public void Normalize_TurnsFullWidthFormsIntoAscii(string source, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeText(source));

    [Theory]
    [InlineData("本合同一式四份。", "本合同一式四份。")]
    [InlineData("一、合同标的", "一、合同标的")]
    [InlineData("《中华人民共和国民法典》【附件】「甲」", "《中华人民共和国民法典》【附件】「甲」")]
    [InlineData("“采购人”——即甲方……", "“采购人”——即甲方……")]
    [InlineData("二〇二四年", "二〇二四年")]
    public void Normalize_KeepsChinesePunctuationThatHasNoAsciiMeaning(string source, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeText(source));

    [Theory]
    [InlineData("甲方　　乙方", "甲方 乙方")]
    [InlineData("甲方\u00A0\u00A0\t乙方", "甲方 乙方")]
    [InlineData("第一条\r\n\r\n   第二条", "第一条\n第二条")]
    [InlineData("第一条  \n  第二条", "第一条\n第二条")]
    [InlineData("\u3000\u3000第一条　\n", "第一条")]
    [InlineData("  ", "")]
    [InlineData("", "")]
    [InlineData("合\u200B同\uFEFF金额\u00AD", "合同金额")]
    [InlineData("甲 \u200B 乙", "甲 乙")]
    [InlineData("a\u2028b", "a\nb")]
    public void Normalize_FoldsWhitespaceAndDropsInvisibleCharacters(string source, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeText(source));

    [Fact]
    public void Normalize_MapsEveryCharacterBackToTheSourceCharacterItCameFrom()
    {
        const string source = "\u3000合同金额：　￥１，２００，０００．００元（大写：人民币壹佰贰拾万元整）\r\n\r\n签订日期：２０２４年３月１日\u200B。";
        var n = TextNormalizer.Normalize(source);

        Assert.Equal("合同金额: ¥1,200,000.00元(大写:人民币壹佰贰拾万元整)\n签订日期:2024年3月1日。", n.Text);
        for (var i = 0; i < n.Length; i++)
        {
            var (start, end) = n.SourceSpanOf(i);
            Assert.True(start < end);
            var slice = source[start..end];
            if (n.Text[i] is ' ' or '\n')
                Assert.True(slice.All(char.IsWhiteSpace), $"character {i} maps to '{slice}'");
            else
                Assert.Equal(n.Text[i].ToString(), TextNormalizer.NormalizeText(slice));
        }
    }

    [Fact]
    public void Normalize_MapsAFoundSpanToTheOriginalSpanForHighlighting()
    {
        const string source = "合同金额：　￥１，２００，０００．００元整。签订日期：２０２４年３月１日";
        var n = TextNormalizer.Normalize(source);

        var at = n.Text.IndexOf("1,200,000.00", StringComparison.Ordinal);
        var (start, end) = n.ToSourceSpan(at, at + "1,200,000.00".Length);
        Assert.Equal("１，２００，０００．００", source[start..end]);

        at = n.Text.IndexOf("2024年3月1日", StringComparison.Ordinal);
        (start, end) = n.ToSourceSpan(at, at + "2024年3月1日".Length);
        Assert.Equal("２０２４年３月１日", source[start..end]);
        Assert.Equal("2024年3月1日", TextNormalizer.NormalizeText(source[start..end]));
    }

    [Fact]
    public void Normalize_MapsAFoldedWhitespaceRunToTheWholeRun()
    {
        const string source = "甲方\u3000 \u00A0乙方";
        var n = TextNormalizer.Normalize(source);

        Assert.Equal("甲方 乙方", n.Text);
        Assert.Equal((2, 5), n.SourceSpanOf(2));
        Assert.Equal((0, 7), n.ToSourceSpan(0, n.Length));
        Assert.Equal(5, n.ToSourceOffset(3));
    }

    [Fact]
    public void Normalize_KeepsOffsetsMonotonicAndEndsAtTheLastSourceCharacterUsed()
    {
        const string source = "\n\n第一条　合同标的\u200B\r\n（一）货物：ＰＣ服务器２台  \n\n";
        var n = TextNormalizer.Normalize(source);

        var previousEnd = 0;
        for (var i = 0; i < n.Length; i++)
        {
            var (start, end) = n.SourceSpanOf(i);
            Assert.True(start >= previousEnd);
            previousEnd = end;
        }
        Assert.Equal(source.IndexOf('台') + 1, n.ToSourceOffset(n.Length));
        Assert.Equal(2, n.ToSourceOffset(0));
        Assert.Equal((4, 4), n.ToSourceSpan(2, 2));
    }

    [Fact]
    public void Normalize_LeavesSurrogatePairsWhole()
    {
        const string source = "甲方𠀀（乙）";
        var n = TextNormalizer.Normalize(source);

        Assert.Equal("甲方𠀀(乙)", n.Text);
        Assert.Equal((2, 4), n.ToSourceSpan(2, 4));
    }

    [Fact]
    public void Normalize_RefusesOffsetsOutsideTheText()
    {
        var n = TextNormalizer.Normalize("甲方");
        Assert.Throws<ArgumentOutOfRangeException>(() => n.SourceSpanOf(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToSourceOffset(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToSourceSpan(2, 1));
        Assert.Equal(0, TextNormalizer.Normalize("   ").ToSourceOffset(0));
    }
}
