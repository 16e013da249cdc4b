using System.Net;
using System.Text;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/contracts/export: the filtered ledger as .xlsx (opened here with NPOI) and .csv, within the caller's tenancy.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_ExportsTheFilteredLedgerToAnXlsxThatNpoiOpens(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var tag = "导出" + Guid.NewGuid().ToString("N")[..6];
        using var clerk = await app.LoginAsync("clerk");
        var first = facts.Contract(DemoFacts.NewNumber("XL"), 123_456.78m, $"{tag}办公家具采购合同");
        var second = facts.Contract(DemoFacts.NewNumber("XL"), 98_000m, $"{tag}保安服务合同");
        await ApiSteps.CreateAsync(clerk, first);
        await ApiSteps.CreateAsync(clerk, second);
        using var clerk2 = await app.LoginAsync("clerk2");
        var hidden = facts.OtherContract(DemoFacts.NewNumber("XL")) with { Title = $"{tag}其他单位的合同" };
        await ApiSteps.CreateAsync(clerk2, hidden);

        using var response = await clerk.Client.GetAsync("/api/v1/contracts/export?format=xlsx&q=" + Uri.EscapeDataString(tag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(LedgerExport.Headers, rows[0].Select(c => c.ToString()));
        var data = rows.Skip(1).ToDictionary(r => r[0].ToString()!);
        Assert.Equal(new[] { first.Number!, second.Number! }.Order(), data.Keys.Order());
        Assert.Equal(first.Title, data[first.Number!][1]);
        Assert.Equal(facts.UnitName, data[first.Number!][2]);
        Assert.Equal(123_456.78, (double)data[first.Number!][6], 2);
        Assert.Equal(new DateTime(2026, 2, 20), data[first.Number!][7]);
        Assert.Equal("草稿", data[first.Number!][10]);
        Assert.Equal(facts.SupplierName, data[first.Number!][13]);
    }

    [Theory, BothDatabases]
    public async Task Api_ExportsExactlyTheRowsTheLedgerFilterMatches(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");
        var ledger = await supervisor.GetOkAsync("/api/v1/contracts?status=Filed&pageSize=500");

        using var response = await supervisor.Client.GetAsync("/api/v1/contracts/export?format=xlsx&status=Filed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReadXlsx(await response.Content.ReadAsByteArrayAsync()).Skip(1).ToList();
        Assert.True(rows.Count > 0, "the demo has filed contracts");
        Assert.Equal(ContractsApiTests.Rows(ledger).Select(r => r["number"]!.GetValue<string>()).Order(), rows.Select(r => r[0].ToString()!).Order());
        Assert.All(rows, r => Assert.Equal("已备案", r[10]));
    }

    [Theory, BothDatabases]
    public async Task Api_ExportsTheLedgerAsUtf8CsvWithABom(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var input = facts.Contract(DemoFacts.NewNumber("CSV"), 45_678.9m, "青少年宫空调维修服务合同，含配件");
        await ApiSteps.CreateAsync(clerk, input);

        using var response = await clerk.Client.GetAsync("/api/v1/contracts/export?format=csv&q=" + Uri.EscapeDataString(input.Number!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', LedgerExport.Headers), lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"{input.Number},青少年宫空调维修服务合同，含配件,{facts.UnitName},", row);
        Assert.Contains(",45678.90,", row);
    }

    /// <summary>The first sheet's cells: strings as strings, numbers as doubles, dates as <see cref="DateTime"/>.</summary>
    internal static List<List<object>> ReadXlsx(byte[] bytes)
    {
        var workbook = new XSSFWorkbook(new MemoryStream(bytes));
        var sheet = workbook.GetSheetAt(0);
        var rows = new List<List<object>>();
        for (var i = sheet.FirstRowNum; i <= sheet.LastRowNum; i++)
        {
            var row = sheet.GetRow(i);
            if (row is null) continue;
            var cells = new List<object>();
            for (var c = 0; c < row.LastCellNum; c++)
            {
                var cell = row.GetCell(c);
                cells.Add(cell?.CellType switch
                {
                    CellType.Numeric when DateUtil.IsCellDateFormatted(cell) => cell.DateCellValue,
                    CellType.Numeric => cell.NumericCellValue,
                    null or CellType.Blank => "",
                    _ => cell.StringCellValue,
                });
            }
            rows.Add(cells);
        }
        return rows;
    }
}
