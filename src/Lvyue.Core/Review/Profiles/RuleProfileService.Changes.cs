using System.Globalization;
using System.Text.RegularExpressions;
using Lvyue.Common;
using Lvyue.Review.Clauses;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Profiles;

public sealed partial class RuleProfileService
{
    private static readonly string[] RegionGroups = [RuleGroups.Compliance, RuleGroups.Severe, RuleGroups.General];
    private static readonly string[] Categories = ["works", "goods", "services"];
    private static readonly Regex IdShape = new(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{3,}$", RegexOptions.CultureInvariant);

    /// <summary>Chinese label of a severity.</summary>
    public static string SeverityZh(string? severity) => severity switch
    {
        RuleSeverities.High => "高", RuleSeverities.Medium => "中", RuleSeverities.Low => "低", _ => severity ?? "",
    };

    private Outcome ChangeLibraryRule(RuleProfileState state, RuleProfileChange change, string? reason, ErrorBag errors)
    {
        var id = change.RuleId?.Trim() ?? "";
        if (id.Length == 0) return Refuse(errors, "ruleId", "请指定规则编号", "Name the rule");
        if (!cache.Library.Contains(id))
            return state.Content.Rule(id) is not null
                ? Refuse(errors, "ruleId", $"{id}是本区规则，请直接修改或删除", $"{id} is a region rule: update or remove it instead")
                : Refuse(errors, "ruleId", $"规则库中没有规则{id}", $"The library has no rule {id}");
        var current = state.Content.Override(id) ?? new RuleOverride(id, false, null, null, null);
        RuleOverride next;
        Msg summary;
        IReadOnlyList<ExampleOutcome>? examples = null;
        switch (change.Kind)
        {
            case RuleProfileChangeKinds.Disable:
                if (current.Disabled) return Refuse(errors, "ruleId", $"规则{id}已停用", $"{id} is already disabled");
                if (reason is null) return Refuse(errors, "reason", "停用规则须填写原因", "Disabling a rule needs a reason");
                next = current with { Disabled = true, DisabledReason = reason };
                summary = new Msg($"停用规则 {id}：{reason}", $"Disabled {id}: {reason}");
                break;
            case RuleProfileChangeKinds.Enable:
                if (!current.Disabled) return Refuse(errors, "ruleId", $"规则{id}未停用", $"{id} is not disabled");
                next = current with { Disabled = false, DisabledReason = null };
                summary = new Msg($"恢复启用规则 {id}", $"Re-enabled {id}");
                break;
            case RuleProfileChangeKinds.Severity:
                {
                    var severity = string.IsNullOrWhiteSpace(change.Severity) ? null : change.Severity.Trim().ToLowerInvariant();
                    if (severity is not null && !RuleSeverities.All.Contains(severity))
                        return Refuse(errors, "severity", "严重程度须为高、中、低之一", "Severity is one of high, medium, low");
                    var library = LibrarySeverity(id);
                    if (severity == library) severity = null;
                    if (severity == current.Severity) return Refuse(errors, "severity", "严重程度没有变化", "The severity is unchanged");
                    next = current with { Severity = severity };
                    var shown = severity ?? library;
                    summary = severity is null
                        ? new Msg($"规则 {id} 严重程度恢复为规则库的“{SeverityZh(library)}”", $"{id} severity back to the library's {library}")
                        : new Msg($"规则 {id} 严重程度改为“{SeverityZh(shown)}”", $"{id} severity set to {shown}");
                    break;
                }
            case RuleProfileChangeKinds.Parameters:
                {
                    var defs = cache.Library.Parameters(id);
                    if (defs.Count == 0) return Refuse(errors, "parameters", $"规则{id}没有可调整的数值参数", $"{id} has no numeric parameter");
                    if (change.Parameters is not { Count: > 0 } input) return Refuse(errors, "parameters", "请填写参数值", "Give the parameter values");
                    var merged = new Dictionary<string, decimal>(current.Parameters ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
                    foreach (var (path, value) in input)
                    {
                        var def = defs.FirstOrDefault(d => d.Path == path);
                        if (def is null) { errors.Add($"parameters[{path}]", $"规则{id}没有参数{path}", $"{id} has no parameter {path}"); continue; }
                        if (def.IsPercent && value is < 0 or > 100)
                            errors.Add($"parameters[{path}]", $"{def.Subject}是百分比，须在0–100之间", $"{def.Subject} is a percentage between 0 and 100");
                        else if (def.LibraryValue >= 0 && value < 0)
                            errors.Add($"parameters[{path}]", $"{def.Subject}不能为负数", $"{def.Subject} cannot be negative");
                        if (value == def.LibraryValue) merged.Remove(path);
                        else merged[path] = value;
                    }
                    if (errors.Any) return new Outcome(null, null, null, null);
                    var before = current.Parameters ?? new Dictionary<string, decimal>();
                    if (merged.Count == before.Count && merged.All(kv => before.TryGetValue(kv.Key, out var b) && b == kv.Value))
                        return Refuse(errors, "parameters", "参数没有变化", "The parameters are unchanged");
                    next = current with { Parameters = merged.Count == 0 ? null : merged };
                    var text = string.Join("，", defs.Select(d => $"{d.Subject} {d.OpLabel.Zh} {Format(merged.GetValueOrDefault(d.Path, d.LibraryValue))}"));
                    var textEn = string.Join(", ", defs.Select(d => $"{d.Subject} {d.OpLabel.En} {Format(merged.GetValueOrDefault(d.Path, d.LibraryValue))}"));
                    summary = new Msg($"规则 {id} 参数改为：{text}", $"{id} parameters set to: {textEn}");
                    examples = RunLibraryRule(id, next, errors);
                    if (errors.Any) return new Outcome(null, null, null, null);
                    break;
                }
            default: // reset
                if (current.IsEmpty) return Refuse(errors, "ruleId", $"规则{id}未作调整", $"{id} has no change to reset");
                next = new RuleOverride(id, false, null, null, null);
                summary = new Msg($"规则 {id} 恢复为规则库设置", $"{id} reset to the library");
                break;
        }
        return new Outcome(state.Content.With(next), id, summary, examples);
    }

    private Outcome SaveRegionRule(RuleProfileState state, RuleProfileChange change, ErrorBag errors)
    {
        if (change.Rule is not { } input) return Refuse(errors, "rule", "请填写规则内容", "Give the rule");
        var rule = Normalize(input);
        var exists = state.Content.Rule(rule.Id) is not null;
        if (change.Kind == RuleProfileChangeKinds.AddRule && exists)
            errors.Add("id", $"本区已有规则{rule.Id}，请换一个编号或修改该规则", $"The region already has {rule.Id}: choose another id or update it");
        if (change.Kind == RuleProfileChangeKinds.UpdateRule && !exists)
            errors.Add("id", $"本区没有规则{rule.Id}", $"The region has no rule {rule.Id}");
        Validate(rule, state, errors);
        if (errors.Any) return new Outcome(null, null, null, null);
        var examples = RunRegionRule(rule, state, errors);
        if (errors.Any) return new Outcome(null, null, null, examples);
        var summary = change.Kind == RuleProfileChangeKinds.AddRule
            ? new Msg($"新增本区规则 {rule.Id}：{rule.MessageZh}", $"Added region rule {rule.Id}: {rule.MessageEn}")
            : new Msg($"修改本区规则 {rule.Id}：{rule.MessageZh}", $"Updated region rule {rule.Id}: {rule.MessageEn}");
        return new Outcome(state.Content.With(rule), rule.Id, summary, examples);
    }

    private static Outcome RemoveRegionRule(RuleProfileState state, RuleProfileChange change, string? reason, ErrorBag errors)
    {
        var id = change.RuleId?.Trim().ToUpperInvariant() ?? "";
        if (state.Content.Rule(id) is null) return Refuse(errors, "ruleId", $"本区没有规则{id}", $"The region has no rule {id}");
        if (reason is null) return Refuse(errors, "reason", "删除规则须填写原因", "Removing a rule needs a reason");
        return new Outcome(state.Content.Without(id), id, new Msg($"删除本区规则 {id}：{reason}", $"Removed region rule {id}: {reason}"), null);
    }

    private static RegionRule Normalize(RegionRule r)
    {
        static List<string> Clean(IReadOnlyList<string>? items) =>
            (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new RegionRule(
            (r.Id ?? "").Trim().ToUpperInvariant(), (r.Group ?? "").Trim().ToLowerInvariant(), (r.Severity ?? "").Trim().ToLowerInvariant(),
            Clean(r.Scope), Clean(r.Categories), string.IsNullOrWhiteSpace(r.Match) ? RegionRuleMatch.Text : r.Match.Trim().ToLowerInvariant(),
            Clean(r.Patterns), Clean(r.Exclude), (r.MessageZh ?? "").Trim(), (r.MessageEn ?? "").Trim(), Opt(r.Basis), Opt(r.Suggestion),
            // Example texts keep their line breaks (a heading line classifies the clause).
            (r.Trigger ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList(),
            (r.Pass ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList());
    }

    private void Validate(RegionRule r, RuleProfileState state, ErrorBag errors)
    {
        var prefix = state.RulePrefix;
        if (!r.Id.StartsWith(prefix, StringComparison.Ordinal) || !IdShape.IsMatch(r.Id) || r.Id.Length > 64)
            errors.Add("id", $"本区规则编号须以{prefix}开头、以三位以上数字结尾，如{prefix}PAY-001", $"A region rule id starts with {prefix} and ends with a number of 3+ digits, e.g. {prefix}PAY-001");
        else if (cache.Library.Contains(r.Id))
            errors.Add("id", $"规则库已有规则{r.Id}", $"The library already has {r.Id}");
        if (!RegionGroups.Contains(r.Group))
            errors.Add("group", "分组须为合规、重大风险或一般风险（缺失条款不是文字规则）", "The group is compliance, severe or general (a missing clause is not a pattern)");
        if (!RuleSeverities.All.Contains(r.Severity)) errors.Add("severity", "严重程度须为高、中、低之一", "Severity is one of high, medium, low");
        foreach (var t in r.Scope.Where(t => !ClauseTypes.All.Contains(t)))
            errors.Add("scope", $"未知的条款类型“{t}”", $"Unknown clause type '{t}'");
        foreach (var c in r.Categories.Where(c => !Categories.Contains(c)))
            errors.Add("categories", $"未知的合同类别“{c}”（works、goods、services）", $"Unknown category '{c}' (works, goods, services)");
        if (r.Match is not (RegionRuleMatch.Text or RegionRuleMatch.Regex))
            errors.Add("match", "匹配方式须为文字或正则表达式", "Match is text or regex");
        if (r.Patterns.Count == 0) errors.Add("patterns", "至少填写一个匹配词或正则表达式", "Give at least one pattern");
        if (r.Patterns.Count > 50 || r.Exclude.Count > 50) errors.Add("patterns", "匹配词和排除词各不超过50个", "At most 50 patterns and 50 exclusions");
        foreach (var p in r.Patterns.Concat(r.Exclude).Where(p => p.Length > 200))
            errors.Add("patterns", $"匹配词过长（不超过200字）：{p[..20]}…", $"A pattern is at most 200 characters: {p[..20]}…");
        if (r.Match == RegionRuleMatch.Regex)
            foreach (var p in r.Patterns) CheckRegex(p, errors);
        if (r.MessageZh.Length == 0) errors.Add("messageZh", "请填写中文提示", "Give the Chinese message");
        if (r.MessageEn.Length == 0) errors.Add("messageEn", "请填写英文提示", "Give the English message");
        if (r.MessageZh.Length > 500 || r.MessageEn.Length > 500) errors.Add("message", "提示不超过500字", "A message is at most 500 characters");
        if (r.Basis is { Length: > 500 }) errors.Add("basis", "依据不超过500字", "The basis is at most 500 characters");
        if (r.Suggestion is { Length: > 1000 }) errors.Add("suggestion", "建议不超过1000字", "The suggestion is at most 1,000 characters");
        if (r.Trigger.Count == 0) errors.Add("trigger", "至少填写一个应触发规则的示例", "Give at least one example that triggers the rule");
        if (r.Pass.Count == 0) errors.Add("pass", "至少填写一个相近但不应触发的示例", "Give at least one close example that must not trigger");
        if (r.Trigger.Count + r.Pass.Count > 40 || r.Trigger.Concat(r.Pass).Any(t => t.Length > 5000))
            errors.Add("examples", "示例最多40个，每个不超过5000字", "At most 40 examples of at most 5,000 characters each");
    }

    /// <summary>The library's own checks of a rule's regular expression: nested unbounded repeats, backtracking constructs, syntax.</summary>
    private static void CheckRegex(string pattern, ErrorBag errors)
    {
        var text = RuleFileParser.RegexText(pattern)!;
        if (RegexSafety.Check(text) is { } why)
        {
            errors.Add("patterns", $"正则表达式“{pattern}”可能灾难性回溯，被拒绝：{why}", $"Regex '{pattern}' refused as catastrophic: {why}");
            return;
        }
        try
        {
            _ = new Regex(text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RuleFileParser.RegexTimeout);
        }
        catch (NotSupportedException e)
        {
            errors.Add("patterns", $"正则表达式“{pattern}”使用了需要回溯的写法（反向引用、环视、原子组），规则不允许：{e.Message}",
                $"Regex '{pattern}' uses a construct that needs backtracking (backreference, lookaround, atomic group): {e.Message}");
        }
        catch (ArgumentException e)
        {
            errors.Add("patterns", $"正则表达式“{pattern}”无效：{e.Message}", $"Invalid regex '{pattern}': {e.Message}");
        }
    }

    /// <summary>Compiles the region rule alone, as the library loader does, and runs its examples; failures refuse it.</summary>
    private static List<ExampleOutcome> RunRegionRule(RegionRule rule, RuleProfileState state, ErrorBag errors)
    {
        RuleSet set;
        try
        {
            set = RuleLibrary.Load([RegionRuleYaml.File(RuleProfileCache.RegionFilePath(state.RegionCode), [rule])], checkExamples: false);
        }
        catch (RuleLoadException e)
        {
            foreach (var err in e.Errors)
                errors.Add("rule", $"规则无法编译：{err.Reason}", $"The rule does not compile: {err.Reason}");
            return [];
        }
        var outcomes = Outcomes(set);
        foreach (var o in outcomes.Where(o => !o.Ok))
            errors.Add("examples",
                o.MustTrigger ? $"应触发的示例未触发规则：{Short(o.Text)}" : $"不应触发的示例触发了规则：{Short(o.Text)}",
                o.MustTrigger ? $"A trigger example does not trigger the rule: {Short(o.Text)}" : $"A pass example triggers the rule: {Short(o.Text)}");
        return outcomes;
    }

    /// <summary>The library rule alone with the override applied, and how its examples behave (not a refusal: new thresholds may flip them).</summary>
    private List<ExampleOutcome> RunLibraryRule(string id, RuleOverride o, ErrorBag errors)
    {
        try
        {
            return Outcomes(RuleLibrary.Load([cache.Library.Single(id, o)], checkExamples: false));
        }
        catch (RuleLoadException e)
        {
            foreach (var err in e.Errors) errors.Add("parameters", $"参数无法生效：{err.Reason}", $"The parameters do not compile: {err.Reason}");
            return [];
        }
    }

    private static List<ExampleOutcome> Outcomes(RuleSet set)
    {
        var failures = RuleLibrary.RunExamples(set).Failures;
        return [.. set.Rules.SelectMany(r => r.Examples).Select(e => new ExampleOutcome(e.Text, e.MustTrigger, !failures.Any(f => ReferenceEquals(f.Example, e))))];
    }

    private string LibrarySeverity(string id) => cache.Base.Rules.FirstOrDefault(r => r.Id == id)?.Severity ?? RuleSeverities.Medium;

    private static string Short(string text) => text.Length <= 60 ? text.Replace('\n', ' ') : text[..60].Replace('\n', ' ') + "…";

    private static string Format(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
