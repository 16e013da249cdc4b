namespace Lvyue.Review.Ingestion;

/// <summary>What kind of piece of the original document a <see cref="SourceUnit"/> is.</summary>
public enum SourceUnitKind
{
    /// <summary>A line of a plain-text file (<see cref="SourceUnit.Line"/>).</summary>
    Line,

    /// <summary>A paragraph of a .docx body (<see cref="SourceUnit.Paragraph"/>).</summary>
    Paragraph,

    /// <summary>A cell of a .docx table (<see cref="SourceUnit.Table"/>, <see cref="SourceUnit.Row"/>, <see cref="SourceUnit.Cell"/>).</summary>
    TableCell,

    /// <summary>A paragraph of a .docx header (<see cref="SourceUnit.Part"/>, <see cref="SourceUnit.Paragraph"/>).</summary>
    Header,

    /// <summary>A paragraph of a .docx footer (<see cref="SourceUnit.Part"/>, <see cref="SourceUnit.Paragraph"/>).</summary>
    Footer,

    /// <summary>A paragraph of a .docx text box (<see cref="SourceUnit.TextBox"/>, <see cref="SourceUnit.Paragraph"/>).</summary>
    TextBox,

    /// <summary>A page of a PDF or an image (<see cref="SourceUnit.Page"/>), read as text or by OCR (<see cref="SourceUnit.Ocr"/>).</summary>
    Page,
}

/// <summary>
/// One piece of the original document, with the text read from it. Offsets in <see cref="SourceSpan"/> count UTF-16
/// characters of <see cref="Text"/>. Indexes are 0-based (paragraph, table, row, cell, text box, header/footer part);
/// line and page numbers are 1-based as people count them.
/// </summary>
public sealed record SourceUnit
{
    /// <summary>What the piece is.</summary>
    public required SourceUnitKind Kind { get; init; }

    /// <summary>The text read from the piece, before normalization.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// Number of leading characters of <see cref="Text"/> that the document does not contain as typed text but that
    /// Word renders from automatic numbering (e.g. "第一条 "); 0 when there is none.
    /// </summary>
    public int PrefixLength { get; init; }

    /// <summary>1-based line number of a plain-text file.</summary>
    public int? Line { get; init; }

    /// <summary>1-based page number of a PDF (1 for an image).</summary>
    public int? Page { get; init; }

    /// <summary>0-based index of a paragraph among the paragraphs of its container (body, header or footer part, text box).</summary>
    public int? Paragraph { get; init; }

    /// <summary>0-based index of a table among the tables of the body, in document order (nested tables included).</summary>
    public int? Table { get; init; }

    /// <summary>0-based row index within <see cref="Table"/>.</summary>
    public int? Row { get; init; }

    /// <summary>0-based cell index within <see cref="Row"/>.</summary>
    public int? Cell { get; init; }

    /// <summary>0-based index of a text box in document order.</summary>
    public int? TextBox { get; init; }

    /// <summary>0-based index of a header or footer part in the order the sections reference them.</summary>
    public int? Part { get; init; }

    /// <summary>True when the text was recognized from an image (tesseract) rather than read.</summary>
    public bool Ocr { get; init; }
}

/// <summary>A span of characters [<see cref="Start"/>, <see cref="End"/>) of one <see cref="SourceUnit.Text"/>.</summary>
public sealed record SourceSpan(SourceUnit Unit, int Start, int End);
