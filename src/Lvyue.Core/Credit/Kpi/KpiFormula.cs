using System.Globalization;

namespace Lvyue.Credit.Kpi;

/// <summary>The three components of the unit KPI.</summary>
public enum KpiComponent { ContractManagement, Performance, Evaluation }

/// <summary>
/// One fact behind an indicator: a contract filed (on time or late), a review finding (answered or open), a milestone
/// (met on time or not), an overdue entry, a termination, an SME payment, an assessment period. <see cref="Ok"/> is
/// whether it counts for the unit.
/// </summary>
public sealed record KpiEvent(long? ContractId, string? ContractNumber, DateOnly? On, bool Ok, string Zh, string En, decimal? Amount = null);

/// <summary>A dishonesty determination of the unit confirmed in the year: the one-vote veto.</summary>
public sealed record KpiVeto(long DeterminationId, string? Number, DateOnly On, string Facts);

/// <summary>Everything the KPI of one unit and year is computed from (see <see cref="KpiFacts"/>).</summary>
public sealed record KpiInput(
    IReadOnlyList<KpiEvent> Filing, IReadOnlyList<KpiEvent> Findings, IReadOnlyList<KpiEvent> Documents,
    IReadOnlyList<KpiEvent> Milestones, IReadOnlyList<KpiEvent> Overdue, decimal PurchaserDueAmount, int PurchaserDueCount,
    IReadOnlyList<KpiEvent> Breaches, IReadOnlyList<KpiEvent> SmePayments,
    IReadOnlyList<KpiEvent> Periodic, IReadOnlyList<KpiEvent> Final, IReadOnlyList<KpiVeto> Vetoes)
{
    public static KpiInput Empty { get; } = new([], [], [], [], [], 0m, 0, [], [], [], [], []);
}

/// <summary>One indicator's figures and the events behind it.</summary>
public sealed record KpiIndicator(string Code, KpiComponent Component, string Zh, string En, decimal Weight, int Count, int OkCount,
    decimal Rate, decimal Score, string Note, string NoteEn, IReadOnlyList<KpiEvent> Events);

/// <summary>The KPI of a unit and year: total, components, grade, veto and indicators.</summary>
public sealed record KpiOutcome(decimal Score, decimal ContractScore, decimal PerformanceScore, decimal EvaluationScore,
    CreditGradeLevel Grade, bool Vetoed, string Reason, string ReasonEn, IReadOnlyList<KpiIndicator> Indicators);

