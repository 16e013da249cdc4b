using System.Diagnostics;
using Lvyue.Review.Extraction;

namespace Lvyue.Review.Rules;

/// <summary>
/// A compiled, immutable rule library: every literal of every rule in one Aho–Corasick automaton (one pass per
/// document), regular expressions on the non-backtracking engine, and a <see cref="Version"/> that is the hash of the
/// rule files. Load one with <see cref="RuleLibrary"/>; safe to share between threads.
/// </summary>
public sealed class RuleSet
{
    private readonly LiteralAutomaton _automaton;
    private readonly (ReviewRule Rule, int[]? Gate)[] _compiled;

    internal RuleSet(IReadOnlyList<ReviewRule> rules, LiteralAutomaton automaton, string version)
    {
        Rules = rules;
        _automaton = automaton;
        Version = version;
        _compiled = rules.Select(r => (r, r.Condition.Gate)).ToArray();
    }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<ReviewRule> Rules { get; }

    /// <summary>Stable version: the first 16 hex digits of SHA-256 over the rule files' paths and contents.</summary>
    public string Version { get; }

    /// <summary>The same compiled rules under another version (a region's effective rule set: library hash + profile version).</summary>
    internal RuleSet WithVersion(string version) => new(Rules, _automaton, version);

    /// <summary>Number of distinct literals in the automaton.</summary>
    public int LiteralCount => _automaton.Count;

    /// <summary>Reviews a raw contract text (normalized first).</summary>
    public ReviewReport ReviewText(string text, ReviewContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Review(TextNormalizer.Normalize(text), context);
    }

    /// <summary>Reviews a normalized contract text; spans point into <paramref name="text"/>.Text.</summary>
    public ReviewReport Review(NormalizedText text, ReviewContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sw = Stopwatch.StartNew();
        if (text.Text.Length == 0) return ReviewReport.Unreadable(Version, "the document has no readable text / 文档中没有可读取的文字");
        var extraction = LedgerExtractor.Extract(text);
        return Review(extraction, context).WithElapsed(sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Reviews a contract whose ledger is already extracted; spans point into its text.</summary>
    public ReviewReport Review(LedgerExtraction extraction, ReviewContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var sw = Stopwatch.StartNew();
        if (extraction.Text.Length == 0) return ReviewReport.Unreadable(Version, "the document has no readable text / 文档中没有可读取的文字");
        var doc = new ReviewDocument(extraction, _automaton);
        var ctx = Resolve(context, extraction);
        var hits = new List<ReviewHit>();
        List<string>? timedOut = null;
        foreach (var (rule, gate) in _compiled)
        {
            try
            {
                Evaluate(rule, gate, doc, ctx, hits);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Linear-time engine: only a starved machine gets here. The rule is reported as not evaluated.
                (timedOut ??= []).Add(rule.Id);
            }
        }
        hits.Sort(static (a, b) => (a.Start ?? int.MaxValue).CompareTo(b.Start ?? int.MaxValue));
        return new ReviewReport(Version, hits, null, sw.Elapsed.TotalMilliseconds) { TimedOutRules = timedOut ?? [] };
    }

    /// <summary>Whether <paramref name="example"/> behaves as it says with <paramref name="rule"/> (a rule of this set).</summary>
    public bool Check(ReviewRule rule, RuleExample example) => Run(rule, example).Count > 0 == example.MustTrigger;

    /// <summary>The hits of <paramref name="rule"/> alone on <paramref name="example"/>'s text.</summary>
    public IReadOnlyList<ReviewHit> Run(ReviewRule rule, RuleExample example)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(example);
        var extraction = LedgerExtractor.Extract(TextNormalizer.Normalize(example.Text));
        var doc = new ReviewDocument(extraction, _automaton);
        var hits = new List<ReviewHit>();
        Evaluate(rule, rule.Condition.Gate, doc, Resolve(example.Context, extraction), hits);
        return hits;
    }

    private static ReviewContext Resolve(ReviewContext? context, LedgerExtraction extraction)
    {
        context ??= ReviewContext.Unknown;
        return context.Category is null && extraction.Category is { } c ? context with { Category = c.Value } : context;
    }

    private static void Evaluate(ReviewRule rule, int[]? gate, ReviewDocument doc, ReviewContext ctx, List<ReviewHit> hits)
    {
        if (!rule.AppliesTo.Matches(ctx)) return;
        if (gate is not null && !Array.Exists(gate, doc.Occurs)) return;
        if (rule.DocumentLevel)
        {
            var r = rule.Condition.Evaluate(doc, 0, doc.Text.Length);
            if (!r.Ok) return;
            var type = r.ClauseType;
            if (type is null && r.HasSpan)
            {
                var at = doc.TypesAt(r.Start);
                type = rule.Scope.FirstOrDefault(at.Contains) ?? (at.Length > 0 ? at[0] : null);
            }
            type ??= rule.Scope.Count > 0 ? rule.Scope[0] : null;
            var spanned = r.HasSpan && rule.Group != RuleGroups.Missing;
            hits.Add(Hit(rule, doc, spanned ? r.Start : null, spanned ? r.End : null, rule.Group == RuleGroups.Missing ? r.ClauseType ?? rule.Scope.FirstOrDefault() ?? type : type));
            return;
        }
        var last = -1;
        IEnumerable<ClauseUnit> units = rule.Scope.Count == 1
            ? doc.UnitsOfType(rule.Scope[0])
            : rule.Scope.SelectMany(doc.UnitsOfType).Distinct().OrderBy(u => u.Start);
        foreach (var unit in units)
        {
            string? type = null;
            foreach (var t in rule.Scope)
                if (Array.IndexOf(unit.Types, t) >= 0) { type = t; break; }
            if (type is null) continue;
            var r = rule.Condition.Evaluate(doc, unit.Start, unit.End);
            if (!r.Ok) continue;
            var (start, end) = r.HasSpan ? (r.Start, r.End) : (unit.Start, unit.Clause.HeadingEnd);
            if (start == last) continue;
            last = start;
            hits.Add(Hit(rule, doc, start, end, r.ClauseType ?? type));
        }
    }

    private static ReviewHit Hit(ReviewRule rule, ReviewDocument doc, int? start, int? end, string? type)
    {
        int? s = null, e = null;
        string? excerpt = null;
        if (start is { } a && end is { } b)
        {
            (s, e) = Sentence(doc.Text, a, Math.Max(a, b));
            excerpt = doc.Text[s.Value..e.Value];
        }
        return new ReviewHit(rule.Id, rule.Group, rule.Severity, type, s, e, excerpt, rule.Message, rule.Basis, rule.Suggestion);
    }

    private const int MaxExcerpt = 160;
    private const int ExcerptContext = 60;

    /// <summary>The sentence around [start, end): back to the previous 。；;！？!?\n, forward to and including the next.</summary>
    internal static (int Start, int End) Sentence(string text, int start, int end)
    {
        static bool Stop(char c) => c is '。' or '；' or ';' or '！' or '？' or '!' or '?' or '\n';
        var s = start;
        while (s > 0 && !Stop(text[s - 1])) s--;
        var e = end;
        while (e < text.Length && !Stop(text[e])) e++;
        if (e < text.Length && text[e] != '\n') e++;
        while (s < start && char.IsWhiteSpace(text[s])) s++;
        if (e - s > MaxExcerpt)
        {
            s = Math.Max(s, start - ExcerptContext);
            e = Math.Min(e, Math.Max(end, start + 1) + ExcerptContext);
        }
        return (s, e);
    }
}
