using System.Text.RegularExpressions;

namespace Lvyue.Review.Ingestion;

/// <summary>
/// Mends the misreadings tesseract's Simplified Chinese model makes in the figures of a scanned contract, before the
/// text is normalized: only where the intended characters are certain from the shape of the figure, never a guess at
/// a word the sentence does not fix. The recognized text stays the source the highlights point into.
/// <list type="bullet">
/// <item>Spaces inside a figure: <c>960, 000. 00</c> → <c>960,000.00</c>, <c>0791- 86208875</c> → <c>0791-86208875</c>,
/// <c>ZRZY- DA- 2024- 06</c> → <c>ZRZY-DA-2024-06</c> (a space after a thousands comma, a decimal point or a hyphen
/// that joins two groups of a figure or a code).</item>
/// <item>The percent sign read with a tail: <c>30%6</c>, <c>709%6</c>, <c>1009%b</c> → <c>30%</c>, <c>70%</c>,
/// <c>100%</c> (the model reads ％ as "%6", "%b" or "9%6").</item>
/// <item>元 after an amount read as "05" or "75" before the parenthesis of the amount in words:
/// <c>840,000.0005 (</c> → <c>840,000.00元 (</c>.</item>
/// <item>The angle bracket 〈 read for the full-width parenthesis （ before a Chinese word, a space before （, and a
/// （ closed by a half-width ) around a short word: <c>合同 〈货物类)</c> → <c>合同（货物类）</c>.</item>
/// <item>Capital numerals read as look-alikes inside an amount in words (after 大写, up to 元), only when every
/// character of the run is a numeral or a known look-alike: 项拾过万参什元整 → 贰拾壹万叁仟元整.</item>
/// <item>A stray quotation mark after 第X条 or before a colon, and the dot read for the hyphen after a code's letters
/// (合同编号 : JZCG. 2024-0705 → JZCG-2024-0705).</item>
/// <item>One word misreading certain from its sentence: 逾期 read as 这期/谊期/逆期/速期 where lateness follows
/// (每这期一日, 乙方这期交货).</item>
/// </list>
/// </summary>
public static partial class OcrCleanup
{
    /// <summary>The recognized <paramref name="text"/> with the figure misreadings above mended.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = ThousandsSpace().Replace(text, ",");
        s = DecimalSpace().Replace(s, "$1.$2");
        s = HyphenSpace().Replace(s, "-");
        s = PercentNineTail().Replace(s, "$1%");
        s = PercentTail().Replace(s, "$1%");
        s = YuanTail().Replace(s, "$1元");
        s = AngleParenthesis().Replace(s, "（");
        s = SpaceBeforeParenthesis().Replace(s, "");
        s = HalfClosedParenthesis().Replace(s, "（$1）");
        s = OverdueMisread().Replace(s, "逾");
        s = StrayQuote().Replace(s, "");
        s = CodeDot().Replace(s, "-");
        s = AmountInWords().Replace(s, m => m.Groups["pre"].Value + MendNumerals(m.Groups["w"].Value) + m.Groups["end"].Value);
        return s;
    }

    /// <summary>The capital numerals' look-alikes the model reads inside an amount in words, by what they stand for.</summary>
    private static readonly Dictionary<char, char> NumeralLookAlikes = new()
    {
        ['过'] = '壹', ['壶'] = '壹', ['项'] = '贰', ['贡'] = '贰', ['武'] = '贰', ['参'] = '叁', ['叄'] = '叁',
        ['肄'] = '肆', ['俩'] = '陆', ['柴'] = '柒', ['拥'] = '捌', ['扒'] = '捌', ['政'] = '玖', ['个'] = '佰', ['伯'] = '佰',
        ['什'] = '仟', ['任'] = '仟', ['忏'] = '仟', ['付'] = '仟',
    };

    private const string Numerals = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿";

    // An amount in words holds capital numerals only: each look-alike in it is mended, but only when every character of
    // the run is a numeral or a known look-alike (otherwise the run is left as read).
    private static string MendNumerals(string words)
    {
        if (!words.All(c => Numerals.Contains(c) || NumeralLookAlikes.ContainsKey(c))) return words;
        var mended = words.Select(c => NumeralLookAlikes.TryGetValue(c, out var n) ? n : c).ToArray();
        return new string(mended);
    }

    // A comma followed by a space and exactly three digits: a thousands group.
    [GeneratedRegex(@"(?<=\d)[,，] (?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSpace();

    // A decimal point followed by a space and two digits closing an amount of thousands groups.
    [GeneratedRegex(@"(\d{1,3}(?:,\d{3})+)\. (\d{2})(?!\d)")]
    private static partial Regex DecimalSpace();

    // A hyphen with a space after it between two groups of letters or digits (codes, telephone numbers).
    [GeneratedRegex(@"(?<=[A-Za-z0-9]) ?- (?=[A-Za-z0-9])")]
    private static partial Regex HyphenSpace();

    // "70%" read as "709%6": the 9 is the percent sign's circle, the 6 or b its tail. Only after a 0 or a 5 (shares are
    // written in fives and tens), so that "39%6" stays 39%.
    [GeneratedRegex(@"([05])9%[6b]")]
    private static partial Regex PercentNineTail();

    // "30%" read as "30%6".
    [GeneratedRegex(@"(\d)%[6b](?![0-9A-Za-z])")]
    private static partial Regex PercentTail();

    // "840,000.00元 (大写" read as "840,000.0005 (": an amount in thousands groups with two decimals takes two more digits
    // only when 元 was misread, and the parenthesis of the amount in words follows.
    [GeneratedRegex(@"(\d{1,3}(?:,\d{3})+\.\d{2})(?:05|75)(?= ?[（(])")]
    private static partial Regex YuanTail();

    // A space the model puts between a Chinese word and its full-width parenthesis: 政府采购合同 （货物类）.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) (?=（)")]
    private static partial Regex SpaceBeforeParenthesis();

    // A full-width parenthesis closed by a half-width one around a short Chinese word: （货物类) → （货物类）.
    [GeneratedRegex(@"（(\p{IsCJKUnifiedIdeographs}{1,8})\)")]
    private static partial Regex HalfClosedParenthesis();

    // 逾期 read as 这期, 谊期, 逆期 or 速期, only where the sentence is about lateness: 每这期一日, 乙方这期交货, 谊期付款.
    [GeneratedRegex(@"[这谊逆速](?=期(?:一日|1日|交货|交付|付款|支付|完成|履行|提交|竣工|未|超过))")]
    private static partial Regex OverdueMisread();

    // A quotation mark the model reads from a rule or a dot: 第一条 ”货物名称, 授权代表 (签字) “:.
    [GeneratedRegex(@"(?<=第[一二三四五六七八九十百零〇0-9]{1,5}条 ?)[”“""](?= ?\p{IsCJKUnifiedIdeographs})| ?[”“""](?= ?[:：])")]
    private static partial Regex StrayQuote();

    // The hyphen after the letters of a code read as a dot: 合同编号 : JZCG. 2024-0705.
    [GeneratedRegex(@"(?<=编号 ?[:：] ?[A-Z]{2,8})\. ?(?=\d)")]
    private static partial Regex CodeDot();

    // The words after 大写 up to 元: 大写 : 项拾过万参什元整.
    [GeneratedRegex(@"(?<pre>大写[)）]? ?[:：]? ?)(?<w>[\p{IsCJKUnifiedIdeographs}]{1,20}?)(?<end>元|圆)")]
    private static partial Regex AmountInWords();

    // 〈 (U+3008) before a Chinese character, as in 乙方 〈供应商).
    [GeneratedRegex(@"〈(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex AngleParenthesis();
}
