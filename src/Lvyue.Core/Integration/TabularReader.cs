using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>
/// Streams the first sheet of an .xlsx workbook or a .csv file as a header row and data rows, so
/// every importer reads both formats the same way and memory stays flat in the file size.
/// Throws <see cref="TabularFormatException"/> when the file is not a readable table.
/// </summary>
public abstract class TabularReader : IDisposable
{
    /// <summary>The header row: one name per column (empty string for a blank header cell).</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows after the header, skipping empty rows, in file order.</summary>
    public abstract IEnumerable<TabularRow> Rows();

    public abstract void Dispose();

    /// <summary>The file extensions importers accept.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".csv"];

    /// <summary>Opens <paramref name="content"/> by the extension of <paramref name="fileName"/>; the stream stays open.</summary>
    public static TabularReader Open(Stream content, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".xlsx" => new XlsxTabularReader(content),
            ".csv" => new CsvTabularReader(content),
            ".xls" => throw new TabularFormatException(new Msg(
                "不支持旧版Excel（.xls）文件，请另存为 .xlsx 后再导入",
                "Old Excel (.xls) files are not supported: save the file as .xlsx and import it again")),
            _ => throw new TabularFormatException(new Msg(
                $"不支持的文件类型“{ext}”，请使用 .xlsx 或 .csv 文件",
                $"Unsupported file type '{ext}': use an .xlsx or .csv file")),
        };
    }

    internal static TabularFormatException NoHeader() => new(new Msg(
        "文件中没有表头行（第一行应为列名）", "The file has no header row (the first row must name the columns)"));
}
