using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lvyue.Review.Rules;

/// <summary>
/// The review report as the one-line JSON object of the review contract (issue 4; other tools consume it):
/// <c>{"ruleSetVersion","elapsedMs","hits":[{"ruleId","group","severity","clauseType","start","end","excerpt","message",
/// "basis","suggestion"}],"summary":{"compliance","severe","general","missing"}}</c>, with <c>"file"</c> first when
/// given. A document that could not be read has <c>"error"</c> before <c>"hits"</c> (empty) and a null summary.
/// The message is the Chinese text. Rules not evaluated because a regular expression timed out (a starved machine)
/// are listed under <c>"timedOutRules"</c> after the summary, only when there are any.
/// </summary>
public static class ReviewReportJson
{
    /// <summary>The keys of a hit, in the order written.</summary>
    public static IReadOnlyList<string> HitKeys { get; } =
        ["ruleId", "group", "severity", "clauseType", "start", "end", "excerpt", "message", "basis", "suggestion"];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes <paramref name="report"/>, with <c>"file"</c> first when <paramref name="file"/> is given.</summary>
    public static string Write(ReviewReport report, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            if (file is not null) w.WriteString("file", file);
            w.WriteString("ruleSetVersion", report.RuleSetVersion);
            w.WriteNumber("elapsedMs", Math.Round(report.ElapsedMs, 1));
            if (report.Error is not null) w.WriteString("error", report.Error);
            w.WriteStartArray("hits");
            foreach (var h in report.Hits)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", h.RuleId);
                w.WriteString("group", h.Group);
                w.WriteString("severity", h.Severity);
                Str(w, "clauseType", h.ClauseType);
                Int(w, "start", h.Start);
                Int(w, "end", h.End);
                Str(w, "excerpt", h.Excerpt);
                w.WriteString("message", h.Message.Zh);
                Str(w, "basis", h.Basis);
                Str(w, "suggestion", h.Suggestion);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (report.Error is not null) w.WriteNull("summary");
            else
            {
                w.WriteStartObject("summary");
                foreach (var g in RuleGroups.All) w.WriteNumber(g, report.Summary[g]);
                w.WriteEndObject();
            }
            if (report.TimedOutRules.Count > 0) Strings(w, "timedOutRules", report.TimedOutRules);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One line of <c>lvyue rules list --json</c>: id, group, severity, appliesTo, basis, examples (a count).</summary>
    public static string WriteRule(ReviewRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("group", rule.Group);
            w.WriteString("severity", rule.Severity);
            w.WriteStartObject("appliesTo");
            Strings(w, "categories", rule.AppliesTo.Categories);
            Strings(w, "subcategories", rule.AppliesTo.Subcategories);
            Strings(w, "methods", rule.AppliesTo.Methods);
            if (rule.AppliesTo.Sme is { } sme) w.WriteBoolean("sme", sme); else w.WriteNull("sme");
            w.WriteEndObject();
            Str(w, "basis", rule.Basis);
            w.WriteNumber("examples", rule.Examples.Count);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Str(Utf8JsonWriter w, string name, string? v)
    {
        if (v is null) w.WriteNull(name); else w.WriteString(name, v);
    }

    private static void Int(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } i) w.WriteNumber(name, i); else w.WriteNull(name);
    }
}
