using System.Globalization;
using System.Text;
using CsvHelper;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;
using NPOI.SS.UserModel;
using NPOI.XSSF.Streaming;
using NPOI.XSSF.UserModel;

namespace Lvyue.Contracts;

/// <summary>
/// Exports the filtered ledger (within the caller's tenancy, in the filter's sort order) to .xlsx or
/// .csv on a stream. Rows come from one streamed query (no paging, so a million rows cost one sort)
/// and are written as they arrive: the .xlsx through NPOI's streaming SXSSF workbook, which keeps
/// only a window of rows in memory; the .csv as UTF-8 with a BOM so that Excel shows the Chinese.
/// Amounts are numbers formatted ¥#,##0.00, dates are dates.
/// </summary>
public sealed class LedgerExport(LvyueDbContext db)
{
    /// <summary>Rows per sheet: Excel's limit of 1,048,576 rows less the header; more rows continue on another sheet.</summary>
    public const int MaxRowsPerSheet = 1_048_575;

    public static readonly IReadOnlyList<string> Headers =
    [
        "合同编号", "合同名称", "采购单位", "合同类别", "合同小类", "采购方式", "合同金额（元）",
        "签订日期", "履行开始日期", "履行结束日期", "状态", "备案要求", "重点项目", "供应商",
    ];

    private static readonly int[] Widths = [20, 40, 28, 8, 14, 12, 18, 12, 12, 12, 10, 10, 8, 40];

    /// <summary>Writes the .xlsx; returns the number of contracts written.</summary>
    public async Task<int> WriteXlsxAsync(LedgerFilter filter, Stream output, CancellationToken ct = default)
    {
        var wb = new SXSSFWorkbook(new XSSFWorkbook(), 200);
        try
        {
            var fmt = wb.CreateDataFormat();
            var font = wb.CreateFont();
            font.IsBold = true;
            var header = wb.CreateCellStyle();
            header.SetFont(font);
            header.FillForegroundColor = IndexedColors.Grey25Percent.Index;
            header.FillPattern = FillPattern.SolidForeground;
            var money = wb.CreateCellStyle();
            money.DataFormat = fmt.GetFormat("\"¥\"#,##0.00");
            var date = wb.CreateCellStyle();
            date.DataFormat = fmt.GetFormat("yyyy-mm-dd");

            ISheet? sheet = null;
            var r = 0;
            var count = 0;
            await foreach (var row in Rows(filter).WithCancellation(ct))
            {
                if (sheet is null || r > MaxRowsPerSheet)
                {
                    sheet = NewSheet(wb, header, wb.NumberOfSheets == 0 ? "合同台账" : $"合同台账({wb.NumberOfSheets + 1})");
                    r = 1;
                }
                var x = sheet.CreateRow(r++);
                x.CreateCell(0).SetCellValue(row.Number);
                x.CreateCell(1).SetCellValue(row.Title);
                x.CreateCell(2).SetCellValue(row.BudgetUnit);
                x.CreateCell(3).SetCellValue(Labels.Categories[row.Category].Zh);
                x.CreateCell(4).SetCellValue(row.Subcategory);
                x.CreateCell(5).SetCellValue(Labels.Methods[row.Method].Zh);
                var amount = x.CreateCell(6);
                amount.SetCellValue((double)row.Amount);
                amount.CellStyle = money;
                DateCell(x, 7, row.SignDate, date);
                DateCell(x, 8, row.StartDate, date);
                DateCell(x, 9, row.EndDate, date);
                x.CreateCell(10).SetCellValue(Labels.Statuses[row.Status].Zh);
                x.CreateCell(11).SetCellValue(row.FilingRequired ? "应备案" : "自愿备案");
                x.CreateCell(12).SetCellValue(row.IsKeyProject ? "是" : "否");
                x.CreateCell(13).SetCellValue(row.Suppliers);
                count++;
            }
            sheet ??= NewSheet(wb, header, "合同台账");
            wb.Write(new KeepOpenStream(output));
            await output.FlushAsync(ct);
            return count;
        }
        finally
        {
            wb.Dispose(); // deletes SXSSF's temporary sheet files
        }
    }

