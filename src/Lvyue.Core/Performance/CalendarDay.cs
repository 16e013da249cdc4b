namespace Lvyue.Performance;

/// <summary>
/// One day of the official calendar that differs from the plain week: a public holiday (放假) or an
/// adjusted working day on a weekend (调休上班). Every other Monday–Friday is a working day and every
/// other Saturday–Sunday is not — but only in a year that has a <see cref="CalendarYear"/>.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>The festival, e.g. 春节 or 国庆节.</summary>
    public required string Name { get; set; }
}

/// <summary>Whether an exceptional day is off or worked.</summary>
public enum CalendarDayKind { Holiday, Workday }

/// <summary>A year the calendar knows, with the source of its days. A year without a row is refused, never guessed.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    /// <summary>True while only the statutory holidays are known and the State Council's arrangement is not yet entered.</summary>
    public bool Provisional { get; set; }
    /// <summary>Where the days come from, e.g. 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）.</summary>
    public required string Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
