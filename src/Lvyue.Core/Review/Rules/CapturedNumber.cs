namespace Lvyue.Review.Rules;

/// <summary>How a <c>compare</c> value reads what its pattern captured.</summary>
internal enum CaptureKind
{
    /// <summary>A number or an amount in yuan: 90, 1,200.50, 十五, 12.5万 (125,000), 人民币壹拾万元整.</summary>
    Number,
    /// <summary>A date (2026年12月31日, 2026-12-31, 二〇二六年十二月三十一日): compared as a date.</summary>
    Date,
    /// <summary>A period in months: 6个月, 一年 (12), 半年 (6), 1.5年 (18).</summary>
    Months,
    /// <summary>A period in calendar days: 90日, 两周 (14), 10个工作日 (14: working days × 7/5, rounded up).</summary>
    Days,
}

/// <summary>
/// Reads the number a rule's pattern captured as the whole figure written in the text. A gap before the group such as
/// <c>[^。]{0,16}(?&lt;n&gt;\d+)</c> can take the first digits (on 后90日 it leaves n = 0); the capture is widened back
/// over the rest of the figure (digits, a thousands separator followed by three digits, a decimal point, or Chinese
/// numerals before Chinese numerals), so n reads 90. For <c>compare</c> values it is also widened forward over the
/// rest of the figure and a 万 or 亿 right after it (12.5万元 reads 125,000).
/// </summary>
internal static class CapturedNumber
{
    private const string ChineseNumerals = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟";

    private static bool IsChinese(char c) => ChineseNumerals.Contains(c);

    /// <summary>The start of the figure that ends with [start, end): widened back over the digits the gap took.</summary>
    public static int WidenBack(string text, int start, int end)
    {
        if (start >= end || start == 0) return start;
        var first = text[start];
        if (char.IsAsciiDigit(first))
        {
            var s = start;
            while (s > 0)
            {
                var p = text[s - 1];
                if (char.IsAsciiDigit(p)) s--;
                else if (p == '.' && s >= 2 && char.IsAsciiDigit(text[s - 2]) && !text.AsSpan(s, end - s).Contains('.')) s--;
                else if (p == ',' && s >= 2 && char.IsAsciiDigit(text[s - 2]) && DigitsFrom(text, s) == 3) s--;
                else break;
            }
            return s;
        }
        if (IsChinese(first) || first is '万' or '亿')
        {
            var s = start;
            while (s > 0 && (IsChinese(text[s - 1]) || (text[s - 1] is '万' or '亿' && s >= 2 && IsChinese(text[s - 2])))) s--;
            return s;
        }
        return start;
    }

    /// <summary>The end of the figure that starts with [start, end): widened forward over its digits and a 万/亿.</summary>
    public static int WidenForward(string text, int start, int end)
    {
        if (start >= end) return end;
        var e = end;
        var last = text[e - 1];
        if (char.IsAsciiDigit(last) || last is ',' or '.')
        {
            while (e < text.Length)
            {
                var c = text[e];
                if (char.IsAsciiDigit(c)) e++;
                else if (c == '.' && e + 1 < text.Length && char.IsAsciiDigit(text[e + 1]) && !text.AsSpan(start, e - start).Contains('.')) e++;
                else if (c == ',' && DigitsFrom(text, e + 1) == 3) e++;
                else break;
            }
        }
        else if (IsChinese(last))
        {
            while (e < text.Length && IsChinese(text[e])) e++;
        }
        else return e;
        if (e < text.Length && text[e] is '万' or '亿') e++;
        return e;
    }

    private static int DigitsFrom(string text, int at)
    {
        var n = 0;
        while (at + n < text.Length && char.IsAsciiDigit(text[at + n])) n++;
        return n;
    }

    /// <summary>The number of a regex condition's group: widened back only, read as before (Arabic or Chinese).</summary>
    public static bool TryReadLegacy(string text, int start, int end, out decimal value)
    {
        var s = WidenBack(text, start, end);
        return NumberParser.TryParse(text[s..end], out value);
    }

    /// <summary>A <c>compare</c> value: the whole figure around [start, end) read as <paramref name="kind"/>.</summary>
    public static bool TryRead(string text, int start, int end, CaptureKind kind, out Captured value)
    {
        value = default;
        if (start >= end) return false;
        decimal v;
        switch (kind)
        {
            case CaptureKind.Date:
                if (ChineseDate.Parse(text[start..end]) is not { } date) return false;
                value = new Captured(date.Date.DayNumber, start, end);
                return true;
            case CaptureKind.Months:
            case CaptureKind.Days:
                {
                    // The unit may follow the group ((?<n>\d+)个月): read on over at most the longest unit, 个工作日.
                    var s = WidenBack(text, start, end);
                    if ((ChineseDuration.Parse(text[s..end]) ?? ChineseDuration.Parse(text[s..Math.Min(text.Length, end + 4)])) is not { } d) return false;
                    decimal? n = (kind, d.Unit) switch
                    {
                        (CaptureKind.Months, DurationUnit.Months) => d.Value,
                        (CaptureKind.Months, DurationUnit.Years) => d.Value * 12,
                        (CaptureKind.Days, DurationUnit.CalendarDays) => d.Value,
                        (CaptureKind.Days, DurationUnit.Weeks) => d.Value * 7,
                        (CaptureKind.Days, DurationUnit.WorkingDays) => Math.Ceiling(d.Value * 7m / 5m),
                        _ => null,
                    };
                    if (n is null) return false;
                    value = new Captured(n.Value, s, end);
                    return true;
                }
            default:
                {
                    var s = WidenBack(text, start, end);
                    var e = WidenForward(text, s, end);
                    var figure = text[s..e];
                    if (!ChineseAmount.TryParseNumber(figure, out v) && !NumberParser.TryParse(figure, out v))
                    {
                        if (ChineseAmount.Parse(figure) is not { } amount) return false;
                        v = amount;
                    }
                    value = new Captured(v, s, e);
                    return true;
                }
        }
    }
}