/// <summary>
/// The budget-unit KPI formula (documented on the KPI page, every figure reproducible from the stored events):
/// <list type="number">
/// <item>Each indicator has a rate between 0 and 1 and a score = rate × 100 (rounded to 0.01). A ratio indicator's rate is
/// the share of its events that count for the unit (1 when the year has none): filing within the deadline, review findings
/// answered, documents uploaded, purchaser milestones met by their due date, SME payments on time, periodic assessments and
/// final evaluations scored on schedule.</item>
/// <item>Overdue: 1 − (amount of the unit's milestones entering the overdue register ÷ amount of its milestones due), by count
/// when no amounts are due, never below 0. Breach: 1 − terminations for the purchaser's breach × penalty ÷ 100, never below 0.</item>
/// <item>A component's score is the weighted mean of its indicators' scores; the total is the weighted sum of the components
/// (weights add up to 100).</item>
/// <item>A dishonesty determination of the unit confirmed in the year (not revoked) is a one-vote veto: grade 差 whatever the
/// score. Otherwise the grade follows the score bounds.</item>
/// </list>
/// </summary>
public static class KpiFormula
{
    public static KpiOutcome Compute(KpiInput input, KpiParameters p)
    {
        var indicators = new List<KpiIndicator>
        {
            Ratio("filing_on_time", KpiComponent.ContractManagement, "合同按时备案", "Filed on time", p.FilingWeight, input.Filing,
                $"签订后{p.FilingDeadlineWorkingDays}个工作日内备案", $"filed within {p.FilingDeadlineWorkingDays} working days of signing"),
            Ratio("findings_answered", KpiComponent.ContractManagement, "审查意见已答复", "Review findings answered", p.FindingsWeight, input.Findings,
                "合同审查发现的问题已采纳或说明理由", "findings of the machine review accepted or dismissed with a reason"),
            Ratio("documents_complete", KpiComponent.ContractManagement, "合同文本齐全", "Documents complete", p.DocumentsWeight, input.Documents,
                "已备案合同上传了合同文本", "filed contracts have their contract document"),
            Ratio("milestones_on_time", KpiComponent.Performance, "履约节点按时完成", "Milestones met on time", p.MilestonesWeight, input.Milestones,
                "采购人负责的节点（付款、验收等）在到期日前完成", "purchaser milestones (payments, acceptance…) met by their due date"),
            Overdue(input, p),
            Breach(input, p),
            Ratio("sme_paid_on_time", KpiComponent.Performance, "中小企业款项按时支付", "SMEs paid on time", p.SmeWeight, input.SmePayments,
                "向中小企业支付未触发逾期支付预警（保障中小企业款项支付条例）", "payments to SMEs without a late-payment alert"),
            Ratio("assessments_on_schedule", KpiComponent.Evaluation, "定期考核按时开展", "Periodic assessments on schedule", p.PeriodicWeight, input.Periodic,
                $"{Evaluation.EvaluationLabels.Of(p.PeriodicLine).Zh}{Evaluation.EvaluationLabels.Of(p.PeriodicFrequency).Zh}开展，期末后{p.PeriodicGraceDays}天内完成",
                $"{Evaluation.EvaluationLabels.Of(p.PeriodicLine).En}, {Evaluation.EvaluationLabels.Of(p.PeriodicFrequency).En.ToLowerInvariant()}, scored within {p.PeriodicGraceDays} days of the period end"),
            Ratio("final_on_schedule", KpiComponent.Evaluation, "履约完成后按时终评", "Final evaluations on schedule", p.FinalWeight, input.Final,
                $"合同履约完成后{p.FinalGraceDays}天内完成综合评价", $"final evaluation within {p.FinalGraceDays} days of completion"),
        };
        var contract = Component(indicators, KpiComponent.ContractManagement);
        var performance = Component(indicators, KpiComponent.Performance);
        var evaluation = Component(indicators, KpiComponent.Evaluation);
        var score = Round((p.ContractWeight * contract + p.PerformanceWeight * performance + p.EvaluationWeight * evaluation) / 100m);
        var formula = $"合同管理{F(contract)}×{F(p.ContractWeight)}% + 履约管理{F(performance)}×{F(p.PerformanceWeight)}% + 评价管理{F(evaluation)}×{F(p.EvaluationWeight)}% = {F(score)}";
        var formulaEn = $"contract management {F(contract)}×{F(p.ContractWeight)}% + performance {F(performance)}×{F(p.PerformanceWeight)}% + evaluation {F(evaluation)}×{F(p.EvaluationWeight)}% = {F(score)}";
        if (input.Vetoes.Count > 0)
        {
            var what = string.Join("；", input.Vetoes.Select(v => $"{v.Number ?? "#" + v.DeterminationId}（{v.On:yyyy-MM-dd}）"));
            return new KpiOutcome(score, contract, performance, evaluation, CreditGradeLevel.Poor, true,
                $"本年度存在政府采购失信认定（{what}），实行一票否决，评为差（得分{F(score)}）",
                $"Procurement dishonesty determined this year ({string.Join("; ", input.Vetoes.Select(v => v.Number ?? "#" + v.DeterminationId))}): one-vote veto, graded Poor (score {F(score)})",
                indicators);
        }
        var grade = score >= p.ExcellentFrom ? CreditGradeLevel.Excellent : score >= p.GoodFrom ? CreditGradeLevel.Good
            : score >= p.FairFrom ? CreditGradeLevel.Fair : CreditGradeLevel.Poor;
        var (zh, en) = CreditRules.Label(grade);
        return new KpiOutcome(score, contract, performance, evaluation, grade, false, $"{formula}，评为{zh}", $"{formulaEn}: {en}", indicators);
    }

    private static KpiIndicator Ratio(string code, KpiComponent c, string zh, string en, decimal weight, IReadOnlyList<KpiEvent> events, string rule, string ruleEn)
    {
        var ok = events.Count(e => e.Ok);
        var rate = events.Count == 0 ? 1m : (decimal)ok / events.Count;
        var note = events.Count == 0 ? $"{rule}；本年度无此类事项，计满分" : $"{rule}；{ok}/{events.Count}";
        var noteEn = events.Count == 0 ? $"{ruleEn}; none this year, full score" : $"{ruleEn}; {ok}/{events.Count}";
        return new KpiIndicator(code, c, zh, en, weight, events.Count, ok, Math.Round(rate, 4), Round(rate * 100m), note, noteEn, events);
    }

    private static KpiIndicator Overdue(KpiInput input, KpiParameters p)
    {
        var events = input.Overdue;
        var amount = events.Sum(e => e.Amount ?? 0m);
        decimal rate;
        string note, noteEn;
        if (input.PurchaserDueAmount > 0)
        {
            rate = Math.Max(0m, 1m - amount / input.PurchaserDueAmount);
            note = $"1 − 逾期节点金额{F(amount)}元 ÷ 到期节点金额{F(input.PurchaserDueAmount)}元；逾期{events.Count}项";
            noteEn = $"1 − overdue amount CNY {F(amount)} ÷ amount due CNY {F(input.PurchaserDueAmount)}; {events.Count} overdue";
        }
        else if (input.PurchaserDueCount > 0)
        {
            rate = Math.Max(0m, 1m - (decimal)events.Count / input.PurchaserDueCount);
            note = $"1 − 逾期{events.Count}项 ÷ 到期{input.PurchaserDueCount}项";
            noteEn = $"1 − {events.Count} overdue ÷ {input.PurchaserDueCount} due";
        }
        else
        {
            rate = events.Count == 0 ? 1m : 0m;
            note = events.Count == 0 ? "本年度无到期节点，计满分" : $"逾期{events.Count}项";
            noteEn = events.Count == 0 ? "nothing due this year, full score" : $"{events.Count} overdue";
        }
        return new KpiIndicator("overdue", KpiComponent.Performance, "逾期情况（数量与金额）", "Overdue (count and amount)", p.OverdueWeight,
            events.Count, 0, Math.Round(rate, 4), Round(rate * 100m), note, noteEn, events);
    }

    private static KpiIndicator Breach(KpiInput input, KpiParameters p)
    {
        var n = input.Breaches.Count;
        var rate = Math.Max(0m, 1m - n * p.BreachPenalty / 100m);
        return new KpiIndicator("purchaser_breach", KpiComponent.Performance, "因采购人违约解除合同", "Terminations for the purchaser's breach", p.BreachWeight,
            n, 0, Math.Round(rate, 4), Round(rate * 100m),
            $"每起扣{F(p.BreachPenalty)}分；本年度{n}起", $"{F(p.BreachPenalty)} points per termination; {n} this year", input.Breaches);
    }

    private static decimal Component(List<KpiIndicator> all, KpiComponent c)
    {
        var items = all.Where(i => i.Component == c && i.Weight > 0).ToList();
        var w = items.Sum(i => i.Weight);
        return w == 0 ? 100m : Round(items.Sum(i => i.Weight * i.Score) / w);
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    private static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
