using System.Text.RegularExpressions;

namespace Lvyue.Review.Rules;

/// <summary>
/// A named number a <c>compare</c> condition captures with a pattern: every match in the range (or the whole document
/// with <c>anywhere: true</c>), its group <c>n</c> (or the named or first group) read as the whole figure.
/// </summary>
internal sealed class CaptureValue(string name, Regex regex, string? group, CaptureKind kind, bool anywhere, int[][] gates, bool withinSentence = false)
{
    public string Name => name;
    public CaptureKind Kind => kind;
    public int[][] Gates => gates;

    public IReadOnlyList<Captured> Read(ReviewDocument doc, int start, int end)
    {
        if (anywhere) (start, end) = (0, doc.Text.Length);
        int[]? rarest = null;
        var fewest = int.MaxValue;
        foreach (var gate in gates)
        {
            var count = 0;
            foreach (var id in gate) count += doc.CountLiterals(id, start, end);
            if (count == 0) return [];
            if (count < fewest) (rarest, fewest) = (gate, count);
        }
        List<Captured>? found = null;
        if (!withinSentence || rarest is null || fewest > 64)
        {
            Scan(doc.Text, start, end, ref found);
            return found ?? (IReadOnlyList<Captured>)[];
        }
        // A match cannot contain 。 and holds a literal of the rarest set: read only the sentences around those (as the
        // regex condition does), each once, in document order.
        var positions = new List<int>(fewest);
        foreach (var id in rarest) positions.AddRange(doc.Literals(id, start, end));
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
            Scan(text, ws, we, ref found);
            windowEnd = we;
        }
        return found ?? (IReadOnlyList<Captured>)[];
    }

    private void Scan(string text, int start, int end, ref List<Captured>? found)
    {
        for (var m = regex.Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            var g = group is not null ? m.Groups[group] : m.Groups["n"];
            if (!g.Success && group is null && m.Groups.Count > 1) g = m.Groups[1];
            if (!g.Success) continue;
            if (CapturedNumber.TryRead(text, g.Index, g.Index + g.Length, kind, out var c)) (found ??= []).Add(c);
        }
    }
}

/// <summary>The <c>each:</c> pattern of a <c>compare</c>: the comparison is made on every match, its named groups as values.</summary>
internal sealed class EachPattern(Regex regex, IReadOnlyList<string> groups, CaptureKind kind, int[][] gates)
{
    public Regex Regex => regex;
    public IReadOnlyList<string> Groups => groups;
    public CaptureKind Kind => kind;
    public int[][] Gates => gates;
}

/// <summary>How close two numbers must be to count as equal: an absolute amount, or a percent of the right side.</summary>
internal readonly record struct Tolerance(decimal Amount, bool Relative)
{
    public static Tolerance None => new(0, false);

    public decimal Of(decimal right) => Relative ? Math.Abs(right) * Amount / 100 : Amount;
}

/// <summary>
/// <c>compare: {values: {...}, each: '...', left: expr, gt|gte|lt|lte|eq|ne: expr, tolerance: N | N%}</c>: the left
/// expression compares true with every right one. Holds nowhere when a value it needs is not in the document. The span
/// is the first value the left side reads that has words (a capture's figure, a field's words), else the right side's;
/// with <c>each:</c>, the match.
/// </summary>
internal sealed class CompareCondition(
    IReadOnlyList<CaptureValue> values,
    EachPattern? each,
    CompareExpression left,
    IReadOnlyList<(string Op, CompareExpression Right)> tests,
    Tolerance tolerance) : Condition
{
    public override bool ReadsText => values.Count > 0 || each is not null;

    /// <summary>
    /// The literals one of which must occur: the each pattern's, or the first value's when nothing is counted (a count
    /// can be compared true on a document where the pattern never matches).
    /// </summary>
    public override int[]? Gate
    {
        get
        {
            if (each is not null) return each.Gates.Length > 0 ? each.Gates[0] : null;
            if (left.Counts || tests.Any(t => t.Right.Counts)) return null;
            return values.FirstOrDefault(v => v.Gates.Length > 0)?.Gates[0];
        }
    }

    public override EvalResult Evaluate(ReviewDocument doc, int start, int end)
    {
        var env = new CompareEnv(doc);
        foreach (var v in values) env.Captures[v.Name] = v.Read(doc, start, end);
        if (each is null) return Holds(env) ? Result(env) : EvalResult.False;
        foreach (var gate in each.Gates)
        {
            var any = false;
            foreach (var id in gate)
                if (doc.CountLiterals(id, start, end) > 0) { any = true; break; }
            if (!any) return EvalResult.False;
        }
        for (var m = each.Regex.Match(doc.Text, start, end - start); m.Success; m = m.NextMatch())
        {
            var complete = true;
            foreach (var name in each.Groups)
            {
                var g = m.Groups[name];
                if (g.Success && CapturedNumber.TryRead(doc.Text, g.Index, g.Index + g.Length, each.Kind, out var c)) env.Captures[name] = [c];
                else
                {
                    complete = false;
                    break;
                }
            }
            env.ResetSpan();
            if (!complete || !Holds(env)) continue;
            var from = m.Index; // a row pattern may begin with the line break before the row
            while (from < m.Index + m.Length - 1 && char.IsWhiteSpace(doc.Text[from])) from++;
            return new EvalResult(true, from, m.Index + m.Length, null);
        }
        return EvalResult.False;
    }

    private static EvalResult Result(CompareEnv env) =>
        env.SpanStart >= 0 ? new EvalResult(true, env.SpanStart, env.SpanEnd, null) : EvalResult.TrueNoSpan;

    private bool Holds(CompareEnv env)
    {
        if (!left.TryEvaluate(env, out var a)) return false;
        foreach (var (op, right) in tests)
        {
            if (!right.TryEvaluate(env, out var b)) return false;
            var t = tolerance.Of(b);
            var ok = op switch
            {
                "gt" => a > b + t,
                "gte" => a >= b - t,
                "lt" => a < b - t,
                "lte" => a <= b + t,
                "eq" => Math.Abs(a - b) <= t,
                "ne" => Math.Abs(a - b) > t,
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }
}
