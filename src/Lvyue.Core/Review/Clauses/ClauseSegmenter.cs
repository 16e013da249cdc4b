namespace Lvyue.Review.Clauses;

/// <summary>
/// Splits contract text into a tree of clauses by the numbering styles Chinese contracts use: 第X部分, 第X章, 第X节,
/// 第X条 (Chinese or Arabic numerals), 一、, （一）, 1. / 1、, 1.1, 1.1.1, 1), （1）, ① and heading-only lines.
/// <list type="bullet">
/// <item>A heading starts a line (after optional spaces), so numbers inside sentences (合同金额1.5万元, 2024.3.1, 第3页)
/// never open a clause; a line-initial figure that reads as a quantity or a date (1.5万元, 2024.3.1) does not either.</item>
/// <item>A line containing a tab is a table row and belongs to the clause it is in.</item>
/// <item>Nesting follows the styles in the order they appear: a style already open closes everything opened after it
/// and starts a sibling; a style not yet open starts a child of the innermost clause. 部分 &gt; 章 &gt; 节 &gt; 条 always
/// rank in that order.</item>
/// <item>The first clause starts at the start of its heading line; the text before it is the preamble. Each clause ends
/// where the next clause that is not inside it starts, so the preamble and the top-level clauses tile the text exactly.</item>
/// </list>
/// Works on any text; <see cref="TextNormalizer"/> output is what the classifier expects (full-width forms unified).
/// </summary>
public static class ClauseSegmenter
{
    private const string HanDigits = "零〇一二三四五六七八九十百千两";

    /// <summary>Segments <paramref name="normalized"/>.<see cref="NormalizedText.Text"/>; map spans back with
    /// <see cref="NormalizedText.ToSourceSpan(int, int)"/>.</summary>
    public static ClauseDocument Segment(NormalizedText normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Segment(normalized.Text);
    }

