using System.Globalization;

namespace Lvyue.Review.Rules;

/// <summary>Reads a number captured by a rule's regular expression: Arabic (15, 0.5, 1,200) or Chinese (十五, 三十, 一百二十, 两).</summary>
internal static class NumberParser
{
    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8,
        '九' => 9, _ => -1,
    };

    public static bool TryParse(string s, out decimal value)
    {
        s = s.Trim().Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return true;
        return TryParseChinese(s, out value);
    }

    private static bool TryParseChinese(string s, out decimal value)
    {
        value = 0;
        if (s.Length == 0) return false;
        decimal total = 0, section = 0, digit = 0;
        var any = false;
        var point = s.IndexOf('点', StringComparison.Ordinal);
        var whole = point >= 0 ? s[..point] : s;
        foreach (var c in whole)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0) return false;
            any = true;
            if (unit == 10000)
            {
                total = (total + section + digit) * unit;
                section = 0;
            }
            else section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
            digit = 0;
        }
        if (!any) return false;
        value = total + section + digit;
        if (point >= 0)
        {
            var scale = 0.1m;
            foreach (var c in s[(point + 1)..])
            {
                var d = Digit(c);
                if (d < 0) return false;
                value += d * scale;
                scale /= 10;
            }
        }
        return true;
    }
}
