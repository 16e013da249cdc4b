using Lvyue.Common;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Reads PDFs and images with Debian's command-line tools. A PDF's text layer is read with <c>pdftotext -layout</c>
/// (poppler-utils) writing to standard output, one <see cref="SourceUnitKind.Page"/> unit per form-feed separated page.
/// When the text layer has (almost) no text (<see cref="IngestionOptions.MinTextCharsPerPage"/>), the PDF is taken to be
/// a scan: each page in turn (the page count is the form feeds pdftotext wrote) is rasterized with <c>pdftoppm</c> and recognized with <c>tesseract … stdout -l chi_sim</c> (<see cref="IngestionOptions.OcrLanguages"/>)
/// (tesseract-ocr, tesseract-ocr-chi-sim). A PNG or JPEG image is recognized directly. Every tool runs under
/// <see cref="IngestionOptions.ToolTimeout"/>.
/// </summary>
public sealed class PdfReader(IngestionOptions options)
{
    private const string Poppler = "poppler-utils";
    private const string Tesseract = "tesseract-ocr tesseract-ocr-chi-sim";

    /// <summary>Reads the PDF at <paramref name="path"/>.</summary>
    public async Task<IngestedDocument> ReadPdfAsync(string path, CancellationToken ct = default)
    {
        var text = await ExternalTool.RunAsync(options.PdfToTextPath, Poppler,
            ["-layout", "-enc", "UTF-8", path, "-"], options.ToolTimeout, ct).ConfigureAwait(false);
        var pages = text.Split('\f');
        if (pages.Length > 1 && pages[^1].Trim().Length == 0) pages = pages[..^1];
        var chars = text.Count(c => !char.IsWhiteSpace(c));
        if (chars >= options.MinTextCharsPerPage * pages.Length)
        {
            var units = new List<SourceUnit>();
            var widest = PdfLines.Widest(text);
            for (var i = 0; i < pages.Length; i++)
                if (pages[i].Trim().Length > 0)
                    units.Add(new SourceUnit { Kind = SourceUnitKind.Page, Text = PdfLines.Unwrap(pages[i], widest), Page = i + 1 });
            return new IngestedDocument(SourceFormat.Pdf, units);
        }
        if (pages.Length > options.MaxOcrPages)
            throw new DomainException(ErrorKind.Invalid, new Msg(
                $"该 PDF 为扫描件，共 {pages.Length} 页，超过文字识别上限 {options.MaxOcrPages} 页",
                $"The PDF is a scan of {pages.Length} pages, more than the {options.MaxOcrPages} pages OCR reads"));
        return new IngestedDocument(SourceFormat.Pdf, await OcrPdfAsync(path, pages.Length, ct).ConfigureAwait(false));
    }

    /// <summary>Recognizes the text of the PNG or JPEG image at <paramref name="path"/>.</summary>
    public async Task<IngestedDocument> ReadImageAsync(string path, CancellationToken ct = default)
    {
        var text = await OcrAsync(path, ct).ConfigureAwait(false);
        List<SourceUnit> units = text.Trim().Length == 0 ? [] : [new SourceUnit { Kind = SourceUnitKind.Page, Text = text, Page = 1, Ocr = true }];
        return new IngestedDocument(SourceFormat.Image, units);
    }

    private async Task<List<SourceUnit>> OcrPdfAsync(string path, int pageCount, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-ocr-");
        try
        {
            // One page at a time: each pdftoppm and tesseract run has its own time limit, and only one page image is on
            // disk at once.
            var image = Path.Combine(dir.FullName, "page");
            var dpi = options.OcrDpi.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var units = new List<SourceUnit>();
            for (var page = 1; page <= pageCount; page++)
            {
                var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ExternalTool.RunAsync(options.PdfToPpmPath, Poppler,
                    ["-r", dpi, "-png", "-f", number, "-l", number, "-singlefile", path, image], options.ToolTimeout, ct)
                    .ConfigureAwait(false);
                var text = await OcrAsync(image + ".png", ct).ConfigureAwait(false);
                File.Delete(image + ".png");
                if (text.Trim().Length > 0)
                    units.Add(new SourceUnit { Kind = SourceUnitKind.Page, Text = text, Page = page, Ocr = true });
            }
            return units;
        }
        finally
        {
            try { dir.Delete(recursive: true); }
            catch (IOException) { /* a temporary folder left behind is harmless */ }
        }
    }

    private async Task<string> OcrAsync(string imagePath, CancellationToken ct) =>
        // The recognized page is wrapped at the image's width like a PDF page's text: its paragraph lines are joined.
        PdfLines.Unwrap(OcrCleanup.Clean(await ExternalTool.RunAsync(options.TesseractPath, Tesseract,
            [imagePath, "stdout", "-l", options.OcrLanguages], options.ToolTimeout, ct).ConfigureAwait(false)));
}

/// <summary>
/// Reads a contract document by its extension: .txt (<see cref="TextFileReader"/>), .docx (<see cref="DocxReader"/>),
/// .pdf, .png, .jpg and .jpeg (<see cref="PdfReader"/>). Other extensions and empty files are refused with a
/// <see cref="DomainException"/>.
/// </summary>
public sealed class DocumentIngestor(IngestionOptions? options = null)
{
    private readonly PdfReader _pdf = new(options ?? new IngestionOptions());

    /// <summary>Reads the document at <paramref name="path"/>.</summary>
    public async Task<IngestedDocument> IngestAsync(string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw DomainException.NotFound("文件|file");
        if (info.Length == 0)
            throw new DomainException(ErrorKind.Invalid, new Msg("文件为空（0 字节）", "The file is empty (0 bytes)"));
        switch (info.Extension.ToLowerInvariant())
        {
            case ".txt":
                return TextFileReader.Read(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
            case ".docx":
                await using (var stream = File.OpenRead(path))
                    return DocxReader.Read(stream);
            case ".pdf":
                return await _pdf.ReadPdfAsync(path, ct).ConfigureAwait(false);
            case ".png" or ".jpg" or ".jpeg":
                return await _pdf.ReadImageAsync(path, ct).ConfigureAwait(false);
            default:
                throw new DomainException(ErrorKind.Invalid, new Msg(
                    $"不支持的文件类型 {info.Extension}：请上传 .docx、.pdf、.txt、.png 或 .jpg",
                    $"Unsupported file type {info.Extension}: upload .docx, .pdf, .txt, .png or .jpg"));
        }
    }
}
