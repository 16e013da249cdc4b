using System.Text.Json;
using Lvyue.Evaluation;

namespace Lvyue.Credit.Kpi;

/// <summary>
/// One version of a region's budget-unit KPI rules (部门绩效考核规则): the weights and parameters of
/// <see cref="KpiFormula"/> as data. Revising adds the next version; a stored result keeps the version it used.
/// </summary>
public sealed class KpiPolicy
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public int Version { get; set; }
    /// <summary>The <see cref="KpiParameters"/> as JSON.</summary>
    public string ParametersJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string? Note { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public KpiParameters Parameters() => JsonSerializer.Deserialize<KpiParameters>(ParametersJson, Json) ?? KpiParameters.Defaults;

    public void SetParameters(KpiParameters p) => ParametersJson = JsonSerializer.Serialize(p, Json);

    /// <summary>Version 1 of a region: <see cref="KpiParameters.Defaults"/>.</summary>
    public static KpiPolicy Defaults(long regionId)
    {
        var p = new KpiPolicy { RegionId = regionId, Version = 1, CreatedBy = "system", Note = "默认规则（榆林部门考核口径） / Defaults (Yulin unit KPI)" };
        p.SetParameters(KpiParameters.Defaults);
        return p;
    }
}

/// <summary>
/// The weights and parameters of the unit KPI. Component weights add up to 100; indicator weights are relative
/// within their component. Grade bounds: score ≥ <see cref="ExcellentFrom"/> → 优, ≥ <see cref="GoodFrom"/> → 良,
/// ≥ <see cref="FairFrom"/> → 中, else 差.
/// </summary>
public sealed record KpiParameters
{
    public decimal ContractWeight { get; init; } = 40m;
    public decimal PerformanceWeight { get; init; } = 40m;
    public decimal EvaluationWeight { get; init; } = 20m;

    /// <summary>政府采购法 第四十七条: the contract is filed within 7 working days of signing.</summary>
    public int FilingDeadlineWorkingDays { get; init; } = 7;
    public decimal FilingWeight { get; init; } = 50m;
    public decimal FindingsWeight { get; init; } = 30m;
    public decimal DocumentsWeight { get; init; } = 20m;

    public decimal MilestonesWeight { get; init; } = 40m;
    public decimal OverdueWeight { get; init; } = 20m;
    public decimal BreachWeight { get; init; } = 20m;
    /// <summary>Points of the breach indicator (out of 100) lost per termination for the purchaser's breach.</summary>
    public decimal BreachPenalty { get; init; } = 50m;
    public decimal SmeWeight { get; init; } = 20m;

    /// <summary>The periodic line whose assessments are expected (the daily line, monthly, by default).</summary>
    public AssessmentLine PeriodicLine { get; init; } = AssessmentLine.Daily;
    public AssessmentFrequency PeriodicFrequency { get; init; } = AssessmentFrequency.Monthly;
    /// <summary>A period's assessment is on schedule when scored within this many days after the period ends.</summary>
    public int PeriodicGraceDays { get; init; } = 10;
    public decimal PeriodicWeight { get; init; } = 70m;
    /// <summary>A final evaluation is on schedule when scored within this many days after completion.</summary>
    public int FinalGraceDays { get; init; } = 30;
    public decimal FinalWeight { get; init; } = 30m;

    public decimal ExcellentFrom { get; init; } = 90m;
    public decimal GoodFrom { get; init; } = 80m;
    public decimal FairFrom { get; init; } = 60m;

    public static KpiParameters Defaults { get; } = new();

    /// <summary>The problems of a revision, by field; empty when valid.</summary>
    public Common.ErrorBag Validate()
    {
        var e = new Common.ErrorBag();
        if (ContractWeight < 0 || PerformanceWeight < 0 || EvaluationWeight < 0 || ContractWeight + PerformanceWeight + EvaluationWeight != 100m)
            e.Add("contractWeight", "三项权重须为非负数且合计100", "The three component weights are non-negative and add up to 100");
        foreach (var (name, w) in new[] { ("filingWeight", FilingWeight), ("findingsWeight", FindingsWeight), ("documentsWeight", DocumentsWeight),
                     ("milestonesWeight", MilestonesWeight), ("overdueWeight", OverdueWeight), ("breachWeight", BreachWeight), ("smeWeight", SmeWeight),
                     ("periodicWeight", PeriodicWeight), ("finalWeight", FinalWeight) })
            if (w is < 0 or > 100) e.Add(name, "指标权重须在0–100之间", "An indicator weight is between 0 and 100");
        if (FilingWeight + FindingsWeight + DocumentsWeight <= 0) e.Add("filingWeight", "合同管理至少一项指标权重大于0", "Give contract management at least one weighted indicator");
        if (MilestonesWeight + OverdueWeight + BreachWeight + SmeWeight <= 0) e.Add("milestonesWeight", "履约管理至少一项指标权重大于0", "Give performance at least one weighted indicator");
        if (PeriodicWeight + FinalWeight <= 0) e.Add("periodicWeight", "评价管理至少一项指标权重大于0", "Give evaluation at least one weighted indicator");
        if (FilingDeadlineWorkingDays is < 1 or > 60) e.Add("filingDeadlineWorkingDays", "备案期限须为1–60个工作日", "The filing deadline is 1 to 60 working days");
        if (BreachPenalty is < 0 or > 100) e.Add("breachPenalty", "每次扣分须在0–100之间", "The penalty per termination is between 0 and 100");
        if (PeriodicLine == AssessmentLine.Final) e.Add("periodicLine", "定期考核只能是日常或管理考核", "The periodic line is the daily or the management line");
        if (PeriodicFrequency == AssessmentFrequency.Once) e.Add("periodicFrequency", "定期考核按月或按季度", "Periodic assessments are monthly or quarterly");
        if (PeriodicGraceDays is < 0 or > 90) e.Add("periodicGraceDays", "宽限期须为0–90天", "The grace is 0 to 90 days");
        if (FinalGraceDays is < 0 or > 180) e.Add("finalGraceDays", "终评期限须为0–180天", "The final evaluation deadline is 0 to 180 days");
        if (!(ExcellentFrom <= 100 && ExcellentFrom > GoodFrom && GoodFrom > FairFrom && FairFrom >= 0))
            e.Add("excellentFrom", "等级分数线须满足 100 ≥ 优 > 良 > 中 ≥ 0", "Grade bounds satisfy 100 ≥ Excellent > Good > Fair ≥ 0");
        return e;
    }
}
