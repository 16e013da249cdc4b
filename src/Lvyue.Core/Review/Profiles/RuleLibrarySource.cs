using System.Globalization;
using Lvyue.Review.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lvyue.Review.Profiles;

/// <summary>A numeric threshold in a rule's condition (gt: 10 of <c>{field: performanceBondShare, gt: 10}</c>).</summary>
/// <param name="Path">Where it is in the rule, from <c>condition</c>: condition/all/1/gt.</param>
/// <param name="Op">gt, gte, lt, lte, eq or ne.</param>
/// <param name="LibraryValue">The library's value.</param>
/// <param name="Subject">What is compared: the field name, the regular expression whose group is the number, or a compare condition's left expression.</param>
/// <param name="IsField">True for a ledger field, false for a number read by a regular expression.</param>
public sealed record RuleParameter(string Path, string Op, decimal LibraryValue, string Subject, bool IsField)
{
    /// <summary>The comparison in words, Chinese and English.</summary>
    public (string Zh, string En) OpLabel => Op switch
    {
        "gt" => ("大于", "greater than"),
        "gte" => ("不小于", "at least"),
        "lt" => ("小于", "less than"),
        "lte" => ("不大于", "at most"),
        "eq" => ("等于", "equal to"),
        _ => ("不等于", "not equal to"),
    };

    /// <summary>True when the value is a percentage (a field named …Percent or …Share), so it lies in 0–100.</summary>
    public bool IsPercent => IsField && (Subject.EndsWith("Percent", StringComparison.Ordinal) || Subject.EndsWith("Share", StringComparison.Ordinal)
                                         || Subject.EndsWith("PercentSum", StringComparison.Ordinal));
}

/// <summary>
/// The rule library as files, with what a profile needs to change it without touching the engine: the numeric
/// parameters of each rule, read from the YAML, and <see cref="Apply"/>, which writes the library files a profile
/// changes (rules left out, severities and thresholds replaced) and adds the region's rules as one more file. The
/// result loads through <see cref="RuleLibrary.Load"/>, so every check of the parser (unknown fields, unsafe regular
/// expressions, duplicate ids) holds for a region's rule set exactly as for the library.
/// </summary>
public sealed class RuleLibrarySource
{
    private static readonly string[] CompareKeys = ["gt", "gte", "lt", "lte", "eq", "ne"];
    private readonly Dictionary<string, RuleFile> _byPath;
    private readonly Lazy<Dictionary<string, (string File, IReadOnlyList<RuleParameter> Parameters)>> _index;

    /// <summary>A source over <paramref name="files"/>.</summary>
    public RuleLibrarySource(IReadOnlyList<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Files = files;
        Version = RuleLibrary.Version(files);
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        _index = new Lazy<Dictionary<string, (string, IReadOnlyList<RuleParameter>)>>(BuildIndex);
    }

    /// <summary>The rule files embedded in Core (the repository's rules/).</summary>
    public static RuleLibrarySource Embedded { get; } = new(RuleLibrary.EmbeddedFiles());

    /// <summary>The files.</summary>
    public IReadOnlyList<RuleFile> Files { get; }

    /// <summary>The library's version (hash of its files), as <see cref="RuleLibrary.Version"/> computes it.</summary>
    public string Version { get; }

    /// <summary>Whether the library has a rule <paramref name="ruleId"/>.</summary>
    public bool Contains(string ruleId) => _index.Value.ContainsKey(ruleId);

    /// <summary>The numeric parameters of a library rule in condition order (empty when it has none or is unknown).</summary>
    public IReadOnlyList<RuleParameter> Parameters(string ruleId) =>
        _index.Value.TryGetValue(ruleId, out var e) ? e.Parameters : [];

