using Lvyue.Common;
using Lvyue.Review.Reviews;

namespace Lvyue.Review.Reports;

/// <summary>What a review report is written from: the contract's name and number, the stored review and when it is written.</summary>
/// <param name="ContractNumber">The contract number (合同编号).</param>
/// <param name="ContractTitle">The contract title.</param>
/// <param name="UnitName">The budget unit, if known.</param>
/// <param name="View">The review with its findings and the resolved findings of the previous version.</param>
/// <param name="GeneratedAt">When the report is written (UTC, from the injected clock).</param>
public sealed record ReviewReportSource(string ContractNumber, string ContractTitle, string? UnitName, ContractReviewView View, DateTime GeneratedAt)
{
    /// <summary>The stored review.</summary>
    public ContractReview Review => View.Review;

    /// <summary>The score, or null when the document could not be read.</summary>
    public ReviewScore? Score => ReviewScore.Of(View.Review);

    /// <summary>A file name for the download: 审查报告-{number}-v{version}.{ext}, without characters a file system refuses.</summary>
    public string FileName(string extension)
    {
        var number = string.Concat(ContractNumber.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' ? '_' : c));
        return $"审查报告-{number}-v{Review.VersionNo}.{extension}";
    }

    /// <summary>The summary lines shared by the .docx and the PDF: (label, value).</summary>
    public IReadOnlyList<(string Label, string Value)> SummaryLines()
    {
        var r = Review;
        var lines = new List<(string, string)>
        {
            ("合同 Contract", $"{ContractTitle}（{ContractNumber}）"),
        };
        if (UnitName is not null) lines.Add(("采购人 Purchaser", UnitName));
        lines.Add(("审查文本 Document", $"{r.FileName} 第{r.VersionNo}版 v{r.VersionNo} · SHA-256 {r.DocumentSha256[..Math.Min(16, r.DocumentSha256.Length)]}…"));
        lines.Add(("规则库版本 Rule set", r.RuleSetVersion));
        lines.Add(("审查时间 Reviewed at", ChinaTime.Local(r.ReviewedAt).ToString("yyyy-MM-dd HH:mm") + (r.ReviewedBy is null ? "" : $"（{r.ReviewedBy}）")));
        lines.Add(("报告生成 Generated", ChinaTime.Local(GeneratedAt).ToString("yyyy-MM-dd HH:mm")));
        if (r.PreviousReviewId is not null)
            lines.Add(("与上次审查比较 Since the previous review",
                $"新增 {r.Findings.Count(f => !f.CarriedOver)} 项、沿用 {r.Findings.Count(f => f.CarriedOver)} 项、已解决 {View.Resolved.Count} 项 / "
                + $"{r.Findings.Count(f => !f.CarriedOver)} new, {r.Findings.Count(f => f.CarriedOver)} carried over, {View.Resolved.Count} resolved"));
        return lines;
    }

    /// <summary>How the score is computed, for the reader of the report.</summary>
    public const string ScoreExplanation =
        "评分：每类100分，扣除该类未被驳回的发现（高风险每项20分、中风险5分、低风险1分），最低0分；总分为四类平均分。"
        + " Score: 100 per group minus 20 per high, 5 per medium and 1 per low finding not dismissed (at least 0); the overall score is the mean of the four groups.";
}

/// <summary>Bilingual labels of groups, severities and answers, as the reports print them.</summary>
public static class ReviewLabels
{
    public static Msg Group(string group) => group switch
    {
        "compliance" => new Msg("合规", "Compliance"),
        "severe" => new Msg("重大风险", "Severe risk"),
        "general" => new Msg("一般风险", "General risk"),
        "missing" => new Msg("条款缺失", "Missing clause"),
        _ => new Msg(group, group),
    };

    public static Msg Severity(string severity) => severity switch
    {
        "high" => new Msg("高", "High"),
        "medium" => new Msg("中", "Medium"),
        "low" => new Msg("低", "Low"),
        _ => new Msg(severity, severity),
    };

    public static Msg Disposition(FindingDisposition d) => d switch
    {
        FindingDisposition.Accepted => new Msg("已采纳（将修改/已知悉）", "Accepted (will fix / acknowledged)"),
        FindingDisposition.Dismissed => new Msg("已驳回", "Dismissed"),
        _ => new Msg("待处理", "Open"),
    };

    /// <summary>"中文 English" for a printed label.</summary>
    public static string Both(Msg m) => m.Zh == m.En ? m.Zh : $"{m.Zh} {m.En}";

    /// <summary>The reviewer's answer as one line, e.g. "已驳回：理由（clerk，2026-11-22 10:00）".</summary>
    public static string Answer(ReviewFinding f)
    {
        var d = Disposition(f.Disposition);
        if (f.Disposition == FindingDisposition.Open) return $"{d.Zh} {d.En}";
        var who = string.Join("，", new[] { f.DecidedBy, f.DecidedAt is { } at ? ChinaTime.Local(at).ToString("yyyy-MM-dd HH:mm") : null }.Where(s => s is not null));
        return $"{d.Zh} {d.En}" + (f.Reason is null ? "" : $"：{f.Reason}") + (who.Length == 0 ? "" : $"（{who}）");
    }
}
