namespace Lvyue.Performance;

/// <summary>
/// The official calendars shipped with the platform (migration 0005 inserts the same rows; a test checks
/// they agree). The administrator corrects or extends them on the holiday calendar page.
/// </summary>
public static class OfficialCalendar
{
    public const string Source2026 = "国务院办公厅关于2026年部分节假日安排的通知";

    public const string Source2027 =
        "《全国年节及纪念日放假办法》（2024年修订）规定的法定节假日；国务院办公厅2027年放假安排公布前为暂定，调休未录入";

    /// <summary>2026: holidays and adjusted working weekends from the State Council's notice.</summary>
    public static IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Days2026 { get; } =
    [
        .. Off(2026, 1, 1, 3, "元旦"), (new(2026, 1, 4), CalendarDayKind.Workday, "元旦"),
        (new(2026, 2, 14), CalendarDayKind.Workday, "春节"), .. Off(2026, 2, 15, 23, "春节"), (new(2026, 2, 28), CalendarDayKind.Workday, "春节"),
        .. Off(2026, 4, 4, 6, "清明节"),
        .. Off(2026, 5, 1, 5, "劳动节"), (new(2026, 5, 9), CalendarDayKind.Workday, "劳动节"),
        .. Off(2026, 6, 19, 21, "端午节"),
        (new(2026, 9, 20), CalendarDayKind.Workday, "国庆节"), .. Off(2026, 9, 25, 27, "中秋节"),
        .. Off(2026, 10, 1, 7, "国庆节"), (new(2026, 10, 10), CalendarDayKind.Workday, "国庆节"),
    ];

    /// <summary>2027: the statutory holidays only (春节 除夕–初三 is 5–8 February), provisional.</summary>
    public static IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Days2027 { get; } =
    [
        .. Off(2027, 1, 1, 1, "元旦"),
        .. Off(2027, 2, 5, 8, "春节"),
        .. Off(2027, 4, 5, 5, "清明节"),
        .. Off(2027, 5, 1, 2, "劳动节"),
        .. Off(2027, 6, 9, 9, "端午节"),
        .. Off(2027, 9, 15, 15, "中秋节"),
        .. Off(2027, 10, 1, 3, "国庆节"),
    ];

    /// <summary>The shipped years and days as entities.</summary>
    public static (List<CalendarYear> Years, List<CalendarDay> Days) Entities(DateTime at)
    {
        var years = new List<CalendarYear>
        {
            new() { Year = 2026, Provisional = false, Source = Source2026, UpdatedAt = at, UpdatedBy = "system" },
            new() { Year = 2027, Provisional = true, Source = Source2027, UpdatedAt = at, UpdatedBy = "system" },
        };
        var days = Days2026.Concat(Days2027)
            .Select(d => new CalendarDay { Date = d.Date, Year = d.Date.Year, Kind = d.Kind, Name = d.Name }).ToList();
        return (years, days);
    }

    private static IEnumerable<(DateOnly, CalendarDayKind, string)> Off(int year, int month, int from, int to, string name)
    {
        for (var d = from; d <= to; d++) yield return (new DateOnly(year, month, d), CalendarDayKind.Holiday, name);
    }
}
