namespace Lvyue.Review.Rules;

/// <summary>
/// Finds literals one of which every match of a regular expression must contain (履约保证金 in
/// <c>履约保证金[^。]{0,20}(\d+)%</c>; 回扣, 返点 in <c>(回扣|返点)…</c>), so a regex rule is skipped, like a literal
/// rule, in a clause or document where none of them occurs. Conservative: when unsure it returns null (no gate).
/// </summary>
internal static class RegexLiterals
{
    /// <summary>
    /// Whether no match can contain 。 (so every match lies inside one sentence): no '.', no 。, no \S \W \D \P, every
    /// negated class excludes 。, and no positive class has a \u or non-ASCII range.
    /// </summary>
    public static bool WithinSentence(string p)
    {
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                if (i + 1 < p.Length && p[i + 1] is 'S' or 'W' or 'D' or 'P' or 'u' or 'x') return false;
                i++;
                continue;
            }
            if (c is '.' or '。') return false;
            if (c == '[')
            {
                var close = ClassEnd(p, i);
                var body = p[(i + 1)..(close - 1)];
                if (body.StartsWith('^')) { if (!body.Contains('。')) return false; }
                else if (body.Contains('。') || body.Contains("\\u") || body.Contains("\\x") || body.Contains("\\S") || body.Contains("\\W") || body.Contains("\\D") || body.Contains("\\P")) return false;
                else if (body.Contains('-') && body.Any(ch => ch > 127)) return false;
                i = close - 1;
            }
        }
        return true;
    }

    /// <summary>The literals (any one required), or null when none can be derived: the best of <see cref="AllRequired"/>.</summary>
    public static IReadOnlyList<string>? Required(string pattern)
    {
        try
        {
            return Alternation(pattern, 0, pattern.Length);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every required set: a match contains a literal of each (履约保证金 and 退还 in <c>履约保证金[^。]{0,20}退还</c>).
    /// Empty when none can be derived.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> AllRequired(string pattern)
    {
        try
        {
            if (SplitTop(pattern, 0, pattern.Length).Count > 1)
                return Alternation(pattern, 0, pattern.Length) is { } any ? [any] : [];
            return Candidates(pattern, 0, pattern.Length);
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
    }

    private static List<string>? Alternation(string p, int start, int end)
    {
        var alternatives = SplitTop(p, start, end);
        if (alternatives.Count == 1) return Sequence(p, start, end);
        var all = new List<string>();
        foreach (var (s, e) in alternatives)
        {
            var r = Sequence(p, s, e);
            if (r is null) return null;
            all.AddRange(r);
        }
        return all.Distinct().ToList();
    }

    private static List<(int, int)> SplitTop(string p, int start, int end)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var from = start;
        for (var i = start; i < end; i++)
        {
            var c = p[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = ClassEnd(p, i) - 1; continue; }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0)
            {
                parts.Add((from, i));
                from = i + 1;
            }
        }
        parts.Add((from, end));
        return parts;
    }

    /// <summary>The best required candidate of a sequence without top-level alternation.</summary>
    private static List<string>? Sequence(string p, int start, int end)
    {
        List<string>? best = null;
        foreach (var cand in Candidates(p, start, end))
            if (best is null || cand.Min(s => s.Length) > best.Min(s => s.Length)) best = cand;
        return best;
    }

    /// <summary>Every required candidate of a sequence without top-level alternation.</summary>
    private static List<List<string>> Candidates(string p, int start, int end)
    {
        var candidates = new List<List<string>>();
        var run = new System.Text.StringBuilder();
        void Flush()
        {
            if (run.Length > 0) candidates.Add([run.ToString()]);
            run.Clear();
        }
        var i = start;
        while (i < end)
        {
            var c = p[i];
            if (c == '(')
            {
                Flush();
                var close = GroupEnd(p, i);
                var inner = i + 1;
                if (inner < close && p[inner] == '?')
                {
                    if (inner + 1 < close && p[inner + 1] == ':') inner += 2;
                    else if (inner + 1 < close && p[inner + 1] == '<' && close > inner + 2 && p[inner + 2] is not ('=' or '!'))
                        inner = p.IndexOf('>', inner) + 1;
                    else { i = close + 1; continue; } // lookaround or other construct: contributes nothing
                }
                var after = close + 1;
                if (!Optional(p, after, end))
                {
                    var r = Alternation(p, inner, close);
                    if (r is not null) candidates.Add(r);
                }
                i = SkipQuantifier(p, after, end);
                continue;
            }
            string? lit = null;
            var next = i + 1;
            if (c == '\\')
            {
                var e = p[i + 1];
                next = i + 2;
                if (!char.IsLetterOrDigit(e)) lit = e.ToString();
            }
            else if (c == '[') next = ClassEnd(p, i);
            else if (c is '.' or '^' or '$') { }
            else lit = c.ToString();
            if (lit is null)
            {
                Flush();
                i = SkipQuantifier(p, next, end);
                continue;
            }
            if (Optional(p, next, end))
            {
                Flush();
                i = SkipQuantifier(p, next, end);
                continue;
            }
            run.Append(lit);
            if (next < end && p[next] is '+' or '{')
            {
                Flush();
                i = SkipQuantifier(p, next, end);
                continue;
            }
            i = next;
        }
        Flush();
        return candidates;
    }

    private static bool Optional(string p, int i, int end) =>
        i < end && (p[i] is '?' or '*' || (p[i] == '{' && i + 1 < end && p[i + 1] == '0'));

    private static int SkipQuantifier(string p, int i, int end)
    {
        if (i >= end) return i;
        if (p[i] is '?' or '*' or '+') i++;
        else if (p[i] == '{')
        {
            var close = p.IndexOf('}', i);
            i = close < 0 ? end : close + 1;
        }
        else return i;
        if (i < end && p[i] == '?') i++;
        return i;
    }

    private static int GroupEnd(string p, int open)
    {
        var depth = 0;
        for (var i = open; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = ClassEnd(p, i) - 1; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new ArgumentOutOfRangeException(nameof(p));
    }

    private static int ClassEnd(string p, int open)
    {
        var i = open + 1;
        if (i < p.Length && p[i] == '^') i++;
        if (i < p.Length && p[i] == ']') i++;
        while (i < p.Length && p[i] != ']')
        {
            if (p[i] == '\\') i++;
            i++;
        }
        return i + 1;
    }
}