    /// <summary>Segments <paramref name="text"/> into a preamble and a tree of clauses.</summary>
    public static ClauseDocument Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headings = FindHeadings(text);
        var roots = new List<Clause>();
        var open = new List<Clause>(); // innermost last
        for (var index = 0; index < headings.Count; index++)
        {
            var h = headings[index];
            var at = FindOpenIndex(open, h, index + 1 < headings.Count ? headings[index + 1] : null);
            if (at >= 0)
            {
                for (var i = open.Count - 1; i >= at; i--) open[i].End = h.Start;
                open.RemoveRange(at, open.Count - at);
            }
            if (open.Count == 0) roots.Add(h);
            else open[^1].AddChild(h);
            open.Add(h);
        }
        foreach (var c in open) c.End = text.Length;
        return new ClauseDocument(text, roots);
    }

    /// <summary>The index in <paramref name="open"/> from which clauses close before <paramref name="h"/>, or -1.</summary>
    private static int FindOpenIndex(List<Clause> open, Clause h, Clause? next)
    {
        for (var i = 0; i < open.Count; i++)
            if (SameStyle(open[i], h)) return i;
        var rank = FixedRank(h.Style);
        if (rank >= 0)
        {
            // Close everything inside the innermost true ancestor: a heading line or a higher fixed rank (章 over 条).
            var keep = -1;
            for (var i = 0; i < open.Count; i++)
            {
                var r = FixedRank(open[i].Style);
                if (open[i].Style == NumberingStyle.HeadingLine || (r >= 0 && r < rank)) keep = i;
            }
            return keep + 1 < open.Count ? keep + 1 : -1;
        }
        if (h.Style == NumberingStyle.HeadingLine)
        {
            // A new heading line sits just above the numbered heading that follows it when that style is already open.
            if (next is not null)
                for (var i = 0; i < open.Count; i++)
                    if (SameStyle(open[i], next)) return i;
        }
        return -1;
    }

    private static bool SameStyle(Clause a, Clause b) => a.Style == b.Style && a.Level == b.Level;

    private static int FixedRank(NumberingStyle style) => style switch
    {
        NumberingStyle.Part => 0,
        NumberingStyle.Chapter => 1,
        NumberingStyle.Section => 2,
        NumberingStyle.Article => 3,
        _ => -1,
    };

    private static List<Clause> FindHeadings(string text)
    {
        var found = new List<Clause>();
        var pendingHeadingLine = -1; // index into found of a heading line awaiting a numbered heading after it
        var seenContent = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var nl = text.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? text.Length : nl;
            var contentEnd = lineEnd;
            while (contentEnd > lineStart && IsSpace(text[contentEnd - 1])) contentEnd--;
            var p = lineStart;
            while (p < contentEnd && IsSpace(text[p])) p++;
            if (p < contentEnd)
            {
                var line = text.AsSpan(p, contentEnd - p);
                Clause? clause = null;
                if (!line.Contains('\t')) clause = TryNumbered(text, lineStart, p, contentEnd);
                if (clause is not null)
                {
                    found.Add(clause);
                    pendingHeadingLine = -1;
                }
                else
                {
                    if (pendingHeadingLine >= 0) found.RemoveAt(pendingHeadingLine);
                    pendingHeadingLine = -1;
                    if (seenContent && IsHeadingOnlyLine(line))
                    {
                        found.Add(Make(text, lineStart, contentEnd, p, p, p, NumberingStyle.HeadingLine, 1));
                        pendingHeadingLine = found.Count - 1;
                    }
                }
                seenContent = true;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        if (pendingHeadingLine >= 0) found.RemoveAt(pendingHeadingLine);
        return found;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\u3000' or '\u00A0';

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static bool IsHeadingOnlyLine(ReadOnlySpan<char> line)
    {
        if (line.Length < 2 || line.Length > 20) return false;
        foreach (var c in line)
            if (!IsHan(c)) return false;
        return !(line.EndsWith("如下") || line.EndsWith("以下") || line.EndsWith("下列"));
    }

    private static Clause? TryNumbered(string text, int lineStart, int p, int end)
    {
        var c = text[p];
        if (c == '第') return TryDi(text, lineStart, p, end);
        if (c is >= '\u2460' and <= '\u2473')
            return Make(text, lineStart, end, p, p + 1, p + 1, NumberingStyle.Circled, 1);
        if (c is >= '\u2474' and <= '\u2487') // ⑴ … ⒇
            return Make(text, lineStart, end, p, p + 1, p + 1, NumberingStyle.ParenthesizedArabic, 1);
        if (c is >= '\u2488' and <= '\u249B') // ⒈ … ⒛
            return Make(text, lineStart, end, p, p + 1, p + 1, NumberingStyle.Decimal, 1);
        if (c is '(' or '（')
        {
            var q = p + 1;
            var han = CountWhile(text, q, end, IsHanDigit);
            var dig = han == 0 ? CountWhile(text, q, end, char.IsAsciiDigit) : 0;
            var n = han + dig;
            if (n == 0 || n > 3 || q + n >= end || text[q + n] is not (')' or '）')) return null;
            var style = han > 0 ? NumberingStyle.ParenthesizedChinese : NumberingStyle.ParenthesizedArabic;
            return Make(text, lineStart, end, p, q + n + 1, q + n + 1, style, 1);
        }
        if (IsHanDigit(c))
        {
            var n = CountWhile(text, p, end, IsHanDigit);
            if (n > 3 || p + n >= end) return null;
            var sep = text[p + n];
            if (sep == '、' || (sep is '.' or '．' && (p + n + 1 >= end || !char.IsAsciiDigit(text[p + n + 1]))))
                return Make(text, lineStart, end, p, p + n + 1, p + n + 1, NumberingStyle.ChineseEnumeration, 1);
            return null;
        }
        if (char.IsAsciiDigit(c)) return TryArabic(text, lineStart, p, end);
        return null;
    }

    private static Clause? TryDi(string text, int lineStart, int p, int end)
    {
        var q = p + 1;
        var n = CountWhile(text, q, end, ch => IsHanDigit(ch) || char.IsAsciiDigit(ch));
        if (n == 0 || n > 6) return null;
        var r = q + n;
        NumberingStyle style;
        int after;
        if (Starts(text, r, end, "部分")) { style = NumberingStyle.Part; after = r + 2; }
        else if (r < end && text[r] == '章') { style = NumberingStyle.Chapter; after = r + 1; }
        else if (r < end && text[r] == '节') { style = NumberingStyle.Section; after = r + 1; }
        else if (r < end && text[r] == '条') { style = NumberingStyle.Article; after = r + 1; }
        else return null;
        // 第三条约定的…, 第三条款, 第二章所述 are references, not headings.
        if (after < end && "款项约规所中的之及和或第".Contains(text[after])) return null;
        return Make(text, lineStart, end, p, after, after, style, 1);
    }

    private static Clause? TryArabic(string text, int lineStart, int p, int end)
    {
        var q = p;
        var components = 0;
        var firstDigits = 0;
        while (true)
        {
            var d = CountWhile(text, q, end, char.IsAsciiDigit);
            if (d == 0) break;
            if (components == 0) firstDigits = d;
            else if (d > 2) return null;
            // Clause numbers do not contain a zero component or a leading zero (0.5, 2.0, 1.05 are figures).
            if (text[q] == '0') return null;
            components++;
            q += d;
            if (q + 1 < end && text[q] is '.' or '．' && char.IsAsciiDigit(text[q + 1])) { q++; continue; }
            break;
        }
        if (components == 0 || firstDigits > 3 || components > 5) return null;
        var next = q < end ? text[q] : '\0';
        if (components == 1)
        {
            if (next is ')' or '）')
                return Make(text, lineStart, end, p, q + 1, q + 1, NumberingStyle.ArabicParenthesis, 1);
            if (next is '、' or '.' or '．')
            {
                var after = q + 1 < end ? text[q + 1] : '\0';
                if (char.IsAsciiDigit(after)) return null;
                return Make(text, lineStart, end, p, q + 1, q + 1, NumberingStyle.Decimal, 1);
            }
            return null;
        }
        // 1.1 / 1.1.1: the figure must not read as a quantity, a rate or a date (1.5万元, 2.5%, 3.1日).
        var titleStart = q;
        if (next is '.' or '．' or '、') { titleStart = q + 1; next = titleStart < end ? text[titleStart] : '\0'; }
        if (char.IsAsciiDigit(next) || "万亿元角分%‰倍米吨年月日时天个号-/~:".Contains(next)) return null;
        return Make(text, lineStart, end, p, q, titleStart, NumberingStyle.Decimal, components);
    }

    private static bool Starts(string text, int at, int end, string value) =>
        at + value.Length <= end && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static bool IsHanDigit(char c) => HanDigits.Contains(c);

    private static int CountWhile(string text, int at, int end, Func<char, bool> predicate)
    {
        var n = 0;
        while (at + n < end && predicate(text[at + n])) n++;
        return n;
    }

    private static Clause Make(string text, int lineStart, int lineEnd, int numberStart, int numberEnd, int afterNumber,
        NumberingStyle style, int level)
    {
        var t = afterNumber;
        while (t < lineEnd && (IsSpace(text[t]) || text[t] is '、' or ':' or '：')) t++;
        var titleEnd = t;
        while (titleEnd < lineEnd && !IsTitleStop(text, titleEnd)) titleEnd++;
        while (titleEnd > t && IsSpace(text[titleEnd - 1])) titleEnd--;
        // 第五条 付款方式 合同签订后…: after 部分/章/节/条 a space ends a short title run into the body on one line.
        var spaceEnded = false;
        if (FixedRank(style) >= 0)
        {
            var space = t;
            while (space < titleEnd && !IsSpace(text[space])) space++;
            if (space < titleEnd && space - t <= MaxHeadingTitleLength) { titleEnd = space; spaceEnded = true; }
        }
        var headingEnd = text.IndexOf('。', numberStart, lineEnd - numberStart);
        headingEnd = headingEnd < 0 ? lineEnd : headingEnd;
        if (headingEnd - numberStart > 80) headingEnd = numberStart + 80;
        var clause = new Clause(lineStart, lineEnd, numberStart, numberEnd, t, titleEnd, style, level,
            text[numberStart..numberEnd], text[numberStart..headingEnd].TrimEnd(), text[t..titleEnd]);
        var length = titleEnd - t;
        clause.HasHeadingTitle = length > 0 && length <= MaxHeadingTitleLength
            && (spaceEnded || titleEnd == lineEnd || text[titleEnd] is ':' or '：'
                || text.AsSpan(titleEnd, lineEnd - titleEnd).Trim().IsEmpty);
        return clause;
    }

    /// <summary>Longest title read as a heading; a longer first phrase is a sentence.</summary>
    public const int MaxHeadingTitleLength = 20;

    // A comma between digits is a thousands separator (480,000.00), not the end of a phrase.
    private static bool IsTitleStop(string text, int i) => text[i] switch
    {
        '。' or ':' or '：' or ';' or '；' or '，' or '\t' => true,
        ',' => !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
        _ => false,
    };
}
