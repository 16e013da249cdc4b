using System.Diagnostics;
using Lvyue.Common;
using Lvyue.Review.Ingestion;

namespace Lvyue.Tests.Review.Ingestion;

/// <summary>
/// PDFs and images through Debian's pdftotext, pdftoppm and tesseract (scripts/test.sh installs poppler-utils,
/// tesseract-ocr, tesseract-ocr-chi-sim and fonts-noto-cjk). When a tool is missing these tests fail with the package to
/// install; they are never skipped.
/// </summary>
public sealed class PdfReaderTests : IDisposable
{
    private static readonly string[] ChineseLines =
        ["政府采购合同", "甲方：某某市财政局", "合同金额为人民币壹佰万元整", "乙方应在合同签订后三十日内交货"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lvyue-ingest-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task ATextPdfIsReadByPdftotextPageByPage()
    {
        var path = Save("contract.pdf", TestPdf.Text(12,
            ["GOVERNMENT PROCUREMENT CONTRACT", "Contract No. GP-2024-001"],
            ["Payment: 30 percent within 10 days", "Warranty: 12 months"]));

        var doc = await new DocumentIngestor().IngestAsync(path);

        Assert.Equal(SourceFormat.Pdf, doc.Format);
        Assert.Equal([1, 2], doc.Units.Select(u => u.Page));
        Assert.All(doc.Units, u => Assert.False(u.Ocr));
        Assert.Equal(
            "GOVERNMENT PROCUREMENT CONTRACT\nContract No. GP-2024-001\nPayment: 30 percent within 10 days\nWarranty: 12 months",
            doc.Text);
        var at = doc.Text.IndexOf("30 percent", StringComparison.Ordinal);
        var span = Assert.Single(doc.MapSpan(at, at + "30 percent".Length));
        Assert.Equal(2, span.Unit.Page);
        Assert.Equal("30 percent", span.Unit.Text[span.Start..span.End]);
    }

    [Fact]
    public async Task AChineseTextPdfIsReadWithoutOcr()
    {
        var path = Save("zh.pdf", TestPdf.Text(12, ChineseLines));
        var doc = await new DocumentIngestor().IngestAsync(path);
        var unit = Assert.Single(doc.Units);
        Assert.False(unit.Ocr);
        Assert.Equal("政府采购合同\n甲方:某某市财政局\n合同金额为人民币壹佰万元整\n乙方应在合同签订后三十日内交货", doc.Text);
    }

    [Fact]
    public async Task AScannedPdfWithoutTextIsReadByOcrInChinesePageByPage()
    {
        var text = Save("zh.pdf", TestPdf.Text(12, ChineseLines));
        var blank = (10, 10, Enumerable.Repeat((byte)255, 100).ToArray());
        var scan = Save("scan.pdf", TestPdf.Scan(blank, TestPdf.Rasterize(text, 200)));

        var doc = await new DocumentIngestor().IngestAsync(scan);

        var unit = Assert.Single(doc.Units);
        Assert.True(unit.Ocr);
        Assert.Equal(2, unit.Page);
        var compact = string.Concat(doc.Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("政府采购合同", compact, StringComparison.Ordinal);
        Assert.Contains("乙方应在合同签订后三十日内交货", compact, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-png", "scan.png")]
    [InlineData("-jpeg", "scan.jpg")]
    public async Task PngAndJpegImagesAreReadByOcr(string format, string file)
    {
        var text = Save("zh.pdf", TestPdf.Text(12, ChineseLines));
        TestPdf.Run("pdftoppm", "-r", "300", format, "-singlefile", text, Path.Combine(_dir.FullName, "scan"));

        var doc = await new DocumentIngestor().IngestAsync(Path.Combine(_dir.FullName, file));

        Assert.Equal(SourceFormat.Image, doc.Format);
        Assert.True(Assert.Single(doc.Units).Ocr);
        var compact = string.Concat(doc.Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("政府采购合同", compact, StringComparison.Ordinal);
        Assert.Contains("乙方应在合同签订后三十日内交货", compact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPdftotextIsReportedWithItsDebianPackage()
    {
        var path = Save("contract.pdf", TestPdf.Text(12, ["CONTRACT"]));
        var ingestor = new DocumentIngestor(new IngestionOptions { PdfToTextPath = "/nonexistent/pdftotext" });

        var e = await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(path));

        Assert.Contains("poppler-utils", e.Title.Zh, StringComparison.Ordinal);
        Assert.Contains("apt-get install poppler-utils", e.Title.En, StringComparison.Ordinal);
        Assert.Contains("pdftotext", e.Title.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingTesseractIsReportedWithItsDebianPackages()
    {
        var path = Save("scan.png", [0x89, 0x50, 0x4E, 0x47]);
        var ingestor = new DocumentIngestor(new IngestionOptions { TesseractPath = "/nonexistent/tesseract" });

        var e = await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(path));

        Assert.Contains("tesseract-ocr tesseract-ocr-chi-sim", e.Title.En, StringComparison.Ordinal);
        Assert.Contains("tesseract-ocr-chi-sim", e.Title.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHungToolIsKilledAtTheTimeLimit()
    {
        var script = Save("hang.sh", "#!/bin/sh\nsleep 60\n"u8.ToArray());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Save("contract.pdf", TestPdf.Text(12, ["CONTRACT"]));
        var ingestor = new DocumentIngestor(new IngestionOptions { PdfToTextPath = script, ToolTimeout = TimeSpan.FromSeconds(1) });

        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(path));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Contains("killed", e.Title.En, StringComparison.Ordinal);
        Assert.Contains("已终止", e.Title.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScanLongerThanTheOcrLimitIsRefusedBeforeAnyOcr()
    {
        var blank = (10, 10, Enumerable.Repeat((byte)255, 100).ToArray());
        var scan = Save("scan.pdf", TestPdf.Scan(blank, blank, blank));
        var ingestor = new DocumentIngestor(new IngestionOptions { MaxOcrPages = 2, TesseractPath = "/nonexistent/tesseract" });

        var e = await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(scan));

        Assert.Contains("scan of 3 pages", e.Title.En, StringComparison.Ordinal);
        Assert.Contains("共 3 页", e.Title.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptPdfIsRefusedWithTheToolsReason()
    {
        var path = Save("broken.pdf", "%PDF-1.4\nthis is not a pdf"u8.ToArray());
        var e = await Assert.ThrowsAsync<DomainException>(() => new DocumentIngestor().IngestAsync(path));
        Assert.Contains("pdftotext", e.Title.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFilesAndUnknownTypesAreRefusedAndTextFilesDispatched()
    {
        var ingestor = new DocumentIngestor();
        var empty = Save("empty.docx", []);
        Assert.Contains("0 bytes", (await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(empty))).Title.En, StringComparison.Ordinal);
        var odd = Save("contract.xls", [1, 2, 3]);
        Assert.Contains("Unsupported", (await Assert.ThrowsAsync<DomainException>(() => ingestor.IngestAsync(odd))).Title.En, StringComparison.Ordinal);
        var txt = Save("contract.TXT", "第一条　总则"u8.ToArray());
        Assert.Equal("第一条 总则", (await ingestor.IngestAsync(txt)).Text);
    }

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
