using System.Globalization;
using System.Text.RegularExpressions;
using Lvyue.Review.Clauses;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lvyue.Review.Rules;

/// <summary>
/// Reads one rule file (YAML; the format is described in rules/README.md) into rules, binding their literals to a
/// shared literal table. Every problem is collected as a <see cref="RuleLoadError"/> with the file and line; a rule with
/// an error is left out.
/// </summary>
internal sealed partial class RuleFileParser(string file, LiteralTable literals, List<RuleLoadError> errors)
{
    /// <summary>Match time limit of every rule regular expression (they run on the non-backtracking engine).</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly string[] FileKeys = ["group", "severity", "appliesTo", "scope", "basis", "rules"];
    private static readonly string[] RuleKeys = ["id", "group", "severity", "appliesTo", "scope", "condition", "message", "basis", "suggestion", "examples"];
    private static readonly string[] AppliesKeys = ["categories", "subcategories", "methods", "sme"];
    private static readonly string[] MessageKeys = ["zh", "en"];
    private static readonly string[] ExamplesKeys = ["trigger", "pass"];
    private static readonly string[] ExampleKeys = ["text", "category", "subcategory", "method", "sme"];
    private static readonly string[] CompareKeys = ["gt", "gte", "lt", "lte", "eq", "ne"];
    private static readonly string[] Categories = ["works", "goods", "services"];
    private static readonly Regex IdShape = new(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{3,}$", RegexOptions.CultureInvariant);

    /// <summary>Parses <paramref name="content"/>; the rules are returned in file order.</summary>
    public List<ReviewRule> Parse(string content)
    {
        var rules = new List<ReviewRule>();
        var yaml = new YamlStream();
        var scanner = new Scanner(new StringReader(content));
        try
        {
            yaml.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            Error(e.Start.Line, "YAML syntax error: " + Inner(e).Message);
            return rules;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The scanner gave up without a mark of its own: its position is where it stopped.
            Error(scanner.CurrentPosition.Line, "YAML syntax error: the text cannot be read as YAML here");
            return rules;
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(1, "a rule file is a mapping with a 'rules:' list");
            return rules;
        }
        if (!Keys(root, FileKeys, "file")) return rules;
        var defaults = new Defaults(
            Scalar(root, "group"), Scalar(root, "severity"),
            Get(root, "appliesTo") is { } ap ? Applies(ap) : null,
            Get(root, "scope") is { } sc ? Types(sc, "scope") : null,
            Scalar(root, "basis"));
        if (Get(root, "rules") is not YamlSequenceNode list)
        {
            Error(root.Start.Line, "missing 'rules:' list");
            return rules;
        }
        foreach (var node in list)
        {
            if (node is not YamlMappingNode m)
            {
                Error(node.Start.Line, "a rule is a mapping (id:, group:, condition: …)");
                continue;
            }
            var before = errors.Count;
            var rule = Rule(m, defaults);
            if (rule is not null && errors.Count == before) rules.Add(rule);
        }
        return rules;
    }

    private sealed record Defaults(string? Group, string? Severity, RuleApplicability? AppliesTo, IReadOnlyList<string>? Scope, string? Basis);

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;

    private ReviewRule? Rule(YamlMappingNode m, Defaults d)
    {
        if (!Keys(m, RuleKeys, "rule")) return null;
        var line = m.Start.Line;
        var id = Scalar(m, "id");
        if (id is null) { Error(line, "rule without 'id'"); return null; }
        if (!IdShape.IsMatch(id)) Error(Get(m, "id")!.Start.Line, $"rule id '{id}' should look like CMP-BOND-001 (capitals, hyphens, a number of 3+ digits)");
        var group = Scalar(m, "group") ?? d.Group;
        if (group is null || !RuleGroups.All.Contains(group))
            Error(line, $"{id}: group must be one of {string.Join(", ", RuleGroups.All)} (got '{group}')");
        var severity = Scalar(m, "severity") ?? d.Severity;
        if (severity is null || !RuleSeverities.All.Contains(severity))
            Error(line, $"{id}: severity must be one of {string.Join(", ", RuleSeverities.All)} (got '{severity}')");
        var applies = (Get(m, "appliesTo") is { } ap ? Applies(ap) : d.AppliesTo) ?? RuleApplicability.Any;
        var scope = Get(m, "scope") is { } sc ? Types(sc, "scope") : d.Scope ?? [];
        Condition? condition = null;
        if (Get(m, "condition") is { } cn) condition = Condition(cn);
        else Error(line, $"{id}: rule without 'condition'");
        RuleMessage? message = null;
        if (Get(m, "message") is YamlMappingNode mm && Keys(mm, MessageKeys, "message"))
        {
            var zh = Scalar(mm, "zh");
            var en = Scalar(mm, "en");
            if (string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en)) Error(mm.Start.Line, $"{id}: message needs both zh and en");
            else message = new RuleMessage(zh, en);
        }
        else Error(line, $"{id}: message must be a mapping with zh: and en:");
        var basis = Scalar(m, "basis") ?? d.Basis;
        var suggestion = Scalar(m, "suggestion");
        var examples = new List<RuleExample>();
        if (Get(m, "examples") is YamlMappingNode ex && Keys(ex, ExamplesKeys, "examples"))
        {
            foreach (var (key, trigger) in new[] { ("trigger", true), ("pass", false) })
            {
                var before = examples.Count;
                if (Get(ex, key) is YamlSequenceNode items)
                    foreach (var item in items)
                        if (Example(item, trigger) is { } e) examples.Add(e);
                if (examples.Count == before)
                    Error(ex.Start.Line, $"{id}: examples need at least one '{key}' text ({(trigger ? "must trigger the rule" : "close text that must not")})");
            }
        }
        else Error(line, $"{id}: examples must be a mapping with trigger: and pass: lists");
        if (group == RuleGroups.Missing && condition is not null && scope.Count == 0 && !NamesMissingType(condition))
            Error(line, $"{id}: a missing-clause rule names the absent clause type: use a missing: condition or a scope:");
        if (condition is null || message is null || group is null || severity is null) return null;
        return new ReviewRule(id, group, severity, applies, scope, condition, message, basis, suggestion, examples, file, (int)line);
    }

