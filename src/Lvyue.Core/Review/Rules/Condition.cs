using System.Text.RegularExpressions;

namespace Lvyue.Review.Rules;

/// <summary>The outcome of a condition on one scope: whether it holds, and the span (or none) and clause type that show it.</summary>
/// <param name="Ok">Whether the condition holds.</param>
/// <param name="Start">Start of the span that shows it, or -1 when there is none (an absence).</param>
/// <param name="End">End (exclusive) of the span.</param>
/// <param name="ClauseType">The clause type the finding is about, when the condition names one (a missing clause).</param>
internal readonly record struct EvalResult(bool Ok, int Start, int End, string? ClauseType)
{
    public static EvalResult False => new(false, -1, -1, null);
    public static EvalResult TrueNoSpan => new(true, -1, -1, null);
    public bool HasSpan => Start >= 0;
}

/// <summary>A node of a rule's condition tree, evaluated on a range of the document (a clause in scope, or the whole text).</summary>
internal abstract class Condition
{
    /// <summary>True when the node or a descendant reads the text of its range (text, regex, near).</summary>
    public abstract bool ReadsText { get; }

    /// <summary>Literal ids of which at least one must occur in the document for the condition to hold, or null.</summary>
    public virtual int[]? Gate => null;

    public abstract EvalResult Evaluate(ReviewDocument doc, int start, int end);
}

/// <summary><c>text: [a, b]</c>: any of the literals occurs in the range.</summary>
internal sealed class TextCondition(int[] ids) : Condition
{
    public override bool ReadsText => true;
    public override int[]? Gate => ids;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        var best = -1;
        var bestEnd = -1;
        foreach (var id in ids)
        {
            var at = doc.FirstLiteral(id, start, end);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                bestEnd = at + doc.LiteralLength(id);
            }
        }
        return best < 0 ? EvalResult.False : new EvalResult(true, best, bestEnd, null);
    }
}

/// <summary><c>near: {a: [...], b: [...], within: N}</c>: a literal of each list, at most N characters apart, in either order.</summary>
internal sealed class NearCondition(int[] a, int[] b, int within) : Condition
{
    public override bool ReadsText => true;
    public override int[]? Gate => a;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        foreach (var ia in a)
        {
            var la = doc.LiteralLength(ia);
            foreach (var pa in doc.Literals(ia, start, end))
            {
                var ea = pa + la;
                foreach (var ib in b)
                {
                    var lb = doc.LiteralLength(ib);
                    foreach (var pb in doc.Literals(ib, Math.Max(start, pa - within - lb), Math.Min(end, ea + within + lb)))
                    {
                        var eb = pb + lb;
                        var gap = pb >= ea ? pb - ea : pa >= eb ? pa - eb : 0;
                        if (gap <= within) return new EvalResult(true, Math.Min(pa, pb), Math.Max(ea, eb), null);
                    }
                }
            }
        }
        return EvalResult.False;
    }
}

/// <summary>
/// <c>regex: '...'</c>, optionally with a numeric comparison on the group named <c>n</c> (or group 1): holds at the
/// first match in the range whose number compares true. The number is the whole figure: digits a gap before the group
/// took are read back (<see cref="CapturedNumber.WidenBack"/>).
/// </summary>
internal sealed class RegexCondition(Regex regex, NumericTest? test, int[][] gates, bool withinSentence) : Condition
{
    public override bool ReadsText => true;

    /// <summary>The longest of the literal sets every match needs (<see cref="RegexLiterals"/>), or null.</summary>
    public override int[]? Gate => gates.Length == 0 ? null : gates[0];

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        if (gates.Length == 0) return Run(doc, start, end);
        // Every required set must occur in the range; the rarest one says where a match can be.
        int[]? rarest = null;
        var fewest = int.MaxValue;
        foreach (var gate in gates)
        {
            var count = 0;
            foreach (var id in gate) count += doc.CountLiterals(id, start, end);
            if (count == 0) return EvalResult.False;
            if (count < fewest) (rarest, fewest) = (gate, count);
        }
        if (!withinSentence || fewest > 64) return Run(doc, start, end);
        // A match cannot contain 。, so it lies in the sentence around an occurrence of the rarest set: run only there.
        var positions = new List<int>(fewest);
        foreach (var id in rarest!) positions.AddRange(doc.Literals(id, start, end));
        positions.Sort();
        var text = doc.Text;
        var windowEnd = start;
        foreach (var p in positions)
        {
            if (p < windowEnd) continue;
            var ws = p == 0 ? 0 : text.LastIndexOf('。', p - 1, p - Math.Max(start, windowEnd)) + 1;
            ws = Math.Max(ws, Math.Max(start, windowEnd));
            var we = text.IndexOf('。', p, end - p);
            we = we < 0 ? end : we + 1;
            var r = Run(doc, ws, we);
            if (r.Ok) return r;
            windowEnd = we;
        }
        return EvalResult.False;
    }

    private EvalResult Run(ReviewDocument doc, int start, int end)
    {
        if (test is null)
        {
            foreach (var m in regex.EnumerateMatches(doc.Text.AsSpan(start, end - start)))
                return new EvalResult(true, start + m.Index, start + m.Index + m.Length, null);
            return EvalResult.False;
        }
        for (var m = regex.Match(doc.Text, start, end - start); m.Success; m = m.NextMatch())
        {
            var g = m.Groups["n"];
            if (!g.Success && m.Groups.Count > 1) g = m.Groups[1];
            if (!g.Success) continue;
            if (CapturedNumber.TryReadLegacy(doc.Text, g.Index, g.Index + g.Length, out var n) && test.Test(n)) return new EvalResult(true, m.Index, m.Index + m.Length, null);
        }
        return EvalResult.False;
    }
}

