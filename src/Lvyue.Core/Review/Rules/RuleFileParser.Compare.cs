using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Lvyue.Review.Rules;

/// <summary>The <c>compare</c> condition and the regular expressions every pattern condition compiles.</summary>
internal sealed partial class RuleFileParser
{
    private static readonly string[] CompareConditionKeys = ["values", "each", "left", "tolerance", "gt", "gte", "lt", "lte", "eq", "ne"];
    private static readonly string[] ValueKeys = ["regex", "group", "as", "anywhere"];
    private static readonly string[] EachKeys = ["regex", "as"];
    private static readonly Dictionary<string, CaptureKind> CaptureKinds = new(StringComparer.Ordinal)
    {
        ["number"] = CaptureKind.Number, ["amount"] = CaptureKind.Number, ["date"] = CaptureKind.Date,
        ["months"] = CaptureKind.Months, ["days"] = CaptureKind.Days,
    };

    /// <summary>A rule pattern compiled on the non-backtracking engine, or null (with the error) when it is refused.</summary>
    private (Regex Regex, string Pattern)? CompileRegex(YamlNode node)
    {
        var pattern = RegexText((node as YamlScalarNode)?.Value);
        if (string.IsNullOrEmpty(pattern)) { Error(node.Start.Line, "empty regex"); return null; }
        if (RegexSafety.Check(pattern) is { } unsafeReason) { Error(node.Start.Line, $"regex refused: {unsafeReason}: {pattern}"); return null; }
        try
        {
            return (new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout), pattern);
        }
        catch (NotSupportedException e)
        {
            Error(node.Start.Line, $"regex refused: it uses a construct that needs backtracking (backreference, lookaround, atomic group), which rules may not use: {e.Message}");
        }
        catch (ArgumentException e)
        {
            Error(node.Start.Line, $"invalid regex: {e.Message}");
        }
        return null;
    }

    /// <summary>The literal sets every match of <paramref name="pattern"/> needs, longest shortest-literal first.</summary>
    private int[][] Gates(string pattern) =>
        RegexLiterals.AllRequired(pattern)
            .OrderByDescending(set => set.Min(l => l.Length))
            .Select(set => set.Select(literals.Id).ToArray()).ToArray();

    private Condition? CompareCondition(YamlNode node)
    {
        if (node is not YamlMappingNode m)
        {
            Error(node.Start.Line, "compare is a mapping: {values: {name: {regex: '…(?<n>…)…'}}, left: expression, gt|gte|lt|lte|eq|ne: expression, tolerance: N}");
            return null;
        }
        if (!Keys(m, CompareConditionKeys, "compare")) return null;
        var before = errors.Count;
        var line = m.Start.Line;

        var values = new List<CaptureValue>();
        var kinds = new Dictionary<string, ValueKind>(StringComparer.Ordinal);
        if (Get(m, "values") is { } vs)
        {
            if (vs is not YamlMappingNode vm || vm.Children.Count == 0)
                Error(vs.Start.Line, "values is a mapping of names to patterns: {deposit: {regex: '押金[^。\\d]{0,10}(?<n>[\\d,.]+万?)元'}}");
            else
                foreach (var (k, v) in vm.Children)
                    if (Value(k, v) is { } cv)
                    {
                        values.Add(cv);
                        kinds[cv.Name] = cv.Kind == CaptureKind.Date ? ValueKind.Date : ValueKind.Number;
                    }
        }

        EachPattern? each = null;
        if (Get(m, "each") is { } en)
        {
            each = Each(en);
            if (each is not null)
                foreach (var g in each.Groups)
                {
                    if (kinds.ContainsKey(g)) Error(en.Start.Line, $"the each: group '{g}' has the name of a value");
                    kinds[g] = each.Kind == CaptureKind.Date ? ValueKind.Date : ValueKind.Number;
                }
        }

        (NameSource, ValueKind)? Resolve(string name) =>
            kinds.TryGetValue(name, out var k) ? (NameSource.Capture, k)
            : ReviewFacts.Names.TryGetValue(name, out var meaning) && meaning.StartsWith("number", StringComparison.Ordinal) ? (NameSource.Field, ValueKind.Number)
            : ReviewFacts.DateNames.ContainsKey(name) ? (NameSource.DateField, ValueKind.Date)
            : null;

        CompareExpression? Expression(YamlNode n, string key)
        {
            var text = (n as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(text)) { Error(n.Start.Line, $"compare {key} needs an expression"); return null; }
            try
            {
                return CompareExpressionParser.Parse(text, Resolve);
            }
            catch (FormatException e)
            {
                Error(n.Start.Line, $"compare {key}: {e.Message}");
                return null;
            }
        }

        CompareExpression? left = null;
        if (Get(m, "left") is { } ln) left = Expression(ln, "left");
        else Error(line, "compare needs left: (an expression such as deposit, or rent * termMonths)");
        var tests = new List<(string, CompareExpression)>();
        foreach (var op in CompareKeys)
            if (Get(m, op) is { } rn && Expression(rn, op) is { } right)
            {
                if (left is not null && left.Kind != right.Kind)
                    Error(rn.Start.Line, $"compare {op}: cannot compare a {left.Kind.ToString().ToLowerInvariant()} with a {right.Kind.ToString().ToLowerInvariant()}");
                tests.Add((op, right));
            }
        if (!CompareKeys.Any(op => Get(m, op) is not null)) Error(line, "compare needs a comparison: gt, gte, lt, lte, eq or ne with an expression");

        var tolerance = Tolerance.None;
        if (Scalar(m, "tolerance") is { } ts)
        {
            var relative = ts.EndsWith('%');
            if (decimal.TryParse(relative ? ts[..^1] : ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) && t >= 0)
                tolerance = new Tolerance(t, relative);
            else Error(Get(m, "tolerance")!.Start.Line, "tolerance is a number (1: one yuan, day or unit) or a percent of the right side (0.5%)");
        }

        if (left is not null)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            left.Names(used);
            foreach (var (_, r) in tests) r.Names(used);
            foreach (var v in values.Where(v => !used.Contains(v.Name)))
                Error(line, $"compare: the value '{v.Name}' is captured but no expression uses it");
            if (each is not null && !each.Groups.Any(used.Contains))
                Error(line, "compare: no expression uses a group of the each: pattern");
        }
        if (errors.Count != before || left is null || tests.Count == 0) return null;
        return new CompareCondition(values, each, left, tests, tolerance);
    }

    private CaptureValue? Value(YamlNode key, YamlNode node)
    {
        var name = (key as YamlScalarNode)?.Value ?? "";
        if (!IsName(name)) { Error(key.Start.Line, $"value name '{name}' must be letters, digits or _ (a letter first)"); return null; }
        if (ReviewFacts.Names.ContainsKey(name) || ReviewFacts.DateNames.ContainsKey(name))
        {
            Error(key.Start.Line, $"value name '{name}' is a field's name; choose another");
            return null;
        }
        YamlNode patternNode;
        string? group = null;
        var kind = CaptureKind.Number;
        var anywhere = false;
        if (node is YamlScalarNode) patternNode = node;
        else if (node is YamlMappingNode vm && Keys(vm, ValueKeys, $"value {name}"))
        {
            if (Get(vm, "regex") is not { } rn) { Error(vm.Start.Line, $"value {name} needs regex:"); return null; }
            patternNode = rn;
            group = Scalar(vm, "group");
            if (Scalar(vm, "as") is { } a && !TryKind(a, Get(vm, "as")!, out kind)) return null;
            anywhere = Bool(vm, "anywhere") ?? false;
        }
        else
        {
            if (node is not YamlMappingNode) Error(node.Start.Line, $"value {name} is a pattern or a mapping with regex: (and group:, as:, anywhere:)");
            return null;
        }
        if (CompileRegex(patternNode) is not { } compiled) return null;
        var (regex, pattern) = compiled;
        if (group is not null ? regex.GroupNumberFromName(group) < 0 : regex.GetGroupNumbers().Length < 2)
        {
            Error(patternNode.Start.Line, group is not null
                ? $"value {name}: the pattern has no group '{group}'"
                : $"value {name}: the pattern needs a group (?<n>…) capturing the number");
            return null;
        }
        return new CaptureValue(name, regex, group, kind, anywhere, Gates(pattern), RegexLiterals.WithinSentence(pattern));
    }

    private EachPattern? Each(YamlNode node)
    {
        YamlNode patternNode;
        var kind = CaptureKind.Number;
        if (node is YamlScalarNode) patternNode = node;
        else if (node is YamlMappingNode em && Keys(em, EachKeys, "each"))
        {
            if (Get(em, "regex") is not { } rn) { Error(em.Start.Line, "each needs regex:"); return null; }
            patternNode = rn;
            if (Scalar(em, "as") is { } a && !TryKind(a, Get(em, "as")!, out kind)) return null;
        }
        else
        {
            if (node is not YamlMappingNode) Error(node.Start.Line, "each is a pattern with named groups, or a mapping with regex: and as:");
            return null;
        }
        if (CompileRegex(patternNode) is not { } compiled) return null;
        var (regex, pattern) = compiled;
        var groups = regex.GetGroupNames().Where(g => !int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        if (groups.Count == 0) { Error(patternNode.Start.Line, "each: the pattern needs named groups (?<qty>…) for the expressions"); return null; }
        foreach (var g in groups.Where(g => !IsName(g) || ReviewFacts.Names.ContainsKey(g) || ReviewFacts.DateNames.ContainsKey(g)))
            Error(patternNode.Start.Line, $"each: group name '{g}' is a field's name; choose another");
        return new EachPattern(regex, groups, kind, Gates(pattern));
    }

    private bool TryKind(string text, YamlNode node, out CaptureKind kind)
    {
        if (CaptureKinds.TryGetValue(text, out kind)) return true;
        Error(node.Start.Line, $"as: must be one of {string.Join(", ", CaptureKinds.Keys)} (got '{text}')");
        return false;
    }

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');
}
