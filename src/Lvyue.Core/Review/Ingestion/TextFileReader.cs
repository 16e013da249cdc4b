using System.Text;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Reads a plain-text file: UTF-8 with or without a byte-order mark, UTF-16 (LE or BE) with a byte-order mark, or
/// GB18030 (a superset of GBK and GB2312). Without a byte-order mark the bytes are decoded as strict UTF-8 and, when they
/// are not valid UTF-8, as GB18030. Each non-blank line becomes one <see cref="SourceUnitKind.Line"/> unit.
/// </summary>
public static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The GB18030 encoding (registered through <see cref="CodePagesEncodingProvider"/>).</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Decodes <paramref name="bytes"/> as described on <see cref="TextFileReader"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return StrictOrGb(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        return StrictOrGb(bytes);
    }

    /// <summary>Reads the text file held in <paramref name="bytes"/>.</summary>
    public static IngestedDocument Read(ReadOnlySpan<byte> bytes)
    {
        var text = Decode(bytes);
        var units = new List<SourceUnit>();
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r') continue;
            var content = text[start..i];
            if (!string.IsNullOrWhiteSpace(content))
                units.Add(new SourceUnit { Kind = SourceUnitKind.Line, Text = content, Line = line });
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
            line++;
        }
        return new IngestedDocument(SourceFormat.Text, units);
    }

    private static string StrictOrGb(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }
}
