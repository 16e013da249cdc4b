using System.Text;

namespace Lvyue.Review;

/// <summary>
/// Brings contract text into the one form the review parsers read, keeping a map back to the source.
/// <list type="bullet">
/// <item>Full-width ASCII forms U+FF01–U+FF5E become their ASCII counterparts: digits ０-９, letters Ａ-Ｚ ａ-ｚ and the
/// punctuation Chinese typing produces in full width (，．：；（）％！？－／＿～ …). Amounts (１，２００．００), dates (２０２４－０３－０１)
/// and labels (金额：) then have a single spelling. The Chinese comma ， and colon ： carry the same meaning as , and :.</item>
/// <item>The full-width yuan sign ￥ (U+FFE5) becomes ¥ (U+00A5); hyphens U+2010–U+2012 and the minus sign U+2212 become '-'.</item>
/// <item>Chinese punctuation with no ASCII equivalent of the same meaning is kept: 。 (a sentence end, never a decimal
/// point), 、 (enumeration, as in 一、), 《》【】「」“”‘’, the dash —— and the ellipsis ……, and the numeral 〇.</item>
/// <item>Whitespace (anything <see cref="char.IsWhiteSpace(char)"/> reports, including the ideographic space U+3000 and
/// the no-break space U+00A0) is folded: a run becomes one '\n' when it contains a line break and one ' ' otherwise.
/// Runs at the start and end of the text are dropped.</item>
/// <item>Invisible characters (zero-width space, joiners, word joiner, byte-order mark, soft hyphen) are dropped.</item>
/// </list>
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalizes <paramref name="source"/> and records where every resulting character came from.</summary>
    public static NormalizedText Normalize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sb = new StringBuilder(source.Length);
        var starts = new List<int>(source.Length);
        var ends = new List<int>(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (IsInvisible(c)) { i++; continue; }
            if (char.IsWhiteSpace(c))
            {
                var j = i;
                var lineBreak = false;
                while (j < source.Length && (char.IsWhiteSpace(source[j]) || IsInvisible(source[j])))
                {
                    if (IsLineBreak(source[j])) lineBreak = true;
                    j++;
                }
                if (sb.Length > 0 && j < source.Length)
                {
                    sb.Append(lineBreak ? '\n' : ' ');
                    starts.Add(i);
                    ends.Add(j);
                }
                i = j;
                continue;
            }
            sb.Append(Map(c));
            starts.Add(i);
            ends.Add(i + 1);
            i++;
        }
        return new NormalizedText(source, sb.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>The normalized text alone, for parsers that need no map back to the source.</summary>
    public static string NormalizeText(string source) => Normalize(source).Text;

    /// <summary>The normalized text with all whitespace removed, as the amount and date parsers read a single value.</summary>
    internal static string Compact(string source)
    {
        var text = NormalizeText(source);
        if (!text.Contains(' ') && !text.Contains('\n')) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c != ' ' && c != '\n') sb.Append(c);
        return sb.ToString();
    }

    private static char Map(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\uFFE5' => '\u00A5',
        '\u2010' or '\u2011' or '\u2012' or '\u2212' => '-',
        _ => c,
    };

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\u000B' or '\u000C';
}