    /// <summary>
    /// The files of the effective rule set: the library with <paramref name="content"/>'s overrides applied and its region
    /// rules as <paramref name="regionFile"/>. Overrides of rules the library no longer has are ignored.
    /// </summary>
    public IReadOnlyList<RuleFile> Apply(RuleProfileContent content, string regionFile)
    {
        ArgumentNullException.ThrowIfNull(content);
        var byFile = content.Overrides.Where(o => !o.IsEmpty && _index.Value.ContainsKey(o.RuleId))
            .GroupBy(o => _index.Value[o.RuleId].File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.RuleId, StringComparer.Ordinal), StringComparer.Ordinal);
        var files = new List<RuleFile>(Files.Count + 1);
        foreach (var f in Files)
            files.Add(byFile.TryGetValue(f.Path, out var overrides) ? new RuleFile(f.Path, Rewrite(f.Content, overrides)) : f);
        if (content.Rules.Count > 0) files.Add(RegionRuleYaml.File(regionFile, content.Rules));
        return files;
    }

    /// <summary>One library rule as a file of its own (file defaults folded in), with <paramref name="o"/> applied: to check a change fast.</summary>
    public RuleFile Single(string ruleId, RuleOverride? o)
    {
        var (path, _) = _index.Value[ruleId];
        var root = Load(_byPath[path].Content);
        var rules = (YamlSequenceNode)root.Children[new YamlScalarNode("rules")];
        var rule = rules.Children.OfType<YamlMappingNode>().Single(m => IdOf(m) == ruleId);
        var only = new YamlMappingNode();
        foreach (var (k, v) in root.Children)
            if (k is YamlScalarNode { Value: not "rules" }) only.Children[k] = v;
        only.Children[new YamlScalarNode("rules")] = new YamlSequenceNode(rule);
        if (o is not null) ApplyTo(rule, o);
        return new RuleFile(path, Save(only));
    }

    private static string Rewrite(string content, IReadOnlyDictionary<string, RuleOverride> overrides)
    {
        var root = Load(content);
        var rules = (YamlSequenceNode)root.Children[new YamlScalarNode("rules")];
        for (var i = rules.Children.Count - 1; i >= 0; i--)
        {
            if (rules.Children[i] is not YamlMappingNode m || IdOf(m) is not { } id || !overrides.TryGetValue(id, out var o)) continue;
            if (o.Disabled) rules.Children.RemoveAt(i);
            else ApplyTo(m, o);
        }
        return Save(root);
    }

    private static void ApplyTo(YamlMappingNode rule, RuleOverride o)
    {
        if (o.Severity is { } severity) rule.Children[new YamlScalarNode("severity")] = new YamlScalarNode(severity);
        foreach (var (path, value) in o.Parameters ?? new Dictionary<string, decimal>())
        {
            var parts = path.Split('/');
            YamlNode? node = rule;
            for (var i = 0; i < parts.Length - 1 && node is not null; i++)
                node = node switch
                {
                    YamlMappingNode m => m.Children.TryGetValue(new YamlScalarNode(parts[i]), out var c) ? c : null,
                    YamlSequenceNode s => int.TryParse(parts[i], CultureInfo.InvariantCulture, out var k) && k >= 0 && k < s.Children.Count ? s.Children[k] : null,
                    _ => null,
                };
            if (node is YamlMappingNode parent && parent.Children.ContainsKey(new YamlScalarNode(parts[^1])))
                parent.Children[new YamlScalarNode(parts[^1])] = new YamlScalarNode(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private Dictionary<string, (string, IReadOnlyList<RuleParameter>)> BuildIndex()
    {
        var index = new Dictionary<string, (string, IReadOnlyList<RuleParameter>)>(StringComparer.Ordinal);
        foreach (var f in Files)
        {
            YamlMappingNode root;
            try { root = Load(f.Content); }
            catch (Exception e) when (e is YamlException or InvalidOperationException or InvalidCastException) { continue; }
            if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var node) || node is not YamlSequenceNode rules) continue;
            foreach (var m in rules.Children.OfType<YamlMappingNode>())
            {
                if (IdOf(m) is not { } id || index.ContainsKey(id)) continue;
                var parameters = new List<RuleParameter>();
                if (m.Children.TryGetValue(new YamlScalarNode("condition"), out var c)) Collect(c, "condition", parameters);
                index[id] = (f.Path, parameters);
            }
        }
        return index;
    }

    private static void Collect(YamlNode node, string path, List<RuleParameter> into)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    if (k is not YamlScalarNode { Value: { } key }) continue;
                    if (CompareKeys.Contains(key) && v is YamlScalarNode { Value: { } s }
                        && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        var field = m.Children.TryGetValue(new YamlScalarNode("field"), out var fn) ? (fn as YamlScalarNode)?.Value : null;
                        var regex = m.Children.TryGetValue(new YamlScalarNode("regex"), out var rn) ? (rn as YamlScalarNode)?.Value : null;
                        // A compare condition's threshold is compared with its left: expression.
                        var left = m.Children.TryGetValue(new YamlScalarNode("left"), out var ln) ? (ln as YamlScalarNode)?.Value : null;
                        into.Add(new RuleParameter($"{path}/{key}", key, value, field ?? regex ?? left ?? "", field is not null));
                    }
                    else if (v is YamlMappingNode or YamlSequenceNode) Collect(v, $"{path}/{key}", into);
                }
                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++) Collect(seq.Children[i], $"{path}/{i}", into);
                break;
        }
    }

    private static string? IdOf(YamlMappingNode m) =>
        m.Children.TryGetValue(new YamlScalarNode("id"), out var v) ? (v as YamlScalarNode)?.Value : null;

    private static YamlMappingNode Load(string content)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(content));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    internal static string Save(YamlNode root)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(w, assignAnchors: false);
        return w.ToString();
    }
}
