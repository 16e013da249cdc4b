using Lvyue.Review.Reports;
using Lvyue.Review.Reviews;

namespace Lvyue.Tests.Review.Reports;

/// <summary>A stored review built in memory: a text with overlapping, cross-line and missing-clause findings.</summary>
public static class ReviewReportFixture
{
    public const string Text = "物业管理服务合同\n第五条 履约保证金\n乙方应缴纳合同金额15%的履约保证金。\n第九条 验收\n验收以甲方满意为准，\n逾期视为验收合格。\n";

    /// <summary>A finding at the first occurrence of <paramref name="excerpt"/> in <see cref="Text"/>.</summary>
    public static ReviewFinding At(long id, string rule, string group, string severity, string excerpt, FindingDisposition d = FindingDisposition.Open,
        string? reason = null)
    {
        var start = Text.IndexOf(excerpt, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"'{excerpt}' is not in the text");
        return new ReviewFinding
        {
            Id = id, RuleId = rule, Group = group, Severity = severity, Start = start, End = start + excerpt.Length, Excerpt = excerpt,
            ClauseType = "clause_" + id, MessageZh = $"{rule}的问题说明", MessageEn = $"What is wrong ({rule})", Basis = $"{rule}的法律依据 第{id}条",
            Suggestion = $"{rule}的修改建议", Disposition = d, Reason = reason, DecidedBy = d == FindingDisposition.Open ? null : "clerk@440303",
            DecidedAt = d == FindingDisposition.Open ? null : new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
        };
    }

    public static ReviewFinding Missing(long id, string rule, string clause, string severity) => new()
    {
        Id = id, RuleId = rule, Group = "missing", Severity = severity, ClauseType = clause,
        MessageZh = $"缺少{clause}条款", MessageEn = $"No {clause} clause", Basis = "民法典 第四百七十条", Suggestion = $"增加{clause}条款",
    };

    public static ReviewReportSource Source(string? error = null)
    {
        List<ReviewFinding> findings = error is not null ? [] :
        [
            At(1, "CMP-BOND-001", "compliance", "high", "乙方应缴纳合同金额15%的履约保证金"),
            At(2, "GEN-BOND-009", "general", "medium", "15%的履约保证金", FindingDisposition.Dismissed, "保证金比例经财政局批准"),
            At(3, "GEN-VAG-001", "general", "medium", "以甲方满意为准"),
            At(4, "SEV-ACC-002", "severe", "high", "以甲方满意为准，\n逾期视为验收合格", FindingDisposition.Accepted, "将修改"),
            Missing(5, "MIS-PAYMENT-001", "payment", "high"),
            Missing(6, "MIS-NOTICE-001", "notice", "low"),
        ];
        var review = new ContractReview
        {
            Id = 7, ContractId = 9, DocumentId = 11, DocumentSha256 = new string('a', 64), FileName = "合同.txt", VersionNo = 2, PreviousReviewId = 6,
            RuleSetVersion = "rules-2026.11-abc123", ReviewedAt = new DateTime(2026, 11, 21, 1, 30, 0, DateTimeKind.Utc), ReviewedBy = "clerk@440303",
            Error = error, Text = error is null ? Text : "", Findings = findings,
            ComplianceCount = findings.Count(f => f.Group == "compliance"), SevereCount = findings.Count(f => f.Group == "severe"),
            GeneralCount = findings.Count(f => f.Group == "general"), MissingCount = findings.Count(f => f.Group == "missing"),
        };
        var resolved = new ReviewFinding
        {
            Id = 99, RuleId = "GEN-AMT-003", Group = "general", Severity = "low", MessageZh = "金额大小写不一致", MessageEn = "Amount in words differs",
            Excerpt = "伍万元（¥60,000）",
        };
        return new ReviewReportSource("JY-2026/101", "示范区教育局物业管理服务合同", "示范区教育局", new ContractReviewView(review, [resolved]),
            new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc));
    }
}
