using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// The stored KPI of a budget unit for a year (部门绩效考核结果), as <see cref="KpiFormula"/> computed it on
/// <see cref="AsOf"/> with policy <see cref="PolicyVersion"/>: the total, the three components, the grade (差 on a
/// one-vote veto), the reason, and the indicators with the events behind them (<see cref="DetailJson"/>).
/// </summary>
public sealed class KpiResult
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public int Year { get; set; }
    public int PolicyVersion { get; set; }
    public decimal Score { get; set; }
    public decimal ContractScore { get; set; }
    public decimal PerformanceScore { get; set; }
    public decimal EvaluationScore { get; set; }
    public CreditGradeLevel Grade { get; set; }
    public bool Vetoed { get; set; }
    public required string Reason { get; set; }
    public required string ReasonEn { get; set; }
    /// <summary>The <see cref="KpiIndicator"/> list as JSON.</summary>
    public string DetailJson { get; set; } = "[]";
    public DateOnly AsOf { get; set; }
    public DateTime ComputedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IReadOnlyList<KpiIndicator> Indicators() => JsonSerializer.Deserialize<List<KpiIndicator>>(DetailJson, Json) ?? [];

    public static string Serialize(IReadOnlyList<KpiIndicator> indicators) => JsonSerializer.Serialize(indicators, Json);
}

/// <summary>
/// One night's recompute (每晚重算) of star ratings, credit grades, unit KPIs and the due publication lists: at most one
/// row per night (unique <see cref="Night"/>), written by whichever instance held the job's lease.
/// </summary>
public sealed class RecomputeRun
{
    public long Id { get; set; }
    /// <summary>The date (Asia/Shanghai) whose 02:00 run this is.</summary>
    public DateOnly Night { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int Ratings { get; set; }
    public int Grades { get; set; }
    public int KpiResults { get; set; }
    public int Publications { get; set; }
    public string? Owner { get; set; }
}
