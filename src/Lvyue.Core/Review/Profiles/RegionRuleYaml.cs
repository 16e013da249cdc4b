using Lvyue.Review.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lvyue.Review.Profiles;

/// <summary>
/// Writes a region's pattern rules as a rule file in the library's format (rules/README.md), so they are parsed,
/// checked and compiled by the same <see cref="RuleLibrary"/> as the library: a words pattern becomes
/// <c>{text: [...]}</c>, regular expressions <c>{regex: …}</c> (several: <c>any:</c>), and exclusion words
/// <c>{not: {text: [...]}}</c> in the same clause.
/// </summary>
public static class RegionRuleYaml
{
    /// <summary>The rule file holding <paramref name="rules"/>.</summary>
    public static RuleFile File(string path, IEnumerable<RegionRule> rules)
    {
        var list = new YamlSequenceNode();
        foreach (var r in rules) list.Add(Rule(r));
        var root = new YamlMappingNode { { "rules", list } };
        return new RuleFile(path, RuleLibrarySource.Save(root));
    }

    private static YamlMappingNode Rule(RegionRule r)
    {
        var m = new YamlMappingNode
        {
            { "id", Q(r.Id) },
            { "group", Q(r.Group) },
            { "severity", Q(r.Severity) },
        };
        if (r.Scope.Count > 0) m.Add("scope", Seq(r.Scope));
        if (r.Categories.Count > 0) m.Add("appliesTo", new YamlMappingNode { { "categories", Seq(r.Categories) } });
        m.Add("condition", Condition(r));
        m.Add("message", new YamlMappingNode { { "zh", Q(r.MessageZh) }, { "en", Q(r.MessageEn) } });
        if (!string.IsNullOrWhiteSpace(r.Basis)) m.Add("basis", Q(r.Basis));
        if (!string.IsNullOrWhiteSpace(r.Suggestion)) m.Add("suggestion", Q(r.Suggestion));
        m.Add("examples", new YamlMappingNode { { "trigger", Seq(r.Trigger) }, { "pass", Seq(r.Pass) } });
        return m;
    }

    private static YamlMappingNode Condition(RegionRule r)
    {
        YamlMappingNode match;
        if (r.Match == RegionRuleMatch.Regex)
        {
            var regexes = r.Patterns.Select(p => new YamlMappingNode { { "regex", Q(p) } }).ToList();
            match = regexes.Count == 1 ? regexes[0] : new YamlMappingNode { { "any", new YamlSequenceNode(regexes) } };
        }
        else match = new YamlMappingNode { { "text", Seq(r.Patterns) } };
        if (r.Exclude.Count == 0) return match;
        var not = new YamlMappingNode { { "not", new YamlMappingNode { { "text", Seq(r.Exclude) } } } };
        return new YamlMappingNode { { "all", new YamlSequenceNode(match, not) } };
    }

    private static YamlScalarNode Q(string? s) => new(s ?? "") { Style = ScalarStyle.DoubleQuoted };

    private static YamlSequenceNode Seq(IEnumerable<string> items) => new(items.Select(i => (YamlNode)Q(i)));
}

/// <summary>How a region rule's patterns are read.</summary>
public static class RegionRuleMatch
{
    /// <summary>Any of the patterns as words (literal text).</summary>
    public const string Text = "text";
    /// <summary>Any of the patterns as regular expressions (linear-time engine, no backreferences or lookarounds).</summary>
    public const string Regex = "regex";
}
