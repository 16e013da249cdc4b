namespace Lvyue.Evaluation;

/// <summary>The calendar periods of assessments: months (2026-03) and quarters (2026-Q2).</summary>
public static class AssessmentPeriod
{
    /// <summary>The period of <paramref name="f"/> containing <paramref name="day"/>: its first day, last day and label.</summary>
    public static (DateOnly Start, DateOnly End, string Label) Containing(DateOnly day, AssessmentFrequency f)
    {
        switch (f)
        {
            case AssessmentFrequency.Monthly:
            {
                var s = new DateOnly(day.Year, day.Month, 1);
                return (s, s.AddMonths(1).AddDays(-1), $"{day.Year}-{day.Month:D2}");
            }
            case AssessmentFrequency.Quarterly:
            {
                var q = (day.Month - 1) / 3;
                var s = new DateOnly(day.Year, q * 3 + 1, 1);
                return (s, s.AddMonths(3).AddDays(-1), $"{day.Year}-Q{q + 1}");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(f), "A final evaluation covers the contract term, not a calendar period");
        }
    }

    public static DateOnly Previous(DateOnly start, AssessmentFrequency f) => start.AddMonths(f == AssessmentFrequency.Quarterly ? -3 : -1);

    public static DateOnly Next(DateOnly start, AssessmentFrequency f) => start.AddMonths(f == AssessmentFrequency.Quarterly ? 3 : 1);
}