    private static bool NamesMissingType(Condition c) => c switch
    {
        MissingCondition => true,
        AllCondition a => a.Children.Any(NamesMissingType),
        _ => false,
    };

    private RuleExample? Example(YamlNode node, bool trigger)
    {
        if (node is YamlScalarNode s)
        {
            if (string.IsNullOrWhiteSpace(s.Value)) { Error(node.Start.Line, "empty example"); return null; }
            return new RuleExample(s.Value!, trigger, ReviewContext.Unknown, (int)node.Start.Line);
        }
        if (node is YamlMappingNode m && Keys(m, ExampleKeys, "example"))
        {
            var text = Scalar(m, "text");
            if (string.IsNullOrWhiteSpace(text)) { Error(node.Start.Line, "example without text"); return null; }
            var category = Scalar(m, "category");
            if (category is not null && !Categories.Contains(category)) Error(node.Start.Line, $"unknown category '{category}'");
            var method = Scalar(m, "method");
            if (method is not null && !ProcurementMethods.All.Contains(method)) Error(node.Start.Line, $"unknown method '{method}'");
            return new RuleExample(text, trigger, new ReviewContext(category, Scalar(m, "subcategory"), method, Bool(m, "sme")), (int)node.Start.Line);
        }
        Error(node.Start.Line, "an example is a text or a mapping with text: (and category:, subcategory:, method:, sme:)");
        return null;
    }

    private RuleApplicability? Applies(YamlNode node)
    {
        if (node is not YamlMappingNode m || !Keys(m, AppliesKeys, "appliesTo"))
        {
            if (node is not YamlMappingNode) Error(node.Start.Line, "appliesTo is a mapping (categories:, subcategories:, methods:, sme:)");
            return null;
        }
        var categories = List(Get(m, "categories"));
        foreach (var c in categories.Where(c => !Categories.Contains(c))) Error(m.Start.Line, $"unknown category '{c}' (works, goods, services)");
        var methods = List(Get(m, "methods"));
        foreach (var c in methods.Where(c => !ProcurementMethods.All.Contains(c))) Error(m.Start.Line, $"unknown procurement method '{c}' ({string.Join(", ", ProcurementMethods.All)})");
        return new RuleApplicability(categories, List(Get(m, "subcategories")), methods, Bool(m, "sme"));
    }

