using Lvyue.Review.Ingestion;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>Joining the lines a word processor wrapped in a PDF's text, and keeping every other line break.</summary>
public sealed class PdfLinesTests
{
    private const string Full = "合同总价为人民币134万元（大写：壹佰叁拾肆万元整），该价格为含税价，增值税税";

    [Fact]
    public void A_full_line_that_does_not_end_a_sentence_is_joined_with_the_next()
    {
        var page = "第二条 合同价款\n" + Full + "\n率为13%。\n第三条 交货";
        Assert.Equal("第二条 合同价款\n" + Full + "率为13%。\n第三条 交货", PdfLines.Unwrap(page));
    }

    [Fact]
    public void A_figure_broken_across_lines_is_joined_whole_and_latin_words_get_their_space_back()
    {
        Assert.EndsWith("税率为13%。", PdfLines.Unwrap(Full[..^2] + "税率为1\n3%。"));
        var latin = new string('x', 60) + " the\nend";
        Assert.Equal(new string('x', 60) + " the end", PdfLines.Unwrap(latin));
    }

    [Theory]
    [InlineData("。")]
    [InlineData("；")]
    [InlineData("：")]
    public void A_sentence_end_keeps_its_break(string end)
    {
        var page = Full + end + "\n下一句。";
        Assert.Equal(page, PdfLines.Unwrap(page));
    }

    [Theory]
    [InlineData("第四条 付款")]
    [InlineData("四、付款")]
    [InlineData("（一）合同签订后")]
    [InlineData("1. 付款方式")]
    [InlineData("4.1 预付款")]
    [InlineData("① 合同签订后")]
    public void A_clause_start_on_the_next_line_keeps_its_break(string next)
    {
        var page = Full + "\n" + next;
        Assert.Equal(page, PdfLines.Unwrap(page));
    }

    [Fact]
    public void Short_lines_and_blank_lines_keep_their_breaks()
    {
        var page = Full + "。\n甲方：某局\n乙方：某公司\n\n" + Full + "\n";
        Assert.Equal(page, PdfLines.Unwrap(page));
    }

    [Fact]
    public void A_page_of_short_lines_is_not_a_paragraph_even_when_its_lines_are_the_page_widest()
    {
        var page = "地址：江州市青溪区北京西路316号\n承包人：（盖章）江州路安市政工程有限公司\n法定代表人：邱路安";
        Assert.Equal(page, PdfLines.Unwrap(page));
        Assert.Equal(page, PdfLines.Unwrap(page, PdfLines.Widest(Full + "\n" + page)));
    }
}
