using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>
/// The official working-day calendar: Monday–Friday work and weekends are off, except the public
/// holidays and the adjusted working weekends (调休) the administrator enters per year. A date in a
/// year the calendar does not know is refused with a clear error, never guessed.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years, IEnumerable<CalendarDay> days)
    {
        _years = years.ToDictionary(y => y.Year);
        _days = days.ToDictionary(d => d.Date);
    }

    /// <summary>Loads every known year (a few dozen rows a year).</summary>
    public static async Task<WorkingDayCalendar> LoadAsync(LvyueDbContext db, CancellationToken ct = default) =>
        new(await db.CalendarYears.AsNoTracking().ToListAsync(ct), await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    /// <summary>The years the calendar knows, in order.</summary>
    public IReadOnlyList<CalendarYear> Years => [.. _years.Values.OrderBy(y => y.Year)];

    /// <summary>Whether <paramref name="year"/> has been entered.</summary>
    public bool Knows(int year) => _years.ContainsKey(year);

    /// <summary>Whether the year's days are only the statutory holidays (arrangement not yet published/entered).</summary>
    public bool IsProvisional(int year) => Year(year).Provisional;

    /// <summary>The holiday or 调休 entry of a date, if it has one.</summary>
    public CalendarDay? Exception(DateOnly date)
    {
        Year(date.Year);
        return _days.GetValueOrDefault(date);
    }

    /// <summary>Whether people work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        Year(date.Year);
        if (_days.TryGetValue(date, out var d)) return d.Kind == CalendarDayKind.Workday;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (start itself not counted);
    /// a negative count goes back. Zero returns <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var left = Math.Abs(days);
        var d = start;
        while (left > 0)
        {
            d = d.AddDays(step);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>
    /// The working days in (<paramref name="from"/>, <paramref name="to"/>]: after the first date, up to and
    /// including the second; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }

    /// <summary>The date <paramref name="days"/> calendar days, working days or months after <paramref name="start"/>.</summary>
    public DateOnly Add(DateOnly start, int days, DayCount count) => count switch
    {
        DayCount.Working => AddWorkingDays(start, days),
        DayCount.Months => start.AddMonths(days),
        _ => start.AddDays(days),
    };

    /// <summary>
    /// The last due date a milestone can have and still be within its grace on <paramref name="today"/>'s eve:
    /// an open milestone due on or before the returned date is past due plus <paramref name="graceWorkingDays"/>.
    /// </summary>
    public DateOnly LastDueDatePastGrace(DateOnly today, int graceWorkingDays)
    {
        // AddWorkingDays is monotone in its start, so walk back from yesterday to the first date whose
        // grace ends before today; that takes grace + weekends + holidays steps at most.
        var d = today.AddDays(-1);
        while (AddWorkingDays(d, graceWorkingDays) >= today) d = d.AddDays(-1);
        return d;
    }

    private CalendarYear Year(int year) =>
        _years.TryGetValue(year, out var y) ? y : throw MissingYear(year);

    /// <summary>The refusal for a year nobody has entered.</summary>
    public static DomainException MissingYear(int year) =>
        new(ErrorKind.Conflict,
            new Msg($"{year}年的工作日历尚未维护，请系统管理员在“节假日日历”中录入国务院公布的放假安排",
                $"The working-day calendar has no data for {year}; a system administrator must enter the official holiday arrangement"),
            new Dictionary<string, Msg[]> { ["calendar"] = [new Msg($"缺少{year}年日历", $"No calendar for {year}")] });
}
