using Lvyue.Review.Rules;

namespace Lvyue.Web.Pages.Review;

/// <summary>Chinese and English names of rule groups, severities and clause types for the rule pages.</summary>
public static class ReviewLabels
{
    public static (string Zh, string En) Group(string? group) => group switch
    {
        RuleGroups.Compliance => ("合规", "Compliance"),
        RuleGroups.Severe => ("重大风险", "Severe risk"),
        RuleGroups.General => ("一般风险", "General risk"),
        RuleGroups.Missing => ("条款缺失", "Missing clause"),
        _ => (group ?? "—", group ?? "—"),
    };

    public static (string Zh, string En) Severity(string? severity) => severity switch
    {
        RuleSeverities.High => ("高", "High"),
        RuleSeverities.Medium => ("中", "Medium"),
        RuleSeverities.Low => ("低", "Low"),
        _ => (severity ?? "—", severity ?? "—"),
    };

    /// <summary>Bootstrap badge class of a severity.</summary>
    public static string SeverityBadge(string? severity) => severity switch
    {
        RuleSeverities.High => "text-bg-danger",
        RuleSeverities.Medium => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static (string Zh, string En) ClauseType(string type) => type switch
    {
        "subject" => ("标的", "Subject"), "quality" => ("质量", "Quality"), "price" => ("价款", "Price"), "payment" => ("付款", "Payment"),
        "invoice" => ("发票", "Invoice"), "delivery" => ("交付", "Delivery"), "acceptance" => ("验收", "Acceptance"), "warranty" => ("质保", "Warranty"),
        "performance_bond" => ("履约保证金", "Performance bond"), "retention" => ("质量保证金", "Retention"), "breach" => ("违约责任", "Breach"),
        "termination" => ("解除", "Termination"), "force_majeure" => ("不可抗力", "Force majeure"), "dispute" => ("争议解决", "Disputes"),
        "confidentiality" => ("保密", "Confidentiality"), "ip" => ("知识产权", "IP"), "integrity" => ("廉洁", "Integrity"), "change" => ("变更", "Changes"),
        "subcontract" => ("分包转包", "Subcontracting"), "insurance" => ("保险", "Insurance"), "safety" => ("安全", "Safety"), "personnel" => ("人员", "Personnel"),
        "assessment" => ("考核", "Assessment"), "notice" => ("通知送达", "Notices"), "effectiveness" => ("生效", "Effectiveness"), "term" => ("期限", "Term"),
        _ => (type, type),
    };

    /// <summary>Splits examples written one after another, separated by a line holding only ---.</summary>
    public static List<string> SplitExamples(string? text)
    {
        var list = new List<string>();
        var current = new List<string>();
        foreach (var line in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim() == "---") { Flush(); continue; }
            current.Add(line);
        }
        Flush();
        return list;

        void Flush()
        {
            var t = string.Join("\n", current).Trim();
            if (t.Length > 0) list.Add(t);
            current.Clear();
        }
    }

    /// <summary>Joins examples for the form.</summary>
    public static string JoinExamples(IEnumerable<string> examples) => string.Join("\n---\n", examples);

    /// <summary>One item a line.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
