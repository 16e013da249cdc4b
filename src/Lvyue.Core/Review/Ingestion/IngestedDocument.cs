using System.Text;

namespace Lvyue.Review.Ingestion;

/// <summary>The kind of file a document was read from.</summary>
public enum SourceFormat
{
    /// <summary>Plain text (UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK).</summary>
    Text,

    /// <summary>Word 2007+ (.docx).</summary>
    Docx,

    /// <summary>PDF, read by pdftotext or, when it has (almost) no text layer, by OCR.</summary>
    Pdf,

    /// <summary>A PNG or JPEG image, read by OCR.</summary>
    Image,
}

/// <summary>
/// A contract document as one normalized text (<see cref="TextNormalizer"/>) with a map from every span back to the
/// piece of the original it came from (line, paragraph, table cell, header, footer, text box or page) and the character
/// offsets in that piece, so that a UI can highlight a value where the user sees it.
/// <para>
/// Before normalization the pieces are joined in reading order: the cells of one table row by a tab, everything else
/// by a line break. Normalization folds whitespace, so in <see cref="Text"/> a row reads as its cells separated by
/// single spaces on one line; <see cref="RawText"/> keeps the tabs.
/// </para>
/// </summary>
public sealed class IngestedDocument
{
    private readonly int[] _unitStarts;

    internal IngestedDocument(SourceFormat format, IReadOnlyList<SourceUnit> units)
    {
        Format = format;
        Units = units;
        _unitStarts = new int[units.Count];
        var raw = new StringBuilder();
        for (var i = 0; i < units.Count; i++)
        {
            if (i > 0) raw.Append(SameRow(units[i - 1], units[i]) ? '\t' : '\n');
            _unitStarts[i] = raw.Length;
            raw.Append(units[i].Text);
        }
        Normalized = TextNormalizer.Normalize(raw.ToString());
    }

    /// <summary>The kind of file the document was read from.</summary>
    public SourceFormat Format { get; }

    /// <summary>The pieces of the original in reading order.</summary>
    public IReadOnlyList<SourceUnit> Units { get; }

    /// <summary>The normalized text with its map to <see cref="RawText"/>.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>The normalized text that parsers and extractors read.</summary>
    public string Text => Normalized.Text;

    /// <summary>The pieces' texts joined before normalization (row cells by a tab, the rest by a line break).</summary>
    public string RawText => Normalized.Source;

    /// <summary>
    /// The piece and the offset in its text where the normalized character at <paramref name="index"/> comes from. A
    /// space or line break that normalization made from the gap between two pieces maps to the end of the earlier one.
    /// </summary>
    public (SourceUnit Unit, int Offset) Locate(int index)
    {
        var (start, _) = Normalized.SourceSpanOf(index);
        var u = UnitAt(start);
        return (Units[u], Math.Min(start - _unitStarts[u], Units[u].Text.Length));
    }

    /// <summary>
    /// The spans of the original that the normalized span [<paramref name="start"/>, <paramref name="end"/>) covers, one
    /// per piece it touches, in reading order. An empty span gives one empty span at its position; an empty document
    /// gives none.
    /// </summary>
    public IReadOnlyList<SourceSpan> MapSpan(int start, int end)
    {
        var (s, e) = Normalized.ToSourceSpan(start, end);
        if (Units.Count == 0) return [];
        var spans = new List<SourceSpan>();
        if (s == e)
        {
            var u = UnitAt(s);
            var at = Math.Min(s - _unitStarts[u], Units[u].Text.Length);
            spans.Add(new SourceSpan(Units[u], at, at));
            return spans;
        }
        for (var u = UnitAt(s); u < Units.Count && _unitStarts[u] < e; u++)
        {
            var unitStart = _unitStarts[u];
            var unitEnd = unitStart + Units[u].Text.Length;
            if (unitEnd <= s) continue;
            spans.Add(new SourceSpan(Units[u], Math.Max(s, unitStart) - unitStart, Math.Min(e, unitEnd) - unitStart));
        }
        return spans;
    }

    private int UnitAt(int rawOffset)
    {
        var i = Array.BinarySearch(_unitStarts, rawOffset);
        if (i < 0) i = ~i - 1;
        return Math.Max(i, 0);
    }

    private static bool SameRow(SourceUnit a, SourceUnit b) =>
        a.Kind == SourceUnitKind.TableCell && b.Kind == SourceUnitKind.TableCell && a.Table == b.Table && a.Row == b.Row;
}
