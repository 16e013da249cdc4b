using System.Globalization;
using System.IO.Compression;
using System.Text;
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
        using var rows = SheetRows().GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception e) when (e is XmlException or InvalidDataException)
            {
                throw new TabularFormatException(new Msg("Excel文件内容已损坏，无法读取", "The Excel workbook is damaged and cannot be read"), e);
            }
            var (number, cells) = rows.Current;
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

    /// <summary>Loads the &lt;si&gt; items: the concatenated &lt;t&gt; runs, without phonetic (&lt;rPh&gt;) runs.</summary>
    private void LoadSharedStrings()
    {
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is not null)
        {
            using var r = XmlReader.Create(entry.Open(), Settings);
            var text = new StringBuilder();
            bool inT = false, inPhonetic = false;
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Element:
                        switch (r.LocalName)
                        {
                            case "si": text.Clear(); if (r.IsEmptyElement) _strings.Add(""); break;
                            case "t": inT = !r.IsEmptyElement; break;
                            case "rPh": inPhonetic = !r.IsEmptyElement; break;
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (inT && !inPhonetic) text.Append(r.Value);
                        break;
                    case XmlNodeType.EndElement:
                        switch (r.LocalName)
                        {
                            case "si": _strings.Add(text.ToString()); break;
                            case "t": inT = false; break;
                            case "rPh": inPhonetic = false; break;
                        }
                        break;
                }
            }
        }
        _strings.Complete();
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

    /// <summary>
    /// The rows of the sheet, read as a flat walk over the XML nodes (no subtree readers, which would
    /// cost allocations per cell): a cell's value is its &lt;v&gt; text or its inline &lt;is&gt;&lt;t&gt; runs.
    /// </summary>
    private IEnumerable<(int Number, string?[] Cells)> SheetRows()
    {
        var entry = _zip.GetEntry(_sheetPath) ?? throw NotAWorkbook();
        using var r = XmlReader.Create(entry.Open(), Settings);
        var cells = new List<string?>();
        var value = new StringBuilder();
        int number = 0, col = 0, next = 0, style = 0;
        string? type = null;
        bool inRow = false, inV = false, inT = false, inPhonetic = false, hasValue = false;
        while (r.Read())
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    switch (r.LocalName)
                    {
                        case "row":
                            number = int.TryParse(r.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : number + 1;
                            cells.Clear();
                            next = 0;
                            if (r.IsEmptyElement) yield return (number, []);
                            else inRow = true;
                            break;
                        case "c" when inRow:
                            col = ColumnIndex(r.GetAttribute("r")) ?? next;
                            next = col + 1;
                            type = r.GetAttribute("t");
                            style = int.TryParse(r.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var st) ? st : 0;
                            value.Clear();
                            hasValue = false;
                            if (r.IsEmptyElement) Put(cells, col, null);
                            break;
                        case "v": inV = !r.IsEmptyElement; hasValue = true; break;
                        case "t": inT = !r.IsEmptyElement; hasValue = true; break;
                        case "rPh": inPhonetic = !r.IsEmptyElement; break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inV || (inT && !inPhonetic)) value.Append(r.Value);
                    break;
                case XmlNodeType.EndElement:
                    switch (r.LocalName)
                    {
                        case "v": inV = false; break;
                        case "t": inT = false; break;
                        case "rPh": inPhonetic = false; break;
                        case "c" when inRow: Put(cells, col, hasValue ? Convert(type, style, value.ToString()) : null); break;
                        case "row":
                            inRow = false;
                            yield return (number, cells.ToArray());
                            break;
                    }
                    break;
            }
        }
    }

    private static void Put(List<string?> cells, int col, string? value)
    {
        while (cells.Count < col) cells.Add(null);
        if (cells.Count == col) cells.Add(value);
        else cells[col] = value;
    }

    private string? Convert(string? type, int style, string raw)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? _strings.Get(i) : null;
            case "inlineStr" or "str" or "e":
                return raw;
            case "b":
                return raw.Trim() == "1" ? "TRUE" : "FALSE";
            default:
                if (raw.Length == 0) return null;
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