    private IReadOnlyList<string> Types(YamlNode node, string what)
    {
        var types = List(node);
        foreach (var t in types.Where(t => !ClauseTypes.All.Contains(t)))
            Error(node.Start.Line, $"{what}: unknown clause type '{t}' (one of {string.Join(", ", ClauseTypes.All)})");
        return types;
    }

    private static readonly string[] ConditionKinds = ["text", "regex", "near", "field", "fact", "missing", "present", "all", "any", "not", "anywhere", "compare"];

    private Condition? Condition(YamlNode node)
    {
        if (node is not YamlMappingNode m || m.Children.Count == 0)
        {
            Error(node.Start.Line, "a condition is a mapping with one of: " + string.Join(", ", ConditionKinds));
            return null;
        }
        var kinds = m.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(ConditionKinds.Contains).ToList();
        if (kinds.Count != 1)
        {
            Error(m.Start.Line, kinds.Count == 0
                ? $"unknown condition '{string.Join(", ", m.Children.Keys)}' (expected one of: {string.Join(", ", ConditionKinds)})"
                : $"a condition has exactly one kind, found {string.Join(" and ", kinds)}; combine them with all: or any:");
            return null;
        }
        var kind = kinds[0];
        var value = Get(m, kind)!;
        switch (kind)
        {
            case "text":
                if (!Keys(m, ["text"], "text condition")) return null;
                return new TextCondition(Literals(value));
            case "near":
                {
                    if (!Keys(m, ["near"], "near condition")) return null;
                    if (value is not YamlMappingNode n || !Keys(n, ["a", "b", "within"], "near"))
                    {
                        if (value is not YamlMappingNode) Error(value.Start.Line, "near is a mapping: {a: [...], b: [...], within: N}");
                        return null;
                    }
                    var within = Scalar(n, "within") is { } w && int.TryParse(w, CultureInfo.InvariantCulture, out var wi) && wi >= 0 ? wi : -1;
                    if (within < 0) { Error(n.Start.Line, "near needs within: a number of characters"); return null; }
                    if (Get(n, "a") is not { } a || Get(n, "b") is not { } b) { Error(n.Start.Line, "near needs a: and b: literal lists"); return null; }
                    return new NearCondition(Literals(a), Literals(b), within);
                }
            case "regex":
                {
                    if (!Keys(m, ["regex", .. CompareKeys], "regex condition")) return null;
                    if (CompileRegex(value) is not { } compiled) return null;
                    var (regex, pattern) = compiled;
                    var test = Compare(m);
                    if (test is not null && regex.GetGroupNumbers().Length < 2)
                    {
                        Error(value.Start.Line, "a regex with a comparison needs a group (?<n>…) or (…) capturing the number");
                        return null;
                    }
                    return new RegexCondition(regex, test, Gates(pattern), RegexLiterals.WithinSentence(pattern));
                }
            case "field":
            case "fact":
                {
                    var name = (value as YamlScalarNode)?.Value ?? "";
                    if (!ReviewFacts.Names.ContainsKey(name))
                    {
                        Error(value.Start.Line, $"unknown field '{name}' (one of: {string.Join(", ", ReviewFacts.Names.Keys)})");
                        return null;
                    }
                    if (kind == "fact")
                    {
                        if (!Keys(m, ["fact"], "fact condition")) return null;
                        return new FieldCondition(name, null, null, true, null);
                    }
                    if (!Keys(m, ["field", "in", "is", "known", .. CompareKeys], "field condition")) return null;
                    var test = Compare(m);
                    var oneOf = Get(m, "in") is { } inNode ? List(inNode) : null;
                    var isValue = Bool(m, "is");
                    var known = Bool(m, "known");
                    if (test is null && oneOf is null && isValue is null && known is null)
                    {
                        Error(m.Start.Line, $"field {name} needs a test: gt/gte/lt/lte/eq/ne N, in: [...], is: true|false or known: true|false");
                        return null;
                    }
                    return new FieldCondition(name, test, oneOf, isValue, known);
                }
            case "missing":
            case "present":
                {
                    if (!Keys(m, [kind], kind + " condition")) return null;
                    var types = Types(value, kind);
                    if (types.Count == 0) { Error(value.Start.Line, $"{kind} needs at least one clause type"); return null; }
                    return kind == "missing" ? new MissingCondition(types) : new PresentCondition(types);
                }
            case "all":
            case "any":
                {
                    if (!Keys(m, [kind], kind + " condition")) return null;
                    if (value is not YamlSequenceNode seq || seq.Children.Count == 0)
                    {
                        Error(value.Start.Line, $"{kind} is a list of conditions");
                        return null;
                    }
                    var children = seq.Select(Condition).ToList();
                    if (children.Any(c => c is null)) return null;
                    return kind == "all" ? new AllCondition(children!) : new AnyCondition(children!);
                }
            case "compare":
                if (!Keys(m, ["compare"], "compare condition")) return null;
                return CompareCondition(value);
            case "not":
            case "anywhere":
                {
                    if (!Keys(m, [kind], kind + " condition")) return null;
                    var child = Condition(value);
                    if (child is null) return null;
                    return kind == "not" ? new NotCondition(child) : new AnywhereCondition(child);
                }
        }
        return null;
    }

