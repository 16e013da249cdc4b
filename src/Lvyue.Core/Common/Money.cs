using System.Globalization;
using System.Text;

namespace Lvyue.Common;

/// <summary>CNY amounts as users read them: ¥1,234,567.89 on screens, Chinese capital numerals on documents.</summary>
public static class Money
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万"];

    /// <summary>The largest amount written in capitals (below 10^16 yuan).</summary>
    public const decimal MaxCapitals = 9_999_999_999_999_999.99m;

    /// <summary>¥1,234,567.89 (two decimals, thousands separators).</summary>
    public static string Format(decimal amount) =>
        (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>1,234,567.89 元.</summary>
    public static string FormatYuan(decimal amount) =>
        amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    /// <summary>
    /// Chinese capital numerals (大写金额) as the People's Bank of China's rules for bills write them:
    /// 1234567.89 → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分; 100 → 壹佰元整; 10001 → 壹万零壹元整.
    /// Amounts are rounded to the fen (分).
    /// </summary>
    public static string ToCapitals(decimal amount)
    {
        amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (Math.Abs(amount) > MaxCapitals) throw new ArgumentOutOfRangeException(nameof(amount));
        var sb = new StringBuilder();
        if (amount < 0) { sb.Append('负'); amount = -amount; }
        var yuan = (long)decimal.Truncate(amount);
        var cents = (int)((amount - yuan) * 100);
        int jiao = cents / 10, fen = cents % 10;

        if (yuan > 0) sb.Append(IntegerPart(yuan)).Append('元');
        if (jiao == 0 && fen == 0)
        {
            if (yuan == 0) sb.Append("零元");
            sb.Append('整');
            return sb.ToString();
        }
        if (jiao > 0) sb.Append(Digits[jiao]).Append('角');
        else if (yuan > 0) sb.Append('零');
        if (fen > 0) sb.Append(Digits[fen]).Append('分');
        return sb.ToString();
    }

    private static string IntegerPart(long n)
    {
        // Above 亿 the count of 亿 is itself written with 万: 10001亿 is 壹万零壹亿, not 壹万亿零壹亿.
        if (n >= 100_000_000)
        {
            var yi = IntegerPart(n / 100_000_000) + "亿";
            var rest = n % 100_000_000;
            return rest == 0 ? yi : yi + (rest < 10_000_000 ? "零" : "") + IntegerPart(rest);
        }
        var groups = new List<int>();
        for (; n > 0; n /= 10000) groups.Add((int)(n % 10000));
        var sb = new StringBuilder();
        var pendingZero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var v = groups[g];
            if (v == 0) { pendingZero = sb.Length > 0; continue; }
            if (sb.Length > 0 && (pendingZero || v < 1000)) sb.Append('零');
            sb.Append(Group(v)).Append(GroupUnits[g]);
            pendingZero = false;
        }
        return sb.ToString();
    }

    private static string Group(int v)
    {
        var sb = new StringBuilder();
        var zero = false;
        for (var i = 3; i >= 0; i--)
        {
            var d = v / (int)Math.Pow(10, i) % 10;
            if (d == 0) { zero = sb.Length > 0; continue; }
            if (zero) sb.Append('零');
            zero = false;
            sb.Append(Digits[d]).Append(SmallUnits[i]);
        }
        return sb.ToString();
    }
}
