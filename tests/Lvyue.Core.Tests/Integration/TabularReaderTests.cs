using System.Text;
using Lvyue.Integration;

namespace Lvyue.Tests.Integration;

/// <summary>The shared reader of .xlsx and .csv files: header, rows with Excel's row numbers, cell formats and encodings.</summary>
public sealed class TabularReaderTests
{
    [Fact]
    public void Xlsx_GivesTheHeaderAndRowsWithExcelRowNumbers_DatesAsIsoAndNumbersAsTyped()
    {
        var file = ImportFiles.Xlsx(["名称", "金额", "日期"],
            [["甲", 1234.56m, new DateOnly(2026, 3, 1)], [null, null, null], ["乙", 0.1m, null]]);

        using var reader = TabularReader.Open(new MemoryStream(file), "a.xlsx");
        var rows = reader.Rows().ToList();

        Assert.Equal(["名称", "金额", "日期"], reader.Headers);
        Assert.Equal([2, 4], rows.Select(r => r.RowNumber)); // the empty row 3 is skipped
        Assert.Equal(("甲", "1234.56", "2026-03-01"), (rows[0][0], rows[0][1], rows[0][2]));
        Assert.Equal("0.1", rows[1][1]);
        Assert.Null(rows[1][2]);
    }

    [Fact]
    public void Csv_ReadsUtf8WithoutBomAndGb18030AsExcelOnChineseWindowsWritesIt()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Encoding.UTF8.GetBytes("名称,金额\r\n物业管理,100\r\n");
        var gb = Encoding.GetEncoding("GB18030").GetBytes("名称,金额\r\n物业管理,100\r\n");

        foreach (var bytes in new[] { utf8, gb })
        {
            using var reader = TabularReader.Open(new MemoryStream(bytes), "a.csv");
            Assert.Equal(["名称", "金额"], reader.Headers);
            var row = Assert.Single(reader.Rows());
            Assert.Equal(("物业管理", "100", 2), (row[0], row[1], row.RowNumber));
        }
    }

    [Fact]
    public void Open_RefusesOtherFileTypesAndFilesWithoutAHeader()
    {
        Assert.Throws<TabularFormatException>(() => TabularReader.Open(new MemoryStream([1, 2, 3]), "a.txt"));
        Assert.Throws<TabularFormatException>(() => TabularReader.Open(new MemoryStream([]), "a.csv"));
        var e = Assert.Throws<TabularFormatException>(() => TabularReader.Open(new MemoryStream("MZ\0\0"u8.ToArray()), "a.csv"));
        Assert.Contains("扩展名与内容不符", e.Msg.Zh);
    }

    [Fact]
    public void XlsxStreamWriter_OutputReadsBack()
    {
        using var ms = new MemoryStream();
        using (var x = new XlsxStreamWriter(ms))
        {
            x.StartSheet("表", [10, 10, 10]);
            x.StartRow();
            x.Text("编号");
            x.Text("金额");
            x.Text("日期");
            x.StartRow();
            x.Text("A<&>\"1");
            x.Number(12.5m, XlsxStyle.Money);
            x.Date(new DateOnly(2026, 1, 31));
            x.Finish();
        }

        using var reader = TabularReader.Open(new MemoryStream(ms.ToArray()), "b.xlsx");
        var row = Assert.Single(reader.Rows());
        Assert.Equal(("A<&>\"1", "12.5", "2026-01-31"), (row[0], row[1], row[2]));
    }
}
