using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

namespace Lvyue.Integration;

/// <summary>A block of valid values listed on the template's 填写说明 sheet (e.g. the subcategories).</summary>
public sealed record TemplateValueList(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Writes an import template: a data sheet with the Chinese header row (required columns marked *)
/// and example rows, drop-downs where the values are a short fixed list, text-formatted text columns
/// (so codes keep their leading zeros), and a second sheet 填写说明 explaining each column.
/// </summary>
public static class ImportTemplate
{
    public const string HelpSheet = "填写说明";

    public static void Write(Stream output, string sheetName, IReadOnlyList<ImportColumn> columns,
        IReadOnlyList<IReadOnlyList<string>> examples, IReadOnlyList<TemplateValueList> lists)
    {
        var wb = new XSSFWorkbook();
        var fmt = wb.CreateDataFormat();
        var headerFont = wb.CreateFont();
        headerFont.IsBold = true;
        var requiredFont = wb.CreateFont();
        requiredFont.IsBold = true;
        requiredFont.Color = IndexedColors.Red.Index;
        var header = Style(wb, headerFont, null);
        header.FillForegroundColor = IndexedColors.Grey25Percent.Index;
        header.FillPattern = FillPattern.SolidForeground;
        var requiredHeader = Style(wb, requiredFont, null);
        requiredHeader.FillForegroundColor = IndexedColors.Grey25Percent.Index;
        requiredHeader.FillPattern = FillPattern.SolidForeground;
        var text = Style(wb, null, fmt.GetFormat("@"));
        var date = Style(wb, null, fmt.GetFormat("yyyy-mm-dd"));
        var number = Style(wb, null, fmt.GetFormat("#,##0.00"));

        var sheet = wb.CreateSheet(sheetName);
        var head = sheet.CreateRow(0);
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var cell = head.CreateCell(i);
            cell.SetCellValue(c.Required ? c.Header + "*" : c.Header);
            cell.CellStyle = c.Required ? requiredHeader : header;
            sheet.SetColumnWidth(i, Math.Clamp(c.Header.Length * 2 + 6, 10, 40) * 256);
            if (c.Kind is ImportCellKind.Text or ImportCellKind.YesNo) sheet.SetDefaultColumnStyle(i, text);
            else if (c.Kind == ImportCellKind.Date) sheet.SetDefaultColumnStyle(i, date);
            if (c.Choices is { Count: > 0 } choices)
            {
                var helper = sheet.GetDataValidationHelper();
                var dv = helper.CreateValidation(helper.CreateExplicitListConstraint(choices.ToArray()),
                    new CellRangeAddressList(1, 10000, i, i));
                dv.ShowErrorBox = true;
                dv.CreateErrorBox("无效的值 / Invalid value", "请从下拉列表中选择 / Choose from the list");
                sheet.AddValidationData(dv);
            }
        }
        sheet.CreateFreezePane(0, 1);
        for (var r = 0; r < examples.Count; r++)
        {
            var row = sheet.CreateRow(r + 1);
            for (var i = 0; i < columns.Count && i < examples[r].Count; i++)
            {
                var v = examples[r][i];
                var cell = row.CreateCell(i);
                if (string.IsNullOrEmpty(v)) { cell.CellStyle = columns[i].Kind == ImportCellKind.Date ? date : text; continue; }
                switch (columns[i].Kind)
                {
                    case ImportCellKind.Number when double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d):
                        cell.SetCellValue(d);
                        cell.CellStyle = number;
                        break;
                    case ImportCellKind.Date when DateTime.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var dt):
                        cell.SetCellValue(dt);
                        cell.CellStyle = date;
                        break;
                    default:
                        cell.SetCellValue(v);
                        cell.CellStyle = text;
                        break;
                }
            }
        }
        WriteHelp(wb, header, columns, lists);
        wb.Write(new KeepOpenStream(output));
        wb.Close();
    }

    private static void WriteHelp(XSSFWorkbook wb, ICellStyle header, IReadOnlyList<ImportColumn> columns, IReadOnlyList<TemplateValueList> lists)
    {
        var help = wb.CreateSheet(HelpSheet);
        var r = 0;
        Line(help, r++, header, "列名", "必填", "填写说明", "Column", "Description", "示例 / Example");
        foreach (var c in columns)
            Line(help, r++, null, c.Header, c.Required ? "是" : "否", c.Help, c.HeaderEn, c.HelpEn, c.Example);
        r++;
        Line(help, r++, header, "通用规则 / General rules");
        Line(help, r++, null, "第一行为表头，请勿修改列名；示例行请删除或改为实际数据。/ Keep the header row as it is; replace the example row with real data.");
        Line(help, r++, null, "任何一行有错误时整个文件都不会导入，错误报告会列出行号、列名和原因。/ If any row is wrong nothing is imported; the report names the row, the column and the reason.");
        Line(help, r++, null, "日期格式 yyyy-MM-dd（如 2026-03-01），金额以元为单位。/ Dates as yyyy-MM-dd, amounts in yuan.");
        foreach (var list in lists)
        {
            r++;
            Line(help, r++, header, list.Title);
            Line(help, r++, header, [.. list.Header]);
            foreach (var row in list.Rows) Line(help, r++, null, [.. row]);
        }
        int[] widths = [22, 8, 60, 22, 60, 24];
        for (var i = 0; i < widths.Length; i++) help.SetColumnWidth(i, widths[i] * 256);
    }

    private static void Line(ISheet sheet, int index, ICellStyle? style, params string[] values)
    {
        var row = sheet.CreateRow(index);
        for (var i = 0; i < values.Length; i++)
        {
            var cell = row.CreateCell(i);
            cell.SetCellValue(values[i]);
            if (style is not null) cell.CellStyle = style;
        }
    }

    private static ICellStyle Style(IWorkbook wb, IFont? font, short? format)
    {
        var s = wb.CreateCellStyle();
        if (font is not null) s.SetFont(font);
        if (format is { } f) s.DataFormat = f;
        return s;
    }
}
