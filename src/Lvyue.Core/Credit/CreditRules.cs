using System.Globalization;

namespace Lvyue.Credit;

/// <summary>The points and flags of one kind of credit record.</summary>
public sealed record CreditKind(string Code, string Zh, string En, int Points, bool Counted, bool Dishonest);

/// <summary>The facts a grade is computed from.</summary>
public sealed record GradeInput(CreditSubject Subject, decimal? EvaluationScore, IReadOnlyList<CreditRecord> Records, DateOnly AsOf);

/// <summary>A computed grade and why.</summary>
public sealed record GradeResult(CreditGradeLevel Grade, decimal Score, int RecordCount, string Reason, string ReasonEn);

/// <summary>
/// The credit rules, version 1 (documented on the credit page):
/// <list type="number">
/// <item>A record counts if it is counted by kind, occurred within the 3 years before the grading date and has not expired.</item>
/// <item>Base score: a supplier's evaluation score (the weighted S of its star ratings over all categories) or 80
/// without evaluations; a budget unit's base is 90.</item>
/// <item>Score = base + the points of the counting records, kept within 0–100.</item>
/// <item>A counting dishonest record makes the grade 差 whatever the score (one-vote veto);
/// otherwise score ≥ 90 → 优, ≥ 75 → 良, ≥ 60 → 中, else 差.</item>
/// </list>
/// </summary>
public static class CreditRules
{
    public const int Version = 1;
    public const int WindowYears = 3;

    /// <summary>The record kinds, their points and flags.</summary>
    public static readonly IReadOnlyDictionary<string, CreditKind> Kinds = new[]
    {
        new CreditKind("breach_after_dispute", "经争议解决认定违约", "Breach found after dispute resolution", -15, true, true),
        new CreditKind("terminated_for_breach", "因违约被解除合同", "Contract terminated for breach", -20, true, true),
        new CreditKind("overdue_supervised", "逾期后在监督下完成履约（不计失信）", "Overdue, completed under supervision (not dishonest)", 0, false, false),
        new CreditKind("termination_right", "考核触发解除合同权", "Assessment gave the purchaser a termination right", -10, true, false),
        new CreditKind("bid_ban", "年度考核不合格被禁止投标", "Barred from the next tender by the yearly average", -5, true, false),
        new CreditKind("deduction", "考核扣款", "Assessment deduction", -2, true, false),
        new CreditKind("final_excellent", "履约评价优秀（≥90分）", "Final evaluation excellent (≥ 90)", 3, true, false),
        new CreditKind("final_failed", "履约评价不合格（<60分）", "Final evaluation failed (< 60)", -10, true, false),
        new CreditKind("procurement_dishonesty", "政府采购失信", "Procurement dishonesty", -30, true, true),
        new CreditKind("dishonesty", "失信认定", "Dishonesty determination", -30, true, true),
    }.ToDictionary(k => k.Code);

    public static GradeResult Grade(GradeInput input)
    {
        var from = input.AsOf.AddYears(-WindowYears);
        var counting = input.Records
            .Where(r => r.Counted && r.OccurredOn > from && r.OccurredOn <= input.AsOf && (r.ExpiresOn is null || r.ExpiresOn >= input.AsOf))
            .ToList();
        var baseScore = input.Subject == CreditSubject.BudgetUnit ? 90m : input.EvaluationScore ?? 80m;
        var points = counting.Sum(r => r.Points);
        var score = Math.Clamp(baseScore + points, 0m, 100m);
        var dishonest = counting.Where(r => r.Dishonest).ToList();
        var baseText = input.Subject == CreditSubject.BudgetUnit ? "单位基础分90" :
            input.EvaluationScore is { } e ? $"履约评价得分{F(e)}" : "无履约评价，基础分80";
        var baseTextEn = input.Subject == CreditSubject.BudgetUnit ? "unit base 90" :
            input.EvaluationScore is { } e2 ? $"evaluation score {F(e2)}" : "no evaluations, base 80";
        if (dishonest.Count > 0)
        {
            var what = string.Join("、", dishonest.Select(r => r.Summary).Distinct());
            return new GradeResult(CreditGradeLevel.Poor, score, counting.Count,
                $"存在失信记录（{what}），实行一票否决，评为差",
                $"{dishonest.Count} dishonesty record(s): one-vote veto, graded Poor");
        }
        var grade = score >= 90m ? CreditGradeLevel.Excellent : score >= 75m ? CreditGradeLevel.Good : score >= 60m ? CreditGradeLevel.Fair : CreditGradeLevel.Poor;
        var (zh, en) = Label(grade);
        return new GradeResult(grade, score, counting.Count,
            $"{baseText}，{counting.Count}条记录计{points:+0;-0;0}分，信用分{F(score)}，评为{zh}",
            $"{baseTextEn}, {counting.Count} record(s) {points:+0;-0;0} points, credit score {F(score)}: {en}");
    }

    public static (string Zh, string En) Label(CreditGradeLevel g) => g switch
    {
        CreditGradeLevel.Excellent => ("优", "Excellent"),
        CreditGradeLevel.Good => ("良", "Good"),
        CreditGradeLevel.Fair => ("中", "Fair"),
        _ => ("差", "Poor"),
    };

    private static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
