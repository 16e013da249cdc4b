using System.Globalization;
using System.Text;
using CsvHelper;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using NPOI.SS.UserModel;

namespace Lvyue.Tests.Contracts;

/// <summary>Export of the filtered ledger to .xlsx and .csv, read back as a user's spreadsheet program would, on both databases.</summary>
public sealed class LedgerExportTests
{
    [Theory, BothDatabases]
    public async Task Xlsx_OfAFilteredSet_ReopensWithTheRowsAmountsAsMoneyAndDatesAsDates(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sample = await LedgerSample.CreateAsync(db);
        await using var s = db.Scope(sample.World.Supervisor);
        using var ms = new MemoryStream();

        var n = await new LedgerExport(s.Db).WriteXlsxAsync(new LedgerFilter { Category = Category.Services, Sort = "amount" }, ms);

        Assert.Equal(2, n);
        var wb = ImportFiles.Open(ms.ToArray());
        var sheet = wb.GetSheetAt(0);
        Assert.Equal("合同台账", sheet.SheetName);
        Assert.Equal(LedgerExport.Headers, Enumerable.Range(0, LedgerExport.Headers.Count).Select(i => sheet.GetRow(0).GetCell(i).StringCellValue));
        Assert.Equal(2, sheet.LastRowNum);
        var first = sheet.GetRow(1);
        Assert.Equal("WJ-002", first.GetCell(0).StringCellValue); // 35,000 before 9,000: amount, descending
        Assert.Equal(sample.Greening.Title, first.GetCell(1).StringCellValue);
        Assert.Equal(sample.World.OtherUnit.Name, first.GetCell(2).StringCellValue);
        Assert.Equal("服务", first.GetCell(3).StringCellValue);
        var amount = first.GetCell(6);
        Assert.Equal(CellType.Numeric, amount.CellType);
        Assert.Equal(35_000d, amount.NumericCellValue);
        Assert.Contains("¥", amount.CellStyle.GetDataFormatString());
        var sign = first.GetCell(7);
        Assert.True(DateUtil.IsCellDateFormatted(sign));
        Assert.Equal(new DateTime(2026, 3, 1), sign.DateCellValue);
        Assert.Equal("草稿", first.GetCell(10).StringCellValue);
        Assert.Equal(sample.World.Supplier.Name, first.GetCell(13).StringCellValue);
        Assert.Equal("JY-001", sheet.GetRow(2).GetCell(0).StringCellValue);
        Assert.Equal("自愿备案", sheet.GetRow(2).GetCell(11).StringCellValue);
    }

    [Theory, BothDatabases]
    public async Task Export_StaysWithinTheCallersTenancy(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sample = await LedgerSample.CreateAsync(db);
        await using var s = db.Scope(sample.World.Clerk);
        using var ms = new MemoryStream();

        var n = await new LedgerExport(s.Db).WriteXlsxAsync(new LedgerFilter(), ms);

        Assert.Equal(2, n);
        var sheet = ImportFiles.Open(ms.ToArray()).GetSheetAt(0);
        Assert.Equal(["JY-002", "JY-001"], new[] { sheet.GetRow(1).GetCell(0).StringCellValue, sheet.GetRow(2).GetCell(0).StringCellValue });
    }

    [Theory, BothDatabases]
    public async Task Csv_IsUtf8WithBomAndHoldsTheFilteredRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sample = await LedgerSample.CreateAsync(db);
        await using var s = db.Scope(sample.World.Supervisor);
        using var ms = new MemoryStream();

        var n = await new LedgerExport(s.Db).WriteCsvAsync(new LedgerFilter { AmountMin = 100_000m, Sort = "amount", Desc = false }, ms);

        Assert.Equal(2, n);
        var bytes = ms.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Parser.Record!);
        Assert.Equal(LedgerExport.Headers, rows[0]);
        Assert.Equal(["JY-002", "WJ-001"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("120000.00", rows[1][6]);
        Assert.Equal("880000.50", rows[2][6]);
        Assert.Equal("2025-12-01", rows[2][7]);
        Assert.Equal("待审批", rows[1][10]);
    }

    [Theory, BothDatabases]
    public async Task Xlsx_OfAnEmptySet_StillHasTheHeaderRow(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sample = await LedgerSample.CreateAsync(db);
        await using var s = db.Scope(sample.World.Supervisor);
        using var ms = new MemoryStream();

        Assert.Equal(0, await new LedgerExport(s.Db).WriteXlsxAsync(new LedgerFilter { Q = "没有这样的合同" }, ms));

        var sheet = ImportFiles.Open(ms.ToArray()).GetSheetAt(0);
        Assert.Equal(0, sheet.LastRowNum);
        Assert.Equal("合同编号", sheet.GetRow(0).GetCell(0).StringCellValue);
    }
}
