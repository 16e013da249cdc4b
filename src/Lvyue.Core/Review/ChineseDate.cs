using System.Globalization;
using System.Text.RegularExpressions;

namespace Lvyue.Review;

/// <summary>How much of a <see cref="ContractDate"/> the text stated.</summary>
public enum DatePrecision
{
    /// <summary>Year, month and day were written (2024年3月1日).</summary>
    Day,

    /// <summary>Only year and month were written (2024年3月); the date is the first day of that month.</summary>
    Month,

    /// <summary>Only the year was written (2024年); the date is 1 January of that year.</summary>
    Year,
}

/// <summary>A date read from a contract, with the precision the text gave it.</summary>
/// <param name="Date">The date; for month or year precision, the first day of the month or year.</param>
/// <param name="Precision">Which parts the text stated.</param>
public readonly record struct ContractDate(DateOnly Date, DatePrecision Precision);

/// <summary>
/// Reads one date written the ways Chinese contracts write dates: 2024年3月1日, 2024年03月01日, 2024年3月1号,
/// 二〇二四年三月一日 (years digit by digit with 〇, ○, 零 or O; months and days as numbers such as 十二, 三十一),
/// 2024-03-01, 2024/3/1, 2024.3.1, 20240301, and with less precision 2024年3月, 2024-03 and 2024年 (see
/// <see cref="DatePrecision"/>). Blanks left to be filled in (____年__月__日, 　　年　　月　　日), dates that do not exist
/// (2024年2月30日) and years outside 1900–2199 return null.
/// </summary>
public static partial class ChineseDate
{
    /// <summary>Lowest year accepted: earlier years in a contract are typing errors, not dates.</summary>
    public const int MinYear = 1900;

    /// <summary>Highest year accepted.</summary>
    public const int MaxYear = 2199;

    /// <summary>The date, or null when <paramref name="text"/> is not exactly one real date.</summary>
    public static ContractDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = TextNormalizer.Compact(text);

        var m = Figures().Match(s);
        if (m.Success)
            return Build(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : null);

        m = Compact().Match(s);
        if (m.Success)
            return Build(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));

        m = Written().Match(s);
        if (!m.Success) return null;
        var year = Year(m.Groups["y"].Value);
        if (year is null) return null;
        if (!m.Groups["m"].Success) return year is >= MinYear and <= MaxYear ? new ContractDate(new DateOnly(year.Value, 1, 1), DatePrecision.Year) : null;
        var month = Part(m.Groups["m"].Value);
        if (month is null) return null;
        int? day = null;
        if (m.Groups["d"].Success)
        {
            day = Part(m.Groups["d"].Value);
            if (day is null) return null;
        }
        return Build(year.Value, month.Value, day);
    }

    /// <summary>The date when <paramref name="text"/> states a full day; null for blanks, invalid dates and month or year precision.</summary>
    public static DateOnly? ParseDay(string? text) =>
        Parse(text) is { Precision: DatePrecision.Day } date ? date.Date : null;

    private static ContractDate? Build(int year, int month, int? day)
    {
        if (year is < MinYear or > MaxYear || month is < 1 or > 12) return null;
        if (day is null) return new ContractDate(new DateOnly(year, month, 1), DatePrecision.Month);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new ContractDate(new DateOnly(year, month, day.Value), DatePrecision.Day);
    }

    /// <summary>2024, or 二〇二四 / 二零二四 read digit by digit.</summary>
    private static int? Year(string s)
    {
        if (s.Length != 4) return null;
        var year = 0;
        foreach (var c in s)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : c is '○' or 'O' or 'o' ? 0 : ChineseAmount.DigitValue(c);
            if (d < 0) return null;
            year = year * 10 + d;
        }
        return year;
    }

    /// <summary>A month or day: 3, 03, 三, 十二, 三十一.</summary>
    private static int? Part(string s)
    {
        if (s.Length is 1 or 2 && s.All(char.IsAsciiDigit)) return int.Parse(s, CultureInfo.InvariantCulture);
        if (s.Any(char.IsAsciiDigit)) return null;
        if (s.Length > 3 || !ChineseAmount.TryParseNumber(s, out var v) || v != decimal.Truncate(v)) return null;
        return (int)v;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})(?:\k<sep>(?<d>\d{1,2}))?$")]
    private static partial Regex Figures();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<y>[^年]+)年(?:(?<m>[^月]+)月(?:(?<d>[^日号]+)[日号])?)?$")]
    private static partial Regex Written();
}
