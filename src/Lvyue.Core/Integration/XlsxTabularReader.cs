using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>
/// Reads the first worksheet of an .xlsx package with <see cref="XmlReader"/> over the zip entry,
/// one row at a time (no DOM of the sheet is ever built). Numbers are given in invariant culture,
/// cells with a date format as <c>yyyy-MM-dd</c>, booleans as TRUE/FALSE.
/// </summary>
internal sealed class XlsxTabularReader : TabularReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = false, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
    };

    private readonly ZipArchive _zip;
    private readonly SharedStringTable _strings = new();
    private readonly List<bool> _dateStyles = [];
    private readonly string _sheetPath;
    private readonly List<string> _headers = [];
    private int _headerRow;

    public XlsxTabularReader(Stream content)
    {
        try
        {
            _zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new TabularFormatException(new Msg("文件不是有效的Excel（.xlsx）文件，可能已损坏或扩展名与内容不符",
                "The file is not a valid Excel (.xlsx) workbook: it may be damaged or its extension may not match its content"), e);
        }
        try
        {
            _sheetPath = FirstSheetPath();
            LoadStyles();
            LoadSharedStrings();
            ReadHeader();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or FormatException or OverflowException)
        {
            Dispose();
            throw new TabularFormatException(new Msg("Excel文件内容已损坏，无法读取", "The Excel workbook is damaged and cannot be read"), e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override IEnumerable<TabularRow> Rows()
    {
        foreach (var (number, cells) in SheetRows())
        {
            if (number <= _headerRow) continue;
            var row = new TabularRow(number, cells);
            if (!row.IsEmpty) yield return row;
        }
    }

    public override void Dispose()
    {
        _strings.Dispose();
        _zip?.Dispose();
    }

    private void ReadHeader()
    {
        foreach (var (number, cells) in SheetRows())
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            _headerRow = number;
            _headers.AddRange(cells.Select(c => c?.Trim() ?? ""));
            return;
        }
        throw NoHeader();
    }

    private string FirstSheetPath()
    {
        var wb = _zip.GetEntry("xl/workbook.xml") ?? throw NotAWorkbook();
        string? relId = null;
        using (var r = XmlReader.Create(wb.Open(), Settings))
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet" && r.NamespaceURI == MainNs)
                {
                    relId = r.GetAttribute("id", RelNs);
                    break;
                }
            }
        }
        if (relId is null) throw new TabularFormatException(new Msg("Excel文件中没有工作表", "The workbook has no worksheet"));
        var rels = _zip.GetEntry("xl/_rels/workbook.xml.rels") ?? throw NotAWorkbook();
        using (var r = XmlReader.Create(rels.Open(), Settings))
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") == relId)
                {
                    var target = r.GetAttribute("Target") ?? "";
                    var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                    if (_zip.GetEntry(path) is null) break;
                    return path;
                }
            }
        }
        throw new TabularFormatException(new Msg("Excel文件中没有工作表", "The workbook has no worksheet"));
    }

    private static TabularFormatException NotAWorkbook() => new(new Msg(
        "文件不是Excel工作簿（缺少 xl/workbook.xml），请使用 .xlsx 文件",
        "The file is not an Excel workbook (xl/workbook.xml is missing): use an .xlsx file"));

    private void LoadSharedStrings()
    {
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is not null)
        {
            using var r = XmlReader.Create(entry.Open(), Settings);
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "si") _strings.Add(ReadText(r));
            }
        }
        _strings.Complete();
    }

    /// <summary>
    /// Concatenates the &lt;t&gt; runs of an &lt;si&gt; or &lt;is&gt; element, skipping phonetic runs. Reads a
    /// subtree, so the outer reader is left on the element's end and its next Read is safe.
    /// </summary>
    private static string ReadText(XmlReader r)
    {
        var sb = new System.Text.StringBuilder();
        using var sub = r.ReadSubtree();
        sub.Read();
        while (!sub.EOF)
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "rPh") { sub.Skip(); continue; }
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "t") { sb.Append(sub.ReadElementContentAsString()); continue; }
            sub.Read();
        }
        return sb.ToString();
    }

    private void LoadStyles()
    {
        var entry = _zip.GetEntry("xl/styles.xml");
        if (entry is null) return;
        var custom = new Dictionary<int, string>();
        using var r = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                if (r.LocalName == "numFmt" && int.TryParse(r.GetAttribute("numFmtId"), out var id))
                    custom[id] = r.GetAttribute("formatCode") ?? "";
                else if (r.LocalName == "cellXfs") inCellXfs = !r.IsEmptyElement;
                else if (r.LocalName == "xf" && inCellXfs)
                {
                    int.TryParse(r.GetAttribute("numFmtId"), out var fmt);
                    _dateStyles.Add(custom.TryGetValue(fmt, out var code) ? IsDateFormat(code) : IsBuiltInDate(fmt));
                }
            }
            else if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inCellXfs = false;
        }
    }

    /// <summary>Built-in date formats, including the CJK ones (27–36, 50–58) Chinese Excel uses.</summary>
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateFormat(string code)
    {
        var inQuote = false;
        var inBracket = false;
        foreach (var ch in code)
        {
            if (ch == '"') inQuote = !inQuote;
            else if (!inQuote && ch == '[') inBracket = true;
            else if (!inQuote && ch == ']') inBracket = false;
            else if (!inQuote && !inBracket && "yYmMdDhHsS年月日".Contains(ch)) return true;
        }
        return false;
    }

    private IEnumerable<(int Number, string?[] Cells)> SheetRows()
    {
        var entry = _zip.GetEntry(_sheetPath) ?? throw NotAWorkbook();
        using var r = XmlReader.Create(entry.Open(), Settings);
        var sequential = 0;
        var cells = new List<string?>();
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "row") continue;
            sequential = int.TryParse(r.GetAttribute("r"), out var n) ? n : sequential + 1;
            cells.Clear();
            if (!r.IsEmptyElement)
            {
                var depth = r.Depth;
                var next = 0;
                while (r.Read() && r.Depth > depth)
                {
                    if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
                    var col = ColumnIndex(r.GetAttribute("r")) ?? next;
                    next = col + 1;
                    var value = ReadCell(r);
                    while (cells.Count < col) cells.Add(null);
                    cells.Add(value);
                }
            }
            yield return (sequential, cells.ToArray());
        }
    }

    private string? ReadCell(XmlReader r)
    {
        var type = r.GetAttribute("t");
        int.TryParse(r.GetAttribute("s"), out var style);
        string? raw = null;
        string? inline = null;
        using (var sub = r.ReadSubtree())
        {
            sub.Read();
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "v") { raw = sub.ReadElementContentAsString(); continue; }
                if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "is") { inline = ReadText(sub); }
                sub.Read();
            }
        }
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? _strings.Get(i) : null;
            case "inlineStr":
                return inline;
            case "str" or "e":
                return raw;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            default:
                if (raw is null) return null;
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return raw;
                if (style < _dateStyles.Count && _dateStyles[style] && d is > -657435 and < 2958466)
                {
                    var dt = DateTime.FromOADate(d);
                    return dt.TimeOfDay == TimeSpan.Zero
                        ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                }
                // Excel stores binary doubles (1234.56 may come back as 1234.5599999999999): decimal's
                // conversion keeps 15 significant digits, which restores what the user typed.
                return Math.Abs(d) < 7.9e27 ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : raw;
        }
    }

    /// <summary>Zero-based column index of a cell reference such as "AB12".</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var col = 0;
        var any = false;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') { col = col * 26 + (ch - 'A' + 1); any = true; }
            else if (ch is >= 'a' and <= 'z') { col = col * 26 + (ch - 'a' + 1); any = true; }
            else break;
        }
        return any ? col - 1 : null;
    }
}
