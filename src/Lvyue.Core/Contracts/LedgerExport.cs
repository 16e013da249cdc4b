using System.Globalization;
using System.Text;
using CsvHelper;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>
/// Exports the filtered ledger (within the caller's tenancy, in the filter's sort order) to .xlsx or
/// .csv on a stream. Rows come from one streamed query (no paging, so a million rows cost one sort)
/// and are written as they arrive: the .xlsx by <see cref="XlsxStreamWriter"/> straight into the zip
/// stream (NPOI 2.4.1's SXSSF cannot write with the SharpZipLib this build resolves), the .csv as UTF-8 with a BOM so that Excel shows the Chinese.
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

    private static readonly double[] Widths = [20, 40, 28, 8, 14, 12, 18, 12, 12, 12, 10, 10, 8, 40];

    /// <summary>Writes the .xlsx; returns the number of contracts written.</summary>
    public async Task<int> WriteXlsxAsync(LedgerFilter filter, Stream output, CancellationToken ct = default)
    {
        using var xlsx = new XlsxStreamWriter(output);
        var count = 0;
        NewSheet(xlsx, "合同台账");
        await foreach (var row in Rows(filter).WithCancellation(ct))
        {
            if (xlsx.RowsInSheet > MaxRowsPerSheet) NewSheet(xlsx, $"合同台账({count / MaxRowsPerSheet + 1})");
            xlsx.StartRow();
            xlsx.Text(row.Number);
            xlsx.Text(row.Title);
            xlsx.Text(row.BudgetUnit);
            xlsx.Text(Labels.Categories[row.Category].Zh);
            xlsx.Text(row.Subcategory);
            xlsx.Text(Labels.Methods[row.Method].Zh);
            xlsx.Number(row.Amount, XlsxStyle.Money);
            xlsx.Date(row.SignDate);
            xlsx.Date(row.StartDate);
            xlsx.Date(row.EndDate);
            xlsx.Text(Labels.Statuses[row.Status].Zh);
            xlsx.Text(row.FilingRequired ? "应备案" : "自愿备案");
            xlsx.Text(row.IsKeyProject ? "是" : "否");
            xlsx.Text(row.Suppliers);
            count++;
        }
        xlsx.Finish();
        await output.FlushAsync(ct);
        return count;
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
    public IAsyncEnumerable<LedgerRow> Rows(LedgerFilter filter) => new LedgerQuery(db).Ordered(filter).AsAsyncEnumerable();

    private static void NewSheet(XlsxStreamWriter xlsx, string name)
    {
        xlsx.StartSheet(name, Widths);
        xlsx.StartRow();
        foreach (var h in Headers) xlsx.Text(h, XlsxStyle.Header);
    }
}
