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
        return s;
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

    // 〈 (U+3008) before a Chinese character, as in 乙方 〈供应商).
    [GeneratedRegex(@"〈(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex AngleParenthesis();
}