/// <summary>A comparison of a number with a constant: gt, gte, lt, lte, eq, ne (several are all required).</summary>
internal sealed class NumericTest(IReadOnlyList<(string Op, decimal Value)> tests)
{
    public IReadOnlyList<(string Op, decimal Value)> Tests => tests;

    public bool Test(decimal n)
    {
        foreach (var (op, v) in tests)
        {
            var ok = op switch
            {
                "gt" => n > v,
                "gte" => n >= v,
                "lt" => n < v,
                "lte" => n <= v,
                "eq" => n == v,
                "ne" => n != v,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }
}

/// <summary><c>field: name</c> with a numeric test, <c>in: [...]</c> for a text field, or <c>is: true|false</c> for a fact.</summary>
internal sealed class FieldCondition(string field, NumericTest? numeric, IReadOnlyList<string>? oneOf, bool? isValue, bool? known) : Condition
{
    public override bool ReadsText => false;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        var f = doc.Facts.Get(field);
        if (known is { } k)
        {
            if ((f is not null) != k) return EvalResult.False;
            return f is null ? EvalResult.TrueNoSpan : new EvalResult(true, f.Start, f.End, null);
        }
        if (f is null) return EvalResult.False;
        bool ok;
        if (numeric is not null) ok = f.Number is { } n && numeric.Test(n);
        else if (oneOf is not null) ok = f.Text is { } s && oneOf.Contains(s);
        else ok = f.Flag == (isValue ?? true);
        return ok ? new EvalResult(true, f.Start, f.End, null) : EvalResult.False;
    }
}

/// <summary><c>missing: [types]</c>: no clause of any of the types in the document (a missing clause has no span).</summary>
internal sealed class MissingCondition(IReadOnlyList<string> types) : Condition
{
    public override bool ReadsText => false;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        foreach (var t in types)
            if (doc.HasClauseType(t)) return EvalResult.False;
        return new EvalResult(true, -1, -1, types[0]);
    }
}

/// <summary><c>present: [types]</c>: a clause of one of the types exists; its heading is the span.</summary>
internal sealed class PresentCondition(IReadOnlyList<string> types) : Condition
{
    public override bool ReadsText => false;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        foreach (var t in types)
            if (doc.FirstClauseOfType(t) is { } c) return new EvalResult(true, c.Start, c.HeadingEnd, t);
        return EvalResult.False;
    }
}

/// <summary><c>all: [...]</c>: every child holds; the span is the first child's span that has one.</summary>
internal sealed class AllCondition(IReadOnlyList<Condition> children) : Condition
{
    public IReadOnlyList<Condition> Children => children;

    public override bool ReadsText => children.Any(c => c.ReadsText);
    public override int[]? Gate => children.Select(c => c.Gate).FirstOrDefault(g => g is not null);

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        var span = EvalResult.TrueNoSpan;
        string? type = null;
        foreach (var c in children)
        {
            var r = c.Evaluate(doc, start, end);
            if (!r.Ok) return EvalResult.False;
            if (!span.HasSpan && r.HasSpan) span = r;
            type ??= r.ClauseType;
        }
        return span with { ClauseType = span.ClauseType ?? type };
    }
}

/// <summary><c>any: [...]</c>: at least one child holds; the earliest span among those that do.</summary>
internal sealed class AnyCondition(IReadOnlyList<Condition> children) : Condition
{
    public override bool ReadsText => children.Any(c => c.ReadsText);

    public override int[]? Gate
    {
        get
        {
            var gates = children.Select(c => c.Gate).ToList();
            return gates.All(g => g is not null) ? gates.SelectMany(g => g!).Distinct().ToArray() : null;
        }
    }

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        var best = EvalResult.False;
        foreach (var c in children)
        {
            var r = c.Evaluate(doc, start, end);
            if (!r.Ok) continue;
            if (!best.Ok || (r.HasSpan && (!best.HasSpan || r.Start < best.Start))) best = r;
        }
        return best;
    }
}

/// <summary><c>not: {...}</c>: the child does not hold in the range.</summary>
internal sealed class NotCondition(Condition child) : Condition
{
    public override bool ReadsText => child.ReadsText;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end) =>
        child.Evaluate(doc, start, end).Ok ? EvalResult.False : EvalResult.TrueNoSpan;
}

/// <summary><c>anywhere: {...}</c>: the child evaluated on the whole document, whatever the rule's scope.</summary>
internal sealed class AnywhereCondition(Condition child) : Condition
{
    public override bool ReadsText => false;
    public override int[]? Gate => child.Gate;

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end) => child.Evaluate(doc, 0, doc.Text.Length);
}
