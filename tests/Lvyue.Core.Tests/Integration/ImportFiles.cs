using System.Globalization;
using System.Text;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Lvyue.Tests.Integration;

/// <summary>Builds import files for tests: .xlsx written by NPOI (shared strings, real date and number cells) and .csv bytes.</summary>
internal static class ImportFiles
{
    /// <summary>
    /// An .xlsx whose first row is <paramref name="headers"/>. Cells are strings, except
    /// <see cref="decimal"/> (numeric), <see cref="DateOnly"/> (a date-formatted numeric cell) and null (no cell).
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var wb = new XSSFWorkbook();
        var date = wb.CreateCellStyle();
        date.DataFormat = wb.CreateDataFormat().GetFormat("yyyy-mm-dd");
        var sheet = wb.CreateSheet("数据");
        var head = sheet.CreateRow(0);
        for (var i = 0; i < headers.Count; i++) head.CreateCell(i).SetCellValue(headers[i]);
        var r = 1;
        foreach (var values in rows)
        {
            var row = sheet.CreateRow(r++);
            for (var i = 0; i < values.Count; i++)
            {
                switch (values[i])
                {
                    case null: break;
                    case decimal d: row.CreateCell(i).SetCellValue((double)d); break;
                    case DateOnly d:
                        var cell = row.CreateCell(i);
                        cell.SetCellValue(d.ToDateTime(TimeOnly.MinValue));
                        cell.CellStyle = date;
                        break;
                    case var v: row.CreateCell(i).SetCellValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                }
            }
        }
        using var ms = new MemoryStream();
        wb.Write(ms);
        return ms.ToArray();
    }

    /// <summary>CSV text in UTF-8 with a BOM (what "CSV UTF-8" in Excel saves), or in another encoding.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, Encoding? encoding = null)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', headers.Select(Quote))).Append("\r\n");
        foreach (var values in rows)
            sb.Append(string.Join(',', values.Select(v => Quote(v switch
            {
                null => "",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            })))).Append("\r\n");
        encoding ??= new UTF8Encoding(true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Opens an .xlsx with NPOI, as a user's spreadsheet program would.</summary>
    public static IWorkbook Open(byte[] xlsx) => new XSSFWorkbook(new MemoryStream(xlsx));
}
