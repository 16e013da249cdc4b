using System.Text;
using Lvyue.Review.Ingestion;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>Plain-text contracts in the encodings Chinese offices save them in.</summary>
public sealed class TextFileReaderTests
{
    private const string Contract = "第一条　合同金额：１２０万元\r\n\r\n  第二条 付款方式\r\n";
    private const string Expected = "第一条 合同金额:120万元\n第二条 付款方式";

    [Fact]
    public void Utf8WithoutBomIsReadAndNormalized()
    {
        var doc = TextFileReader.Read(Encoding.UTF8.GetBytes(Contract));
        Assert.Equal(Expected, doc.Text);
        Assert.Equal(SourceFormat.Text, doc.Format);
    }

    [Fact]
    public void Utf8WithBomIsReadWithoutTheMark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Contract)).ToArray();
        Assert.Equal(Expected, TextFileReader.Read(bytes).Text);
    }

    [Fact]
    public void Gb18030IsDetectedWhenTheBytesAreNotUtf8()
    {
        var bytes = TextFileReader.Gb18030.GetBytes(Contract);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.Equal(Expected, TextFileReader.Read(bytes).Text);
    }

    [Fact]
    public void Utf16WithBomIsRead()
    {
        var le = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Contract)).ToArray();
        var be = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(Contract)).ToArray();
        Assert.Equal(Expected, TextFileReader.Read(le).Text);
        Assert.Equal(Expected, TextFileReader.Read(be).Text);
    }

    [Fact]
    public void EveryNormalizedSpanMapsBackToItsLineAndColumns()
    {
        var doc = TextFileReader.Read(TextFileReader.Gb18030.GetBytes(Contract));
        var amount = doc.Text.IndexOf("120万元", StringComparison.Ordinal);
        var span = Assert.Single(doc.MapSpan(amount, amount + "120万元".Length));
        Assert.Equal(SourceUnitKind.Line, span.Unit.Kind);
        Assert.Equal(1, span.Unit.Line);
        Assert.Equal("１２０万元", span.Unit.Text[span.Start..span.End]);

        var second = doc.Text.IndexOf("第二条", StringComparison.Ordinal);
        var (unit, offset) = doc.Locate(second);
        Assert.Equal(3, unit.Line);
        Assert.Equal(2, offset);
    }

    [Fact]
    public void ASpanAcrossLinesMapsToOneSpanPerLine()
    {
        var doc = TextFileReader.Read(Encoding.UTF8.GetBytes(Contract));
        var start = doc.Text.IndexOf("万元", StringComparison.Ordinal);
        var end = doc.Text.IndexOf("付款", StringComparison.Ordinal);
        var spans = doc.MapSpan(start, end);
        Assert.Equal(2, spans.Count);
        Assert.Equal("万元", spans[0].Unit.Text[spans[0].Start..spans[0].End]);
        // The line break stands for the whole whitespace run, the next line's indent included.
        Assert.Equal("  第二条 ", spans[1].Unit.Text[spans[1].Start..spans[1].End]);
    }
}
