using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Lvyue.Common;

namespace Lvyue.Integration;

/// <summary>
/// Streams a comma-separated file with CsvHelper's parser. The encoding is UTF-8 (with or without
/// a BOM), UTF-16 with a BOM, or else GB18030, which is what Excel on a Chinese Windows writes as
/// "CSV". The row number is the record number as Excel shows it (a quoted line break does not count).
/// </summary>
internal sealed class CsvTabularReader : TabularReader
{
    private readonly Stream _content;
    private readonly long _start;
    private readonly Encoding _encoding;
    private readonly List<string> _headers = [];
    private int _headerRow;

    static CsvTabularReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvTabularReader(Stream content)
    {
        _content = content;
        _start = content.CanSeek ? content.Position : 0;
        _encoding = Sniff(content);
        foreach (var (row, cells) in Records())
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            _headerRow = row;
            _headers.AddRange(cells.Select(c => c.Trim()));
            return;
        }
        throw NoHeader();
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override IEnumerable<TabularRow> Rows()
    {
        foreach (var (number, cells) in Records())
        {
            if (number <= _headerRow) continue;
            var row = new TabularRow(number, cells);
            if (!row.IsEmpty) yield return row;
        }
    }

    public override void Dispose() { }

    private IEnumerable<(int Row, string[] Cells)> Records()
    {
        if (!_content.CanSeek && _headers.Count > 0)
            throw new InvalidOperationException("A CSV stream that cannot seek can be read only once.");
        if (_content.CanSeek) _content.Position = _start;
        using var reader = new StreamReader(_content, _encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false, TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(reader, config);
        var number = 0;
        while (Read(parser))
        {
            number++;
            yield return (number, parser.Record ?? []);
        }
    }

    private static bool Read(CsvParser parser)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException e)
        {
            throw new TabularFormatException(new Msg($"CSV文件格式错误（第{parser.Row}行附近）：{e.Message}",
                $"The CSV file is malformed (near line {parser.Row}): {e.Message}"), e);
        }
    }

    /// <summary>Chooses the encoding from a BOM or, failing that, whether the first 64 KB are valid UTF-8.</summary>
    private static Encoding Sniff(Stream s)
    {
        if (!s.CanSeek) return new UTF8Encoding(false);
        var start = s.Position;
        var buf = new byte[65536];
        var n = s.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
        s.Position = start;
        var head = buf.AsSpan(0, n);
        if (head.StartsWith("\xEF\xBB\xBF"u8)) return new UTF8Encoding(true);
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.Unicode;
        if (head.IndexOf((byte)0) >= 0)
            throw new TabularFormatException(new Msg("文件不是文本格式的CSV文件（扩展名与内容不符）",
                "The file is not a text CSV file (its extension does not match its content)"));
        // A multi-byte character may be cut at the end of the sample: do not flush the decoder then.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            strict.GetCharCount(head, flush: n < buf.Length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }
}