    /// <summary>
    /// Brings a pattern to the normalized text's forms: full-width ASCII becomes ASCII (，→, ：→: ％→%), escaped where the
    /// ASCII character is a regex metacharacter, so （ and ？ in a pattern still mean the characters themselves.
    /// </summary>
    internal static string? RegexText(string? pattern)
    {
        if (pattern is null) return null;
        var sb = new System.Text.StringBuilder(pattern.Length);
        foreach (var c in pattern)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                var a = (char)(c - 0xFEE0);
                if (@"\^$.|?*+()[]{}".Contains(a)) sb.Append('\\');
                sb.Append(a);
            }
            else if (c == '\uFFE5') sb.Append('¥');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private NumericTest? Compare(YamlMappingNode m)
    {
        var tests = new List<(string, decimal)>();
        foreach (var op in CompareKeys)
        {
            if (Get(m, op) is not { } node) continue;
            if ((node as YamlScalarNode)?.Value is { } s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                tests.Add((op, v));
            else Error(node.Start.Line, $"{op} needs a number");
        }
        return tests.Count == 0 ? null : new NumericTest(tests);
    }

    private int[] Literals(YamlNode node)
    {
        var list = List(node);
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            Error(node.Start.Line, "a literal list needs at least one non-empty text");
            return [];
        }
        return list.Select(l => literals.Id(TextNormalizer.NormalizeText(l))).Distinct().ToArray();
    }

    private bool Keys(YamlMappingNode m, string[] allowed, string what)
    {
        var ok = true;
        foreach (var key in m.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
            {
                Error(key.Start.Line, $"unknown field '{name}' in {what} (allowed: {string.Join(", ", allowed)})");
                ok = false;
            }
        }
        return ok;
    }

    private static YamlNode? Get(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private string? Scalar(YamlMappingNode m, string key)
    {
        var node = Get(m, key);
        if (node is null) return null;
        if (node is YamlScalarNode s) return s.Value;
        Error(node.Start.Line, $"'{key}' must be a single value");
        return null;
    }

    private bool? Bool(YamlMappingNode m, string key)
    {
        var s = Scalar(m, key);
        if (s is null) return null;
        if (s is "true" or "yes") return true;
        if (s is "false" or "no") return false;
        Error(Get(m, key)!.Start.Line, $"'{key}' must be true or false");
        return null;
    }

    private List<string> List(YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode s => s.Value is null ? [] : [s.Value],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? "" : Bad(c)).ToList(),
        _ => [Bad(node)],
    };

    private string Bad(YamlNode node)
    {
        Error(node.Start.Line, "expected a text or a list of texts");
        return "";
    }

    private void Error(long line, string reason) => errors.Add(new RuleLoadError(file, (int)Math.Max(1, line), reason));
}

/// <summary>The distinct literals of a rule set, each with a dense id for the automaton.</summary>
internal sealed class LiteralTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _literals = [];

    public int Id(string literal)
    {
        if (!_ids.TryGetValue(literal, out var id))
        {
            id = _literals.Count;
            _ids[literal] = id;
            _literals.Add(literal);
        }
        return id;
    }

    public IReadOnlyList<string> Literals => _literals;
}
