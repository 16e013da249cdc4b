using System.Globalization;
using Lvyue.Common;

namespace Lvyue.Evaluation;

/// <summary>A periodic score as the policy rules read it.</summary>
public sealed record PeriodScore(DateOnly Start, DateOnly End, string Label, decimal Total);

/// <summary>What the rules know about a contract when an assessment arrives.</summary>
public sealed record PolicyContext(
    DateOnly TermStart,
    DateOnly TermEnd,
    decimal ContractAmount,
    AssessmentFrequency Frequency,
    IReadOnlyList<PeriodScore> Scores,
    PeriodScore Current,
    bool TerminationRightGiven,
    IReadOnlySet<int> BidBanYears,
    decimal DeductedSoFar);

/// <summary>One decision of the rules, before it is written as a <see cref="PolicyEvent"/>.</summary>
public sealed record PolicyOutcome(PolicyEventKind Kind, string Reason, string ReasonEn, int? Year = null, decimal? Amount = null, decimal? PeriodFee = null);

/// <summary>
/// The region policy rules, evaluated after each assessment on the policy's line (pure: no database):
/// <list type="bullet">
/// <item>termination right: the current score is below the threshold and either it ends or belongs to a run of
/// at least <c>TerminationConsecutive</c> adjacent low periods, or it is at least the <c>TerminationTimesInTerm</c>-th
/// low period of the term; given once per contract;</item>
/// <item>bid ban: when the last period of a calendar year within the term is scored, the average of that
/// year's scores is below the threshold; once per contract and year;</item>
/// <item>deduction: the band of the current score (the band with the lowest bound above it) takes its percent of
/// the period fee (contract amount × days of the period in the term ÷ days of the term) or its fixed amount,
/// cut so that the contract's deductions never exceed the cap.</item>
/// </list>
/// </summary>
public static class PolicyEngine
{
    public static IReadOnlyList<PolicyOutcome> Evaluate(EvaluationPolicy policy, PolicyContext c)
    {
        var outcomes = new List<PolicyOutcome>();
        var v = policy.Version;
        var scores = c.Scores.OrderBy(s => s.Start).ToList();
        var t = policy.TerminationThreshold;
        var cur = c.Current;

        if (cur.Total < t && !c.TerminationRightGiven)
        {
            var run = LowRunAround(scores, cur, t, c.Frequency);
            var lows = scores.Where(s => s.Total < t).ToList();
            if (run.Count >= policy.TerminationConsecutive)
            {
                var list = string.Join("，", run.Select(s => $"{s.Label}：{F(s.Total)}"));
                var listEn = string.Join(", ", run.Select(s => $"{s.Label}: {F(s.Total)}"));
                outcomes.Add(new(PolicyEventKind.TerminationRight,
                    $"连续{run.Count}期考核得分低于{F(t)}分（{list}），采购人可依约解除合同（规则第{v}版：连续{policy.TerminationConsecutive}期）",
                    $"{run.Count} consecutive periods scored below {F(t)} ({listEn}); the purchaser may terminate (policy v{v}: {policy.TerminationConsecutive} consecutive periods)"));
            }
            else if (lows.Count >= policy.TerminationTimesInTerm)
            {
                var list = string.Join("，", lows.Select(s => $"{s.Label}：{F(s.Total)}"));
                var listEn = string.Join(", ", lows.Select(s => $"{s.Label}: {F(s.Total)}"));
                outcomes.Add(new(PolicyEventKind.TerminationRight,
                    $"合同期内第{lows.Count}次考核得分低于{F(t)}分（{list}），采购人可依约解除合同（规则第{v}版：期内{policy.TerminationTimesInTerm}次）",
                    $"{lows.Count} periods in the term scored below {F(t)} ({listEn}); the purchaser may terminate (policy v{v}: {policy.TerminationTimesInTerm} times in the term)"));
            }
        }

        var year = cur.Start.Year;
        var yearEnd = Min(new DateOnly(year, 12, 31), c.TermEnd);
        if (cur.End >= yearEnd && !c.BidBanYears.Contains(year))
        {
            var ofYear = scores.Where(s => s.Start.Year == year).ToList();
            var avg = Math.Round(ofYear.Average(s => s.Total), 2, MidpointRounding.AwayFromZero);
            if (avg < policy.BidBanThreshold)
                outcomes.Add(new(PolicyEventKind.BidBan,
                    $"{year}年度考核平均分{F(avg)}分（{ofYear.Count}期），低于{F(policy.BidBanThreshold)}分，供应商不得参与本项目下一年度招标（规则第{v}版）",
                    $"The {year} average of {F(avg)} over {ofYear.Count} periods is below {F(policy.BidBanThreshold)}; the supplier is barred from the project's next tender (policy v{v})",
                    Year: year));
        }

        var band = policy.Bands().FirstOrDefault(b => cur.Total < b.Below);
        if (band is not null)
        {
            decimal? fee = null;
            decimal amount;
            string basis, basisEn;
            if (band.Percent is { } pct)
            {
                fee = PeriodFee(c.ContractAmount, c.TermStart, c.TermEnd, cur.Start, cur.End);
                amount = Math.Round(fee.Value * pct / 100m, 2, MidpointRounding.AwayFromZero);
                basis = $"得分{F(cur.Total)}低于{F(band.Below)}分，扣减本期服务费{Money.FormatYuan(fee.Value)}的{F(pct)}%";
                basisEn = $"score {F(cur.Total)} below {F(band.Below)}: {F(pct)}% of the period fee of {Money.FormatYuan(fee.Value)}";
            }
            else
            {
                amount = band.Amount ?? 0m;
                basis = $"得分{F(cur.Total)}低于{F(band.Below)}分，扣款{Money.FormatYuan(amount)}";
                basisEn = $"score {F(cur.Total)} below {F(band.Below)}: a fixed {Money.FormatYuan(amount)}";
            }
            var room = Math.Max(0m, policy.DeductionCap - c.DeductedSoFar);
            if (amount > room)
            {
                basis += $"；累计扣款上限{Money.FormatYuan(policy.DeductionCap)}，已扣{Money.FormatYuan(c.DeductedSoFar)}，本期实扣{Money.FormatYuan(room)}";
                basisEn += $"; capped at {Money.FormatYuan(policy.DeductionCap)} in total, {Money.FormatYuan(c.DeductedSoFar)} deducted before, {Money.FormatYuan(room)} now";
                amount = room;
            }
            if (amount > 0 || band.Percent is not null || band.Amount is > 0)
                outcomes.Add(new(PolicyEventKind.Deduction, $"{cur.Label}考核扣款{Money.FormatYuan(amount)}：{basis}（规则第{v}版）",
                    $"{cur.Label} deduction of {Money.FormatYuan(amount)}: {basisEn} (policy v{v})", Amount: amount, PeriodFee: fee));
        }
        return outcomes;
    }

    /// <summary>The fee of a period: the contract amount spread evenly over the days of the term.</summary>
    public static decimal PeriodFee(decimal amount, DateOnly termStart, DateOnly termEnd, DateOnly start, DateOnly end)
    {
        var termDays = termEnd.DayNumber - termStart.DayNumber + 1;
        var from = Max(start, termStart);
        var to = Min(end, termEnd);
        var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        return termDays <= 0 ? 0m : Math.Round(amount * days / termDays, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The run of adjacent low periods containing <paramref name="cur"/>, in period order.</summary>
    private static List<PeriodScore> LowRunAround(List<PeriodScore> scores, PeriodScore cur, decimal threshold, AssessmentFrequency f)
    {
        var byStart = scores.ToDictionary(s => s.Start);
        var run = new List<PeriodScore> { cur };
        for (var d = AssessmentPeriod.Previous(cur.Start, f); byStart.TryGetValue(d, out var p) && p.Total < threshold; d = AssessmentPeriod.Previous(d, f))
            run.Insert(0, p);
        for (var d = AssessmentPeriod.Next(cur.Start, f); byStart.TryGetValue(d, out var n) && n.Total < threshold; d = AssessmentPeriod.Next(d, f))
            run.Add(n);
        return run;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
