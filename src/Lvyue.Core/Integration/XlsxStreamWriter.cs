using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Lvyue.Integration;

/// <summary>The cell styles of <see cref="XlsxStreamWriter"/>.</summary>
public enum XlsxStyle { Default = 0, Header = 1, Money = 2, Date = 3 }

/// <summary>
/// Writes an .xlsx workbook row by row straight into a zip stream (SpreadsheetML with inline
/// strings), so memory stays flat however many rows are written. NPOI 2.4.1's streaming SXSSF
/// workbook cannot be used here: its Write calls SharpZipLib's <c>ZipFile(string)</c>, which the
/// SharpZipLib 1.4 it resolves to no longer has (MissingMethodException).
/// Styles: a bold grey header, money as ¥#,##0.00, dates as yyyy-mm-dd.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CheckCharacters = true };

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private Stream? _sheetStream;
    private XmlWriter? _xml;
    private int _row, _col;
    private bool _inRow, _finished;

    public XlsxStreamWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>Rows written to the current sheet so far (the header included).</summary>
    public int RowsInSheet => _row;

    /// <summary>Starts a new worksheet (ending the current one) with column widths in characters and a frozen first row.</summary>
    public void StartSheet(string name, IReadOnlyList<double> widths)
    {
        EndSheet();
        _sheets.Add(name);
        _sheetStream = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).Open();
        _xml = XmlWriter.Create(_sheetStream, Settings);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteAttributeString("xmlns", "r", null, Rel);
        _xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        _xml.WriteStartElement("cols", Main);
        for (var i = 0; i < widths.Count; i++)
        {
            _xml.WriteStartElement("col", Main);
            _xml.WriteAttributeString("min", (i + 1).ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("max", (i + 1).ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("width", widths[i].ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("customWidth", "1");
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        _xml.WriteStartElement("sheetData", Main);
        _row = 0;
    }

    public void StartRow()
    {
        var x = Sheet();
        if (_inRow) x.WriteEndElement();
        _inRow = true;
        _row++;
        _col = 0;
        x.WriteStartElement("row", Main);
        x.WriteAttributeString("r", _row.ToString(CultureInfo.InvariantCulture));
    }

    public void Text(string? value, XlsxStyle style = XlsxStyle.Default)
    {
        var x = Cell(style);
        if (string.IsNullOrEmpty(value)) { x.WriteEndElement(); return; }
        x.WriteAttributeString("t", "inlineStr");
        x.WriteStartElement("is", Main);
        x.WriteStartElement("t", Main);
        if (value.Length != value.Trim().Length) x.WriteAttributeString("xml", "space", null, "preserve");
        x.WriteString(Clean(value));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
    }

    public void Number(decimal value, XlsxStyle style = XlsxStyle.Default)
    {
        var x = Cell(style);
        x.WriteElementString("v", Main, value.ToString(CultureInfo.InvariantCulture));
        x.WriteEndElement();
    }

    /// <summary>A date as an Excel serial number in the date style (an empty cell when null).</summary>
    public void Date(DateOnly? value)
    {
        var x = Cell(value is null ? XlsxStyle.Default : XlsxStyle.Date);
        if (value is { } d)
            x.WriteElementString("v", Main, d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
        x.WriteEndElement();
    }

    /// <summary>Ends the last sheet and writes the workbook parts; the zip is complete after this.</summary>
    public void Finish()
    {
        if (_finished) return;
        if (_sheets.Count == 0) StartSheet("Sheet1", []);
        EndSheet();
        Part("[Content_Types].xml", ContentTypes());
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", Workbook());
        Part("xl/_rels/workbook.xml.rels", WorkbookRels());
        Part("xl/styles.xml", Styles);
        _zip.Dispose();
        _finished = true;
    }

    public void Dispose()
    {
        if (_finished) return;
        _xml?.Dispose();
        _sheetStream?.Dispose();
        _zip.Dispose();
        _finished = true;
    }

    private XmlWriter Sheet() => _xml ?? throw new InvalidOperationException("StartSheet first.");

    private XmlWriter Cell(XlsxStyle style)
    {
        var x = Sheet();
        x.WriteStartElement("c", Main);
        x.WriteAttributeString("r", ColumnName(_col++) + _row.ToString(CultureInfo.InvariantCulture));
        if (style != XlsxStyle.Default) x.WriteAttributeString("s", ((int)style).ToString(CultureInfo.InvariantCulture));
        return x;
    }

    private void EndSheet()
    {
        if (_xml is null) return;
        if (_inRow) _xml.WriteEndElement(); // row
        _inRow = false;
        _xml.WriteEndElement(); // sheetData
        _xml.WriteEndElement(); // worksheet
        _xml.WriteEndDocument();
        _xml.Dispose();
        _sheetStream!.Dispose();
        _xml = null;
        _sheetStream = null;
        _col = 0;
    }

    private void Part(string path, string content)
    {
        using var s = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Drops the control characters XML 1.0 cannot carry.</summary>
    private static string Clean(string s)
    {
        foreach (var ch in s)
        {
            if (ch < 0x20 && ch is not ('\t' or '\n' or '\r')) return new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray());
        }
        return s;
    }

    private string ContentTypes()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= _sheets.Count; i++)
            sb.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        return sb.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var sb = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Rel}"><workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append($"""<sheet name="{System.Security.SecurityElement.Escape(_sheets[i])}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        return sb.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= _sheets.Count; i++)
            sb.Append($"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        sb.Append($"""<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