    /// <summary>Writes the .csv (UTF-8 with BOM, comma-separated, amounts as plain numbers); returns the number of contracts written.</summary>
    public async Task<int> WriteCsvAsync(LedgerFilter filter, Stream output, CancellationToken ct = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in Headers) csv.WriteField(h);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in Rows(filter).WithCancellation(ct))
        {
            csv.WriteField(row.Number);
            csv.WriteField(row.Title);
            csv.WriteField(row.BudgetUnit);
            csv.WriteField(Labels.Categories[row.Category].Zh);
            csv.WriteField(row.Subcategory);
            csv.WriteField(Labels.Methods[row.Method].Zh);
            csv.WriteField(row.Amount.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(row.SignDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(Labels.Statuses[row.Status].Zh);
            csv.WriteField(row.FilingRequired ? "应备案" : "自愿备案");
            csv.WriteField(row.IsKeyProject ? "是" : "否");
            csv.WriteField(row.Suppliers);
            await csv.NextRecordAsync();
            count++;
        }
        await csv.FlushAsync();
        return count;
    }

    /// <summary>The filtered rows in the ledger's sort order, as one streamed query.</summary>
    public IAsyncEnumerable<LedgerRow> Rows(LedgerFilter filter) =>
        Sorted(new LedgerQuery(db).Filtered(filter), filter).Select(c => new LedgerRow(
            c.Id, c.Number, c.Title, c.BudgetUnit!.Name, c.Category, c.Subcategory!.Name, c.ProcurementMethod,
            c.Amount, c.SignDate, c.StartDate, c.EndDate, c.Status, c.FilingRequired, c.IsKeyProject,
            string.Join("、", c.Suppliers.OrderBy(s => s.SortOrder).Select(s => s.Supplier!.Name)))).AsAsyncEnumerable();

    /// <summary>The same orders as the ledger page (<see cref="LedgerQuery"/>).</summary>
    private static IQueryable<Contract> Sorted(IQueryable<Contract> q, LedgerFilter f) => (f.Sort?.ToLowerInvariant(), f.Desc) switch
    {
        ("amount", true) => q.OrderByDescending(c => c.Amount).ThenByDescending(c => c.Id),
        ("amount", false) => q.OrderBy(c => c.Amount).ThenBy(c => c.Id),
        ("number", true) => q.OrderByDescending(c => c.Number).ThenByDescending(c => c.Id),
        ("number", false) => q.OrderBy(c => c.Number).ThenBy(c => c.Id),
        ("title", true) => q.OrderByDescending(c => c.Title).ThenByDescending(c => c.Id),
        ("title", false) => q.OrderBy(c => c.Title).ThenBy(c => c.Id),
        ("status", true) => q.OrderByDescending(c => c.Status).ThenByDescending(c => c.Id),
        ("status", false) => q.OrderBy(c => c.Status).ThenBy(c => c.Id),
        ("created", true) => q.OrderByDescending(c => c.Id),
        ("created", false) => q.OrderBy(c => c.Id),
        (_, false) => q.OrderBy(c => c.SignDate).ThenBy(c => c.Id),
        _ => q.OrderByDescending(c => c.SignDate).ThenByDescending(c => c.Id),
    };

    private static ISheet NewSheet(IWorkbook wb, ICellStyle header, string name)
    {
        var sheet = wb.CreateSheet(name);
        var row = sheet.CreateRow(0);
        for (var i = 0; i < Headers.Count; i++)
        {
            var cell = row.CreateCell(i);
            cell.SetCellValue(Headers[i]);
            cell.CellStyle = header;
            sheet.SetColumnWidth(i, Widths[i] * 256);
        }
        sheet.CreateFreezePane(0, 1);
        return sheet;
    }

    private static void DateCell(IRow row, int col, DateOnly? value, ICellStyle style)
    {
        var cell = row.CreateCell(col);
        if (value is not { } d) return;
        cell.SetCellValue(d.ToDateTime(TimeOnly.MinValue));
        cell.CellStyle = style;
    }
}
