using System.Text;
using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Reports;

/// <summary>
/// The review report as PDF, with the same content as the .docx in print form: the summary and score table, the findings
/// numbered 〔1〕〔2〕… with rule id, group, severity, clause type, excerpt, message, basis, suggestion and answer, then the
/// reviewed text with each excerpt in 【】 followed by the numbers of its findings. Written by <see cref="ReviewPdfWriter"/>
/// in the Adobe standard CJK font STSong-Light (as the determination documents are): PDF readers supply it, on Linux
/// through poppler-data and a CJK font such as fonts-noto-cjk.
/// </summary>
public static class ReviewReportPdf
{
    /// <summary>Writes the report.</summary>
    public static byte[] Write(ReviewReportSource source)
    {
        var r = source.Review;
        var lines = new List<ReviewPdfWriter.Line> { new("合同审查报告", 18, Center: true), new("Contract review report", 12, Center: true), new("") };
        foreach (var (label, value) in source.SummaryLines()) lines.Add(new($"{label}：{value}", 10));
        lines.Add(new(""));
        lines.Add(new("审查结果 Summary by group", 13));
        var score = source.Score;
        foreach (var g in RuleGroups.All)
        {
            var count = r.Findings.Count(f => f.Group == g);
            var s = score?[g];
            lines.Add(new($"{ReviewLabels.Both(ReviewLabels.Group(g))}：{count} 项"
                          + (s is null ? "" : $"，待处理 {s.Open}（高风险 {s.OpenHigh}），已驳回 {s.Dismissed}，评分 {s.Score}"), 10));
        }
        lines.Add(new(score is null ? "总分 Overall：未评分 n/a" : $"总分 Overall：{score.Overall}　待处理 Open：{score.Open}　其中高风险 Open high：{score.OpenHigh}", 11));
        lines.Add(new(ReviewReportSource.ScoreExplanation, 9, Grey: true));
        lines.Add(new(""));

        if (r.Error is not null)
        {
            lines.Add(new("文档无法读取，未经审查 The document could not be read and was not reviewed", 13));
            lines.Add(new(r.Error, 10));
            return ReviewPdfWriter.Write(lines);
        }

        var numbers = Numbering(r.Findings);
        lines.Add(new($"审查发现 Findings（{r.Findings.Count}）", 13));
        foreach (var f in r.Findings)
        {
            lines.Add(new($"〔{numbers[f.Id]}〕{f.RuleId}　{ReviewLabels.Group(f.Group).Zh}·{ReviewLabels.Severity(f.Severity).Zh}"
                          + $"　{ReviewLabels.Group(f.Group).En} · {ReviewLabels.Severity(f.Severity).En}"
                          + (f.ClauseType is null ? "" : $"　条款类型 {f.ClauseType}") + (f.CarriedOver ? "　沿用" : "　新增"), 10.5f));
            if (f.Excerpt is not null) lines.Add(new($"原文：{OneLine(f.Excerpt)}", 10));
            else lines.Add(new($"原文：（缺失条款 {f.ClauseType}）", 10));
            lines.Add(new($"问题：{f.MessageZh}", 10));
            lines.Add(new($"Issue: {f.MessageEn}", 10));
            if (f.Basis is not null) lines.Add(new($"依据：{f.Basis}", 10));
            if (f.Suggestion is not null) lines.Add(new($"建议：{f.Suggestion}", 10));
            lines.Add(new($"处理：{ReviewLabels.Answer(f)}", 10));
            lines.Add(new("", 6));
        }
        if (source.View.Resolved.Count > 0)
        {
            lines.Add(new($"上一版本的已解决发现 Resolved since the previous version（{source.View.Resolved.Count}）", 13));
            foreach (var f in source.View.Resolved)
                lines.Add(new($"{f.RuleId}：{f.MessageZh}" + (f.Excerpt is null ? "" : $"（原文：{OneLine(f.Excerpt)}）"), 10));
            lines.Add(new(""));
        }
        lines.Add(new("合同文本 Contract text（【】内为审查发现所指原文，〔n〕为发现编号）", 13));
        lines.Add(new(MarkedText(r.Text, r.Findings, numbers), 10.5f));
        return ReviewPdfWriter.Write(lines);
    }

    /// <summary>Finding numbers 1, 2, … in the order the review lists them (text order, missing clauses last).</summary>
    private static Dictionary<long, int> Numbering(IEnumerable<ReviewFinding> findings) =>
        findings.Select((f, i) => (f.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);

    /// <summary>The text with 【 before and 】〔n〕 after each finding's span (findings at the same span share the brackets).</summary>
    public static string MarkedText(string text, IEnumerable<ReviewFinding> findings, IReadOnlyDictionary<long, int> numbers)
    {
        var spans = findings.Where(f => f.Start is not null && f.End is not null)
            .GroupBy(f => (S: Math.Clamp(f.Start!.Value, 0, text.Length), E: Math.Clamp(f.End!.Value, 0, text.Length)))
            .Where(g => g.Key.E > g.Key.S).OrderBy(g => g.Key.S).ThenByDescending(g => g.Key.E).ToList();
        var opens = new Dictionary<int, int>();
        var closes = new Dictionary<int, List<(int Start, string Tag)>>();
        foreach (var g in spans)
        {
            opens[g.Key.S] = opens.GetValueOrDefault(g.Key.S) + 1;
            (closes.TryGetValue(g.Key.E, out var l) ? l : closes[g.Key.E] = []).Add((g.Key.S, string.Concat(g.Select(f => $"〔{numbers[f.Id]}〕"))));
        }
        var sb = new StringBuilder(text.Length + spans.Count * 8);
        for (var i = 0; i <= text.Length; i++)
        {
            // Spans ending here close innermost (latest start) first.
            if (closes.TryGetValue(i, out var c)) foreach (var (_, tag) in c.OrderByDescending(x => x.Start)) sb.Append('】').Append(tag);
            if (opens.TryGetValue(i, out var o)) sb.Append('【', o);
            if (i < text.Length) sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
