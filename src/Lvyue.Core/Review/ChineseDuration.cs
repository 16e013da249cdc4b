using System.Text.RegularExpressions;

namespace Lvyue.Review;

/// <summary>The unit of a <see cref="ContractDuration"/>.</summary>
public enum DurationUnit
{
    /// <summary>Calendar days (日, 天, 日历天, 日历日, 自然日).</summary>
    CalendarDays,

    /// <summary>Working days (工作日, 个工作日, 工作天): counting them needs the holiday calendar.</summary>
    WorkingDays,

    /// <summary>Weeks (周, 星期).</summary>
    Weeks,

    /// <summary>Months (个月).</summary>
    Months,

    /// <summary>Years (年).</summary>
    Years,
}

/// <summary>A period stated in a contract: 12 months, 1 year, 180 calendar days, 90 working days.</summary>
/// <param name="Value">How many units.</param>
/// <param name="Unit">The unit; calendar and working days are distinct units.</param>
public readonly record struct ContractDuration(int Value, DurationUnit Unit)
{
    /// <summary>
    /// <paramref name="start"/> moved forward by the duration (2024-03-01 plus 12 months is 2025-03-01; month ends are
    /// clamped as <see cref="DateOnly.AddMonths(int)"/> does). Null for working days, which need a holiday calendar.
    /// Whether the period ends on that day or the day before is a term of the contract, decided by the caller.
    /// </summary>
    public DateOnly? AddTo(DateOnly start) => Unit switch
    {
        DurationUnit.CalendarDays => start.AddDays(Value),
        DurationUnit.Weeks => start.AddDays(7 * Value),
        DurationUnit.Months => start.AddMonths(Value),
        DurationUnit.Years => start.AddYears(Value),
        _ => null,
    };
}

/// <summary>
/// Finds the first period in a phrase such as 自合同签订之日起12个月, 服务期限为一年, 三年, 180日历天, 90个工作日, 一年半
/// (18 months), 半年 (6 months), 1.5年 (18 months) or 两周. Figures and Chinese numerals are both read. Dates are not
/// periods: 2024年, 二〇二四年, the 1日 of 3月1日 and month names such as 3月 (months need 个: 3个月) are skipped, as are
/// ordinals (第12个月). Fractions that are not whole in a smaller unit (一个半月, 1.5天) are skipped rather than rounded.
/// </summary>
public static partial class ChineseDuration
{
    /// <summary>The first period stated in <paramref name="text"/>, or null when there is none.</summary>
    public static ContractDuration? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = TextNormalizer.Compact(text);
        foreach (Match m in Candidate().Matches(s))
        {
            if (Read(s, m) is { } duration) return duration;
        }
        return null;
    }

    private static ContractDuration? Read(string s, Match m)
    {
        var number = m.Groups["n"];
        var pre = m.Groups["pre"].Value;
        var half = pre.Contains('半') || m.Groups["post"].Success;
        var unit = m.Groups["u"].Value;
        var before = m.Index > 0 ? s[m.Index - 1] : '\0';
        if (before == '第') return null;

        decimal value;
        if (number.Success)
        {
            if (!ChineseAmount.TryParseNumber(number.Value, out value) || value <= 0) return null;
        }
        else
        {
            if (!half || unit != "年") return null;
            value = 0;
        }
        if (half) value += 0.5m;

        switch (unit)
        {
            case "年":
            {
                if (pre.Contains('个')) return null;
                // 2024年 and 2024年3月 are dates, not periods.
                if (value >= 1000 || LooksLikeMonth(s, m.Index + m.Length)) return null;
                if (value == decimal.Truncate(value)) return new ContractDuration((int)value, DurationUnit.Years);
                var months = value * 12;
                return months == decimal.Truncate(months) ? new ContractDuration((int)months, DurationUnit.Months) : null;
            }
            case "月":
                if (!pre.Contains('个')) return null;
                return Whole(value, DurationUnit.Months);
            case "周" or "星期":
                return Whole(value, DurationUnit.Weeks);
            case "工作日" or "工作天":
                return Whole(value, DurationUnit.WorkingDays);
            default:
                // The 1日 of 3月1日 is a day of a month.
                if (before == '月' || (pre.Length > 0 && pre != "个")) return null;
                return Whole(value, DurationUnit.CalendarDays);
        }
    }

    private static ContractDuration? Whole(decimal value, DurationUnit unit) =>
        value == decimal.Truncate(value) ? new ContractDuration((int)value, unit) : null;

    /// <summary>Whether a month number and 月 follow at <paramref name="at"/> (the 3月 of 2024年3月).</summary>
    private static bool LooksLikeMonth(string s, int at)
    {
        var i = at;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || ChineseAmount.DigitValue(s[i]) >= 0 || s[i] is '十')) i++;
        return i > at && i < s.Length && s[i] == '月';
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)?(?<pre>个半|半个|个|半)?(?<u>日历天|日历日|自然日|工作日|工作天|月|年|周|星期|天|日)(?<post>半(?!个|年))?")]
    private static partial Regex Candidate();
}
