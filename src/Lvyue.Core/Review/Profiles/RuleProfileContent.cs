using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lvyue.Review.Profiles;

/// <summary>
/// A region's rule profile: how it departs from the rule library (rules disabled, severities and numeric parameters
/// changed) and the pattern rules it adds. Stored as JSON in each <see cref="RuleProfileVersion"/>.
/// </summary>
/// <param name="Overrides">Library rules the region changes, by rule id.</param>
/// <param name="Rules">The region's own pattern rules.</param>
public sealed record RuleProfileContent(IReadOnlyList<RuleOverride> Overrides, IReadOnlyList<RegionRule> Rules)
{
    /// <summary>No change to the library.</summary>
    public static RuleProfileContent Empty { get; } = new([], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The override of <paramref name="ruleId"/>, or null.</summary>
    public RuleOverride? Override(string ruleId) => Overrides.FirstOrDefault(o => o.RuleId == ruleId);

    /// <summary>The region rule <paramref name="ruleId"/>, or null.</summary>
    public RegionRule? Rule(string ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>This content with <paramref name="o"/> replacing the override of its rule (removed when it changes nothing).</summary>
    public RuleProfileContent With(RuleOverride o)
    {
        var list = Overrides.Where(x => x.RuleId != o.RuleId).ToList();
        if (!o.IsEmpty) list.Add(o);
        return this with { Overrides = [.. list.OrderBy(x => x.RuleId, StringComparer.Ordinal)] };
    }

    /// <summary>This content with <paramref name="rule"/> added or replacing the region rule of the same id.</summary>
    public RuleProfileContent With(RegionRule rule) =>
        this with { Rules = [.. Rules.Where(r => r.Id != rule.Id).Append(rule).OrderBy(r => r.Id, StringComparer.Ordinal)] };

    /// <summary>This content without the region rule <paramref name="ruleId"/>.</summary>
    public RuleProfileContent Without(string ruleId) => this with { Rules = [.. Rules.Where(r => r.Id != ruleId)] };

    /// <summary>The JSON stored in a version.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the JSON of a version.</summary>
    public static RuleProfileContent FromJson(string json)
    {
        var c = JsonSerializer.Deserialize<RuleProfileContent>(json, Json) ?? Empty;
        return new RuleProfileContent(c.Overrides ?? [], c.Rules ?? []);
    }
}

/// <summary>How a region changes one library rule.</summary>
/// <param name="RuleId">The library rule.</param>
/// <param name="Disabled">True when the rule is off in the region.</param>
/// <param name="DisabledReason">Why it is off (required to disable).</param>
/// <param name="Severity">The region's severity, or null for the library's.</param>
/// <param name="Parameters">Numeric parameters the region sets, by path (<see cref="RuleParameter.Path"/>).</param>
public sealed record RuleOverride(string RuleId, bool Disabled, string? DisabledReason, string? Severity,
    IReadOnlyDictionary<string, decimal>? Parameters)
{
    /// <summary>True when the override changes nothing.</summary>
    [JsonIgnore]
    public bool IsEmpty => !Disabled && Severity is null && (Parameters is null || Parameters.Count == 0);
}

/// <summary>
/// A pattern rule a region adds: text patterns (any of a set of words, or regular expressions) read in clauses of the
/// given types, optionally suppressed by words in the same clause, with its message, basis, suggestion and examples.
/// </summary>
/// <param name="Id">Starts with the region prefix (R440303-…) and ends with a number of 3+ digits.</param>
/// <param name="Group">compliance, severe, general (a missing clause is not a pattern).</param>
/// <param name="Severity">high, medium, low.</param>
/// <param name="Scope">Clause types whose text is read; empty for the whole document.</param>
/// <param name="Categories">works, goods, services; empty for every category.</param>
/// <param name="Match">"text" (any of the patterns as words) or "regex" (any of the patterns as regular expressions).</param>
/// <param name="Patterns">The words or regular expressions.</param>
/// <param name="Exclude">Words that, in the same clause, mean the rule does not hold (negation), or empty.</param>
/// <param name="MessageZh">The finding in Chinese.</param>
/// <param name="MessageEn">The finding in English.</param>
/// <param name="Basis">Law and article, or null.</param>
/// <param name="Suggestion">Replacement wording or action, or null.</param>
/// <param name="Trigger">Texts that must trigger the rule (at least one).</param>
/// <param name="Pass">Close texts that must not (at least one).</param>
public sealed record RegionRule(
    string Id, string Group, string Severity, IReadOnlyList<string> Scope, IReadOnlyList<string> Categories,
    string Match, IReadOnlyList<string> Patterns, IReadOnlyList<string> Exclude,
    string MessageZh, string MessageEn, string? Basis, string? Suggestion,
    IReadOnlyList<string> Trigger, IReadOnlyList<string> Pass);

/// <summary>The kinds of change to a profile; each adds one version.</summary>
public static class RuleProfileChangeKinds
{
    /// <summary>Turn a library rule off in the region (a reason is required).</summary>
    public const string Disable = "disable";
    /// <summary>Turn it back on.</summary>
    public const string Enable = "enable";
    /// <summary>Set the region's severity of a library rule (null: the library's again).</summary>
    public const string Severity = "severity";
    /// <summary>Set numeric parameters of a library rule.</summary>
    public const string Parameters = "parameters";
    /// <summary>Drop every change of a library rule (back to the library).</summary>
    public const string Reset = "reset";
    /// <summary>Add a region pattern rule.</summary>
    public const string AddRule = "addRule";
    /// <summary>Replace a region pattern rule.</summary>
    public const string UpdateRule = "updateRule";
    /// <summary>Remove a region pattern rule (a reason is required).</summary>
    public const string RemoveRule = "removeRule";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Disable, Enable, Severity, Parameters, Reset, AddRule, UpdateRule, RemoveRule];
}

/// <summary>One change to a region's profile, as the page and the API send it.</summary>
/// <param name="Kind">One of <see cref="RuleProfileChangeKinds"/>.</param>
/// <param name="RuleId">The rule the change is about (for addRule, the new rule's id is in <paramref name="Rule"/>).</param>
/// <param name="Reason">Why (required to disable or remove).</param>
/// <param name="Severity">The new severity (kind severity; null resets to the library's).</param>
/// <param name="Parameters">New values by parameter path (kind parameters).</param>
/// <param name="Rule">The region rule (kinds addRule, updateRule).</param>
/// <param name="BaseVersion">The profile version the change was made on; a newer current version refuses it (conflict).</param>
public sealed record RuleProfileChange(
    string Kind, string? RuleId = null, string? Reason = null, string? Severity = null,
    IReadOnlyDictionary<string, decimal>? Parameters = null, RegionRule? Rule = null, int? BaseVersion = null);
