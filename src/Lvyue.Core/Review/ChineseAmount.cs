using System.Globalization;

namespace Lvyue.Review;

/// <summary>
/// Reads a CNY amount written the ways contracts write it, in yuan:
/// Arabic figures with or without thousands separators and decimals (1,234,567.89 / ¥1,200,000.00 / RMB 5,000 / 1234567.89元),
/// 万 and 亿 units on figures (120万元, 1.5亿元, 1亿2000万元), Chinese capital numerals (人民币叁拾万元整, 壹仟零伍元叁角,
/// 圆 for 元, 整 or 正 at the end), lower-case numerals (十二万, 两千万元) and mixtures of these.
/// <para>
/// The text must be one amount, optionally labelled: leading 人民币, RMB, CNY, ¥, 大写, 小写, (大写), (小写), ':' and a
/// sign (负 or '-'); trailing 人民币. Anything else, a blank to be filled in (____元, 人民币     元) or a form whose value
/// is ambiguous returns null rather than a guess. Ambiguous forms: a digit after 元 with no 角/分 (一元五), and a single
/// Arabic digit straight after 百, 千, 万 or 亿 (1万5). A single Chinese numeral after a unit is read the way Chinese
/// is spoken, one place below the unit (一万五 is 15,000; 二百五 is 250); with 零 between it is the units (一百零五 is 105).
/// </para>
/// </summary>
public static class ChineseAmount
{
    /// <summary>The amount in yuan, or null when <paramref name="text"/> is not exactly one readable amount.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = TextNormalizer.Compact(text);
        var negative = false;
        var stripped = true;
        while (stripped && s.Length > 0)
        {
            stripped = false;
            foreach (var prefix in Prefixes)
            {
                if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    s = s[prefix.Length..];
                    stripped = true;
                }
            }
            if (s.Length > 0 && (s[0] == '负' || s[0] == '-'))
            {
                if (negative) return null;
                negative = true;
                s = s[1..];
                stripped = true;
            }
        }
        if (s.EndsWith("人民币", StringComparison.Ordinal)) s = s[..^3];
        if (!TryParse(s, money: true, out var value)) return null;
        return negative ? -value : value;
    }

    /// <summary>A plain number in Arabic figures or Chinese numerals, with 万/亿 but without 元/角/分 (for days, months, percents).</summary>
    internal static bool TryParseNumber(string s, out decimal value) => TryParse(s, money: false, out value);

    private static readonly string[] Prefixes = ["(大写)", "(小写)", "人民币", "RMB", "CNY", "¥", "大写", "小写", ":"];

    internal static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' or '貳' or '兩' => 2,
        '三' or '叁' or '叄' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static int SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    private static bool TryParse(string s, bool money, out decimal value)
    {
        value = 0;
        try
        {
            return TryParseCore(s, money, out value);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryParseCore(string s, bool money, out decimal value)
    {
        value = 0;
        if (s.Length == 0) return false;
        decimal yiPart = 0, wanPart = 0, current = 0, integer = 0, fraction = 0;
        decimal? pending = null;
        var pendingChinese = false;
        var lastSmall = int.MaxValue;
        decimal lastUnit = 0;
        var zeroSinceUnit = false;
        bool seenYi = false, seenWan = false, anyNumber = false, inFraction = false;
        var lastFractionPlace = 0; // 1 after 角, 2 after 分

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (pending is not null) return false;
                var j = i;
                while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == ',' || s[j] == '.')) j++;
                if (!TryFigures(s[i..j], out var figures)) return false;
                pending = figures;
                pendingChinese = false;
                anyNumber = true;
                i = j - 1;
                continue;
            }
            var digit = DigitValue(c);
            if (digit >= 0)
            {
                anyNumber = true;
                if (digit == 0)
                {
                    if (pending is not null) return false;
                    zeroSinceUnit = true;
                    continue;
                }
                if (pending is not null) return false;
                pending = digit;
                pendingChinese = true;
                continue;
            }
            var small = SmallUnit(c);
            if (small > 0)
            {
                if (inFraction || small >= lastSmall) return false;
                // 一百一十 and 壹佰壹拾 name the 1 of 十; only a section's first unit or 十 after 零 (一千零十) may omit it.
                if (pending is null && current != 0 && !(small == 10 && zeroSinceUnit)) return false;
                current += (pending ?? 1) * small;
                pending = null;
                lastSmall = small;
                lastUnit = small;
                zeroSinceUnit = false;
                anyNumber = true;
                continue;
            }
            switch (c)
            {
                case '万' or '萬':
                {
                    if (inFraction || seenWan) return false;
                    var section = current + Trailing(pending, pendingChinese, zeroSinceUnit, lastUnit);
                    if (section == 0) return false;
                    wanPart = section * 10_000;
                    current = 0;
                    pending = null;
                    lastSmall = int.MaxValue;
                    lastUnit = 10_000;
                    zeroSinceUnit = false;
                    seenWan = true;
                    continue;
                }
                case '亿' or '億':
                {
                    if (inFraction || seenYi) return false;
                    var section = wanPart + current + Trailing(pending, pendingChinese, zeroSinceUnit, lastUnit);
                    if (section == 0) return false;
                    yiPart = section * 100_000_000;
                    wanPart = 0;
                    current = 0;
                    pending = null;
                    lastSmall = int.MaxValue;
                    lastUnit = 100_000_000;
                    zeroSinceUnit = false;
                    seenWan = false;
                    seenYi = true;
                    continue;
                }
                case '元' or '圆' or '圓':
                    if (!money || inFraction || !anyNumber) return false;
                    if (pending is { } p && !pendingChinese && p < 10 && lastUnit >= 100 && !zeroSinceUnit) return false;
                    integer = yiPart + wanPart + current + Trailing(pending, pendingChinese, zeroSinceUnit, lastUnit);
                    pending = null;
                    inFraction = true;
                    continue;
                case '角' or '分':
                {
                    if (!money || pending is not { } fractionDigit) return false;
                    var place = c == '角' ? 1 : 2;
                    if (!inFraction)
                    {
                        // 伍角, 伍分: an amount below one yuan, written without 元.
                        if (yiPart != 0 || wanPart != 0 || current != 0) return false;
                        inFraction = true;
                    }
                    if (place <= lastFractionPlace || fractionDigit != decimal.Truncate(fractionDigit) || fractionDigit > 9) return false;
                    fraction += fractionDigit * (place == 1 ? 0.1m : 0.01m);
                    lastFractionPlace = place;
                    pending = null;
                    continue;
                }
                case '整' or '正':
                    if (!money || i != s.Length - 1 || pending is not null || !inFraction) return false;
                    continue;
                default:
                    return false;
            }
        }

        if (!anyNumber) return false;
        if (inFraction)
        {
            if (pending is not null) return false;
            value = integer + fraction;
            return true;
        }
        if (pending is { } last && !pendingChinese && last < 10 && lastUnit >= 100 && !zeroSinceUnit) return false;
        value = yiPart + wanPart + current + Trailing(pending, pendingChinese, zeroSinceUnit, lastUnit);
        return true;
    }

    /// <summary>The value a number left at the end of a section adds: 一万五 is 5,000 more, 一万零五 is 5 more.</summary>
    private static decimal Trailing(decimal? pending, bool chinese, bool zeroSinceUnit, decimal lastUnit)
    {
        if (pending is not { } p) return 0;
        return chinese && !zeroSinceUnit && lastUnit >= 100 ? p * lastUnit / 10 : p;
    }

    /// <summary>1234567.89 or 1,234,567.89; separators must group by three and come before any decimal point.</summary>
    private static bool TryFigures(string figures, out decimal value)
    {
        value = 0;
        var point = figures.IndexOf('.');
        var whole = point < 0 ? figures : figures[..point];
        if (point >= 0)
        {
            var decimals = figures[(point + 1)..];
            if (decimals.Length == 0 || !decimals.All(char.IsAsciiDigit)) return false;
        }
        if (whole.Length == 0) return false;
        if (whole.Contains(','))
        {
            var groups = whole.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
        }
        if (whole.Length > 1 && whole[0] == '0') return false;
        return decimal.TryParse(figures.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }
}
