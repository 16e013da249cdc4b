namespace Lvyue.Review.Ingestion;

/// <summary>Where the external tools are and how long they may run.</summary>
public sealed class IngestionOptions
{
    /// <summary>pdftotext (Debian package poppler-utils): a file name looked up on PATH, or a path.</summary>
    public string PdfToTextPath { get; init; } = "pdftotext";

    /// <summary>pdftoppm (Debian package poppler-utils), used to rasterize scanned PDF pages for OCR.</summary>
    public string PdfToPpmPath { get; init; } = "pdftoppm";

    /// <summary>tesseract (Debian packages tesseract-ocr and tesseract-ocr-chi-sim).</summary>
    public string TesseractPath { get; init; } = "tesseract";

    /// <summary>
    /// The tesseract languages: Simplified Chinese alone by default, whose model also reads the Latin letters and digits
    /// of codes. Adding English (chi_sim+eng) made the model take Chinese labels for Latin words (甲方（采购人） read as
    /// "FA RIA)") and took ten times as long on the corpus's scans (see corpus/extraction/README.md).
    /// </summary>
    public string OcrLanguages { get; init; } = "chi_sim";

    /// <summary>Resolution at which scanned PDF pages are rasterized for OCR.</summary>
    public int OcrDpi { get; init; } = 300;

    /// <summary>
    /// A PDF whose text layer has fewer non-whitespace characters than this per page on average is taken to be a scan
    /// and read by OCR.
    /// </summary>
    public int MinTextCharsPerPage { get; init; } = 16;

    /// <summary>
    /// The most pages of a scanned PDF that are recognized; a longer scan is refused before any OCR runs, so that the
    /// time one document takes stays bounded (each page costs a pdftoppm and a tesseract run).
    /// </summary>
    public int MaxOcrPages { get; init; } = 100;

    /// <summary>How long one run of an external tool may take before it is killed.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
