namespace Lvyue.Review.Rules;

/// <summary>
/// Refuses regular expressions with a nested unbounded quantifier — (a+)+, (\d*x?)*, (?:a|aa){2,} — the shape that
/// backtracks catastrophically. The library runs every regular expression on the non-backtracking engine anyway; the
/// check keeps rule files portable to engines that do backtrack and makes the author rewrite the pattern.
/// </summary>
internal static class RegexSafety
{
    /// <summary>Null when safe, otherwise the reason.</summary>
    public static string? Check(string pattern)
    {
        // For each open group: whether an unbounded quantifier occurs inside it.
        var stack = new Stack<bool>();
        var unboundedInside = false; // at the current level
        var lastGroupHadUnbounded = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i += 2;
                    lastGroupHadUnbounded = false;
                    continue;
                case '[':
                    i = SkipClass(pattern, i);
                    lastGroupHadUnbounded = false;
                    continue;
                case '(':
                    stack.Push(unboundedInside);
                    unboundedInside = false;
                    lastGroupHadUnbounded = false;
                    i++;
                    continue;
                case ')':
                    lastGroupHadUnbounded = unboundedInside;
                    var outer = stack.Count > 0 ? stack.Pop() : false;
                    unboundedInside = outer || unboundedInside;
                    i++;
                    continue;
                case '*' or '+':
                    if (lastGroupHadUnbounded) return $"nested quantifier at position {i}: a group that repeats without bound contains a part that repeats without bound, which can backtrack catastrophically; rewrite it without the nesting";
                    unboundedInside = true;
                    lastGroupHadUnbounded = false;
                    i++;
                    if (i < pattern.Length && pattern[i] is '?' or '+') i++;
                    continue;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    if (close > i)
                    {
                        var body = pattern[(i + 1)..close];
                        var unbounded = body.EndsWith(',');
                        if (unbounded)
                        {
                            if (lastGroupHadUnbounded) return $"nested quantifier at position {i}: a group that repeats without bound contains a part that repeats without bound, which can backtrack catastrophically; rewrite it without the nesting";
                            unboundedInside = true;
                        }
                        else if (lastGroupHadUnbounded && body != "0,1" && body != "1" && body != "0")
                            return $"nested quantifier at position {i}: a repeated group contains a part that repeats without bound, which can backtrack catastrophically; rewrite it without the nesting";
                        lastGroupHadUnbounded = false;
                        i = close + 1;
                        continue;
                    }
                    break;
            }
            lastGroupHadUnbounded = false;
            i++;
        }
        return null;
    }

    private static int SkipClass(string p, int i)
    {
        i++;
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
