using Lvyue.Performance;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance;

/// <summary>Bilingual labels and badge colours of the performance pages.</summary>
public static class PerformanceLabels
{
    public static string Kind(MilestoneKind k) => T(MilestoneLabels.Kinds[k]);
    public static string Status(MilestoneStatus s) => T(MilestoneLabels.Statuses[s]);
    public static string Party(ResponsibleParty p) => T(MilestoneLabels.Parties[p]);
    public static string Trigger(DueTrigger t) => T(MilestoneLabels.Triggers[t]);
    public static string Breach(BreachingParty b) => T(MilestoneLabels.Breaches[b]);
    public static string Exit(OverdueExit e) => T(MilestoneLabels.Exits[e]);

    public static string Count(DayCount c) => c switch
    {
        DayCount.Working => T("个工作日", " working days"),
        DayCount.Months => T("个月", " months"),
        _ => T("日", " days"),
    };

    /// <summary>A rule in the page's language, e.g. "30 days after milestone met".</summary>
    public static string Rule(DueTrigger t, int? days, DayCount? count) =>
        IsEnglish ? $"{days}{Count(count ?? DayCount.Calendar)} after {Trigger(t)}" : $"{Trigger(t)}后{days}{Count(count ?? DayCount.Calendar)}";

    public static string Badge(MilestoneStatus s) => s switch
    {
        MilestoneStatus.Planned => "secondary",
        MilestoneStatus.Due => "warning",
        MilestoneStatus.Met => "success",
        MilestoneStatus.PartiallyMet => "info",
        MilestoneStatus.Missed => "danger",
        _ => "light",
    };
}
