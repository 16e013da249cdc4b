using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>One exceptional day as entered.</summary>
public sealed record CalendarDayInput(DateOnly Date, CalendarDayKind Kind, string? Name);

/// <summary>A year of the official calendar as the administrator enters it.</summary>
public sealed record CalendarYearInput
{
    public bool Provisional { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<CalendarDayInput> Days { get; init; } = [];
}

/// <summary>A year with its days, as read.</summary>
public sealed record CalendarYearView(int Year, bool Provisional, string Source, DateTime UpdatedAt, string? UpdatedBy, IReadOnlyList<CalendarDay> Days);

/// <summary>Reads and maintains the working-day calendar; only a system administrator writes.</summary>
public sealed class CalendarService(LvyueDbContext db)
{
    /// <summary>The known years, newest first.</summary>
    public async Task<IReadOnlyList<CalendarYear>> YearsAsync(CancellationToken ct = default) =>
        await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);

    /// <summary>A year with its days, or null when the calendar does not know it.</summary>
    public async Task<CalendarYearView?> GetAsync(int year, CancellationToken ct = default)
    {
        var y = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(x => x.Year == year, ct);
        if (y is null) return null;
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(ct);
        return new CalendarYearView(y.Year, y.Provisional, y.Source, y.UpdatedAt, y.UpdatedBy, days);
    }

    /// <summary>Replaces a year's days (creating the year when new). Refuses bad days and writes nothing then.</summary>
    public async Task<CalendarYearView> SaveAsync(int year, CalendarYearInput input, CancellationToken ct = default)
    {
        if (!(db.Scope.All || db.Scope.HasRole(Roles.SystemAdmin))) throw DomainException.Forbidden();
        var errors = new ErrorBag();
        if (year is < 2000 or > 2100) errors.Add("year", "年份须在2000到2100之间", "The year must be between 2000 and 2100");
        var source = input.Source?.Trim();
        if (string.IsNullOrEmpty(source)) errors.Add("source", "请注明来源（如国务院办公厅放假安排通知）", "Name the source (e.g. the State Council's notice)");
        else if (source.Length > 300) errors.Add("source", "来源不超过300字", "The source is at most 300 characters");
        var seen = new HashSet<DateOnly>();
        foreach (var d in input.Days)
        {
            var key = $"days[{d.Date:yyyy-MM-dd}]";
            if (d.Date.Year != year) errors.Add(key, $"{d.Date:yyyy-MM-dd}不在{year}年", $"{d.Date:yyyy-MM-dd} is not in {year}");
            if (!seen.Add(d.Date)) errors.Add(key, $"{d.Date:yyyy-MM-dd}重复", $"{d.Date:yyyy-MM-dd} appears twice");
            if (!Enum.IsDefined(d.Kind)) errors.Add(key, "类型无效", "Invalid kind");
            if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(key, $"{d.Date:yyyy-MM-dd}缺少节日名称", $"{d.Date:yyyy-MM-dd} needs the festival's name");
            else if (d.Name.Trim().Length > 50) errors.Add(key, "名称不超过50字", "The name is at most 50 characters");
            if (d.Kind == CalendarDayKind.Workday && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add(key, $"调休上班日{d.Date:yyyy-MM-dd}须为周末（工作日本来就上班）", $"An adjusted working day ({d.Date:yyyy-MM-dd}) must fall on a weekend");
        }
        errors.ThrowIfAny();

        var y = await db.CalendarYears.FirstOrDefaultAsync(x => x.Year == year, ct);
        if (y is null) db.CalendarYears.Add(y = new CalendarYear { Year = year, Source = source! });
        y.Provisional = input.Provisional;
        y.Source = source!;
        y.UpdatedAt = db.Clock.GetUtcNow().UtcDateTime;
        y.UpdatedBy = db.Scope.Actor;
        var old = await db.CalendarDays.Where(d => d.Year == year).ToDictionaryAsync(d => d.Date, ct);
        foreach (var (date, row) in old)
            if (!seen.Contains(date)) db.CalendarDays.Remove(row);
        foreach (var d in input.Days)
        {
            if (old.TryGetValue(d.Date, out var row)) { row.Kind = d.Kind; row.Name = d.Name!.Trim(); }
            else db.CalendarDays.Add(new CalendarDay { Date = d.Date, Year = year, Kind = d.Kind, Name = d.Name!.Trim() });
        }
        await db.SaveChangesAsync(ct);
        return (await GetAsync(year, ct))!;
    }

    /// <summary>Parses the administrator's text form: one day a line, <c>2026-10-01 休 国庆节</c> or <c>2026-10-10 班 国庆节</c>.</summary>
    public static IReadOnlyList<CalendarDayInput> ParseLines(string? text, ErrorBag errors)
    {
        var list = new List<CalendarDayInput>();
        var n = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([' ', '\t', ',', '，'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var date))
            {
                errors.Add("days", $"第{n}行格式应为“2026-10-01 休 国庆节”", $"Line {n} should read '2026-10-01 off National Day'");
                continue;
            }
            CalendarDayKind? kind = parts[1].ToLowerInvariant() switch
            {
                "休" or "假" or "off" or "holiday" => CalendarDayKind.Holiday,
                "班" or "work" or "workday" => CalendarDayKind.Workday,
                _ => null,
            };
            if (kind is null) { errors.Add("days", $"第{n}行第二项应为“休”或“班”", $"Line {n}: the second item must be 'off' or 'work'"); continue; }
            list.Add(new CalendarDayInput(date, kind.Value, parts[2]));
        }
        return list;
    }

    /// <summary>The text form of a year's days (see <see cref="ParseLines"/>).</summary>
    public static string ToLines(IEnumerable<CalendarDay> days) =>
        string.Join('\n', days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd} {(d.Kind == CalendarDayKind.Holiday ? "休" : "班")} {d.Name}"));
}
