using System.Text;
using Lvyue.Credit;
using Lvyue.Integration;

namespace Lvyue.Disclosure;

/// <summary>A titled table to export: header cells and rows of text cells.</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Footer);

/// <summary>An exported file: bytes, content type and file name.</summary>
public sealed record ExportFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// Exports a published list or the commendation list as .csv (UTF-8 with BOM, opens in Excel), .xlsx or PDF (A4, Chinese
/// font, via <see cref="MiniPdf"/>). The same rows in every format.
/// </summary>
public static class ListExport
{
    public static readonly string[] Formats = ["csv", "xlsx", "pdf"];

    public static ExportFile Write(ExportTable t, string format, string baseName) => format switch
    {
        "csv" => new(Csv(t), "text/csv; charset=utf-8", baseName + ".csv"),
        "xlsx" => new(Xlsx(t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", baseName + ".xlsx"),
        "pdf" => new(Pdf(t), "application/pdf", baseName + ".pdf"),
        _ => throw new Common.DomainException(Common.ErrorKind.Invalid, new Common.Msg($"不支持的格式“{format}”", $"Unsupported format '{format}'"),
            new Dictionary<string, Common.Msg[]> { ["format"] = [new Common.Msg("格式为 csv、xlsx 或 pdf", "The format is csv, xlsx or pdf")] }),
    };

    public static byte[] Csv(ExportTable t)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', t.Header.Select(Cell)).Append("\r\n");
        foreach (var r in t.Rows) sb.AppendJoin(',', r.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(ExportTable t)
    {
        using var ms = new MemoryStream();
        using (var x = new XlsxStreamWriter(ms))
        {
            x.StartSheet("名单", t.Header.Select(h => Math.Clamp(h.Length * 2.5 + 6, 10, 60)).ToList());
            x.StartRow();
            foreach (var h in t.Header) x.Text(h, XlsxStyle.Header);
            foreach (var r in t.Rows)
            {
                x.StartRow();
                foreach (var c in r) x.Text(c);
            }
            x.Finish();
        }
        return ms.ToArray();
    }

    public static byte[] Pdf(ExportTable t)
    {
        var lines = new List<MiniPdf.Line> { new(t.Title, 16, Center: true), new("", 10) };
        var i = 0;
        foreach (var r in t.Rows)
            lines.Add(new MiniPdf.Line($"{++i}. " + string.Join("；", r.Select((c, k) => $"{t.Header[k]}：{c}").Where((_, k) => r[k].Length > 0)), 10.5f));
        if (t.Rows.Count == 0) lines.Add(new MiniPdf.Line("（本期无）", 10.5f));
        lines.Add(new MiniPdf.Line("", 10));
        lines.AddRange(t.Footer.Select(f => new MiniPdf.Line(f, 9)));
        return MiniPdf.Write(lines);
    }

    private static string Cell(string s)
    {
        // a cell starting with = + - @ would be a formula in a spreadsheet
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
