using Lvyue.Review.Clauses;
using Lvyue.Review.Extraction;

namespace Lvyue.Review.Rules;

/// <summary>
/// One document prepared for review: its text, the occurrences of every literal of the rule set (one automaton pass),
/// its clauses with their types (a clause carries its own types and those of its ancestors) and its facts.
/// </summary>
internal sealed class ReviewDocument
{
    private readonly LiteralAutomaton _automaton;
    private readonly List<int>?[] _literalHits;
    private readonly Dictionary<string, Clause> _firstOfType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ClauseUnit>> _unitsOfType = new(StringComparer.Ordinal);

    public ReviewDocument(LedgerExtraction extraction, LiteralAutomaton automaton)
    {
        Text = extraction.Text;
        _automaton = automaton;
        _literalHits = automaton.Scan(Text);
        Facts = ReviewFacts.From(extraction);
        var units = new List<ClauseUnit>(extraction.Clauses.Count);
        var typesOf = new Dictionary<Clause, string[]>();
        foreach (var c in extraction.Clauses)
        {
            var own = c.Codes.ToArray();
            var types = c.Clause.Parent is { } p && typesOf.TryGetValue(p, out var parentTypes)
                ? own.Concat(parentTypes).Distinct().ToArray()
                : own;
            typesOf[c.Clause] = types;
            var unit = new ClauseUnit(c.Clause, types);
            units.Add(unit);
            foreach (var t in types)
            {
                if (!_unitsOfType.TryGetValue(t, out var list)) _unitsOfType[t] = list = [];
                list.Add(unit);
            }
            foreach (var t in own) _firstOfType.TryAdd(t, c.Clause);
        }
        Units = units;
    }

    public string Text { get; }

    public ReviewFacts Facts { get; }

    /// <summary>Every clause, in document order, with its own range and types.</summary>
    public IReadOnlyList<ClauseUnit> Units { get; }

    /// <summary>The clauses of <paramref name="type"/> (own or inherited), in document order.</summary>
    public IReadOnlyList<ClauseUnit> UnitsOfType(string type) => _unitsOfType.TryGetValue(type, out var l) ? l : [];

    public bool HasClauseType(string type) => _firstOfType.ContainsKey(type);

    public Clause? FirstClauseOfType(string type) => _firstOfType.GetValueOrDefault(type);

    public bool Occurs(int literal) => _literalHits[literal] is not null;

    public int LiteralLength(int literal) => _automaton.Length(literal);

    /// <summary>The first occurrence of a literal lying wholly in [start, end), or -1.</summary>
    public int FirstLiteral(int literal, int start, int end)
    {
        var list = _literalHits[literal];
        if (list is null) return -1;
        var i = LowerBound(list, start);
        if (i < list.Count && list[i] + _automaton.Length(literal) <= end) return list[i];
        return -1;
    }

    /// <summary>Number of occurrences of a literal lying wholly in [start, end).</summary>
    public int CountLiterals(int literal, int start, int end)
    {
        var list = _literalHits[literal];
        if (list is null) return 0;
        var from = LowerBound(list, start);
        var to = LowerBound(list, end - _automaton.Length(literal) + 1);
        return Math.Max(0, to - from);
    }

    /// <summary>Every occurrence of a literal lying wholly in [start, end).</summary>
    public IEnumerable<int> Literals(int literal, int start, int end)
    {
        var list = _literalHits[literal];
        if (list is null) yield break;
        var len = _automaton.Length(literal);
        for (var i = LowerBound(list, start); i < list.Count && list[i] + len <= end; i++) yield return list[i];
    }

    /// <summary>The types of the innermost clause containing <paramref name="offset"/>, or none in the preamble.</summary>
    public string[] TypesAt(int offset)
    {
        string[] found = [];
        foreach (var u in Units)
        {
            if (u.Clause.Start > offset) break;
            if (offset < u.Clause.End) found = u.Types;
        }
        return found;
    }

    private static int LowerBound(List<int> list, int value)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>A clause's own text range [Start, OwnEnd) and its types (own first, then inherited).</summary>
internal sealed record ClauseUnit(Clause Clause, string[] Types)
{
    public int Start => Clause.Start;
    public int End => Clause.OwnEnd;
}
