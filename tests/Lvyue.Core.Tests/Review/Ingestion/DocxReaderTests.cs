using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lvyue.Common;
using Lvyue.Review.Ingestion;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>Word contracts built in the test: paragraphs, automatic numbering, a table, a header, a footer and a text box.</summary>
public sealed class DocxReaderTests
{
    private const string Expected =
        "XX市政府采购合同\n" +
        "第一条 合同标的\n" +
        "1.1 货物名称:服务器\n" +
        "1.2 数量:10台\n" +
        "第二条 合同价款\n" +
        "(一)\n" +
        "(二)签订后付款\n" +
        "(三)验收后付款\n" +
        "付款阶段 比例\n" +
        "签订后 30%\n" +
        "甲方: 某某市财政局\n" +
        "盖章处\n" +
        "合同编号:GP-2024-001";

    [Fact]
    public void ParagraphsNumberingTablesHeadersFootersAndTextBoxesBecomeOneText()
    {
        var doc = DocxReader.Read(BuildContract());
        Assert.Equal(Expected, doc.Text);
        Assert.Equal(SourceFormat.Docx, doc.Format);
        Assert.Contains("付款阶段\t比例\n签订后\t３０％", doc.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderedNumbersAreCountedAsAPrefixOfTheParagraph()
    {
        var doc = DocxReader.Read(BuildContract());
        var first = doc.Units.Single(u => u.Kind == SourceUnitKind.Paragraph && u.Paragraph == 0);
        Assert.Equal("第一条 合同标的", first.Text);
        Assert.Equal(4, first.PrefixLength);
        var sub = doc.Units.Single(u => u.Kind == SourceUnitKind.Paragraph && u.Paragraph == 6);
        Assert.Equal("（二）签订后付款", sub.Text);
        Assert.Equal(3, sub.PrefixLength);
    }

    [Fact]
    public void SpansMapBackToParagraphsCellsHeadersFootersAndTextBoxes()
    {
        var doc = DocxReader.Read(BuildContract());

        var (header, headerOffset) = doc.Locate(0);
        Assert.Equal(SourceUnitKind.Header, header.Kind);
        Assert.Equal(0, header.Part);
        Assert.Equal(0, headerOffset);

        var server = Single(doc, "服务器");
        Assert.Equal(SourceUnitKind.Paragraph, server.Unit.Kind);
        Assert.Equal(1, server.Unit.Paragraph);
        Assert.Equal("服务器", server.Unit.Text[server.Start..server.End]);

        var percent = Single(doc, "30%");
        Assert.Equal(SourceUnitKind.TableCell, percent.Unit.Kind);
        Assert.Equal((0, 1, 1), (percent.Unit.Table, percent.Unit.Row, percent.Unit.Cell));
        Assert.Equal("３０％", percent.Unit.Text[percent.Start..percent.End]);

        var box = Single(doc, "盖章处");
        Assert.Equal(SourceUnitKind.TextBox, box.Unit.Kind);
        Assert.Equal(0, box.Unit.TextBox);

        var number = Single(doc, "GP-2024-001");
        Assert.Equal(SourceUnitKind.Footer, number.Unit.Kind);
        Assert.Equal("ＧＰ－２０２４－００１", number.Unit.Text[number.Start..number.End]);
    }

    [Fact]
    public void ASpanAcrossTwoCellsOfARowMapsToBothCells()
    {
        var doc = DocxReader.Read(BuildContract());
        var start = doc.Text.IndexOf("签订后 30%", StringComparison.Ordinal);
        var spans = doc.MapSpan(start, start + "签订后 30%".Length);
        Assert.Equal(2, spans.Count);
        Assert.Equal(["签订后", "３０％"], spans.Select(s => s.Unit.Text[s.Start..s.End]));
    }

    [Theory]
    [InlineData(1, NumberFormatValues.ChineseCounting, "一")]
    [InlineData(10, NumberFormatValues.ChineseCounting, "十")]
    [InlineData(12, NumberFormatValues.ChineseCounting, "十二")]
    [InlineData(20, NumberFormatValues.ChineseCounting, "二十")]
    [InlineData(35, NumberFormatValues.ChineseCountingThousand, "三十五")]
    [InlineData(105, NumberFormatValues.ChineseCountingThousand, "一百零五")]
    [InlineData(3, NumberFormatValues.ChineseLegalSimplified, "叁")]
    [InlineData(3, NumberFormatValues.DecimalEnclosedCircle, "③")]
    [InlineData(2, NumberFormatValues.IdeographTraditional, "乙")]
    [InlineData(4, NumberFormatValues.LowerRoman, "iv")]
    [InlineData(28, NumberFormatValues.UpperLetter, "BB")]
    [InlineData(7, NumberFormatValues.Decimal, "7")]
    public void NumberFormatsRenderAsWordShowsThem(int n, NumberFormatValues format, string expected) =>
        Assert.Equal(expected, DocxNumbering.Format(n, format));

    [Fact]
    public void ACorruptDocxIsRefusedInChineseAndEnglish()
    {
        var bytes = BuildContract().ToArray();
        var e = Assert.Throws<DomainException>(() => DocxReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Contains("Word", e.Title.Zh, StringComparison.Ordinal);
        Assert.Contains("not a valid Word document", e.Title.En, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Invalid, e.Kind);
    }

    [Fact]
    public void AFileThatIsNotAZipOrNotAWordPackageIsRefused()
    {
        Assert.Throws<DomainException>(() => DocxReader.Read(new MemoryStream("这不是 Word 文档"u8.ToArray())));
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
            w.Write("hello");
        zip.Position = 0;
        Assert.Throws<DomainException>(() => DocxReader.Read(zip));
    }

    [Fact]
    public void NumberingFromAParagraphStyleAndAStartOverrideIsRendered()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(Level(0, NumberFormatValues.ChineseCounting, "%1、", LevelSuffixValues.Nothing, legal: false))
                { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 9 }) { LevelIndex = 0 }) { NumberID = 3 });
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Clause Base" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 3 })))
                { Type = StyleValues.Paragraph, StyleId = "ClauseBase" },
                new Style(new StyleName { Val = "Clause" }, new BasedOn { Val = "ClauseBase" })
                { Type = StyleValues.Paragraph, StyleId = "Clause" });
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Clause" }), new Run(new Text("质量保证"))),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Clause" }), new Run(new Text("违约责任")))));
        }
        ms.Position = 0;
        Assert.Equal("九、质量保证\n十、违约责任", DocxReader.Read(ms).Text);
    }

    [Fact]
    public void AlternateContentIsReadOnceAndDeletedRevisionsNotAtAll()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var choice = new AlternateContentChoice(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Plain("乙方签章")))))) { Requires = "v" };
            var fallback = new AlternateContentFallback(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Plain("乙方签章"))))));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("合同总价")), new DeletedRun(new Run(new DeletedText("壹佰万元"))),
                    new InsertedRun(new Run(new Text("贰佰万元"))), new Run(new AlternateContent(choice, fallback)))));
            main.Document.AddNamespaceDeclaration("v", "urn:schemas-microsoft-com:vml");
        }
        ms.Position = 0;
        var read = DocxReader.Read(ms);
        Assert.Equal("合同总价贰佰万元\n乙方签章", read.Text);
        Assert.Equal([SourceUnitKind.Paragraph, SourceUnitKind.TextBox], read.Units.Select(u => u.Kind));
    }

    [Fact]
    public void AnArchiveThatWouldExpandBeyondTheLimitIsRefusedBeforeItIsRead()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= DocxReader.MaxExpandedBytes / zeros.Length; i++) entry.Write(zeros);
        }
        zip.Position = 0;
        var e = Assert.Throws<DomainException>(() => DocxReader.Read(zip));
        Assert.Contains("zip bomb", e.Title.En, StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", e.Title.Zh, StringComparison.Ordinal);
    }

    private static SourceSpan Single(IngestedDocument doc, string value)
    {
        var start = doc.Text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' not in the text");
        return Assert.Single(doc.MapSpan(start, start + value.Length));
    }

    private static MemoryStream BuildContract()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.ChineseCounting, "第%1条", LevelSuffixValues.Space, legal: false),
                    Level(1, NumberFormatValues.Decimal, "%1.%2", LevelSuffixValues.Space, legal: true))
                { AbstractNumberId = 1 },
                new AbstractNum(Level(0, NumberFormatValues.ChineseCounting, "（%1）", LevelSuffixValues.Nothing, legal: false))
                { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Plain("XX市政府采购合同"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Plain("合同编号：ＧＰ－２０２４－００１"));

            var table = new Table(
                new TableRow(Cell("付款阶段"), Cell("比例")),
                new TableRow(Cell("签订后"), Cell("３０％")));

            var textBox = new Paragraph(new Run(new Text("甲方："), new TabChar(), new Text("某某市财政局")),
                new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
                    new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(Plain("盖章处")))))));

            main.Document = new Document(new Body(
                Numbered("合同标的", 1, 0),
                Numbered("货物名称：服务器", 1, 1),
                Numbered("数量：１０台", 1, 1),
                Numbered("合同价款", 1, 0),
                new Paragraph(),
                Numbered("", 2, 0),
                Numbered("签订后付款", 2, 0),
                Numbered("验收后付款", 2, 0),
                table,
                textBox,
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }
        ms.Position = 0;
        return ms;
    }

    private static Level Level(int index, NumberFormatValues format, string text, LevelSuffixValues suffix, bool legal)
    {
        var level = new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }) { LevelIndex = index };
        if (legal) level.Append(new IsLegalNumberingStyle());
        level.Append(new LevelSuffix { Val = suffix }, new LevelText { Val = text });
        return level;
    }

    private static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static TableCell Cell(string text) => new(Plain(text));

    private static Paragraph Numbered(string text, int numId, int level) => new(
        new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
        new Run(new Text(text)));
}
