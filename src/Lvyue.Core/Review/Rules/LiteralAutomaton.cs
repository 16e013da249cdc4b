namespace Lvyue.Review.Rules;

/// <summary>
/// An Aho–Corasick automaton over every literal of a rule set: one left-to-right pass over a document finds every
/// occurrence of every literal, so the cost of the literal rules does not grow with their number. Immutable after
/// construction and safe to share between threads.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly Dictionary<char, int>[] _next;
    private readonly int[] _fail;
    private readonly int[][] _output; // literal ids ending at a state, fail chain included
    private readonly int[] _lengths;

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        _lengths = literals.Select(l => l.Length).ToArray();
        var next = new List<Dictionary<char, int>> { new() };
        var outs = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var s = 0;
            foreach (var c in literals[id])
            {
                if (!next[s].TryGetValue(c, out var t))
                {
                    t = next.Count;
                    next.Add(new());
                    outs.Add(new());
                    next[s][c] = t;
                }
                s = t;
            }
            outs[s].Add(id);
        }
        var fail = new int[next.Count];
        var queue = new Queue<int>();
        foreach (var t in next[0].Values) queue.Enqueue(t);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (c, t) in next[s])
            {
                var f = fail[s];
                while (f > 0 && !next[f].ContainsKey(c)) f = fail[f];
                fail[t] = next[f].TryGetValue(c, out var ft) && ft != t ? ft : 0;
                outs[t].AddRange(outs[fail[t]]);
                queue.Enqueue(t);
            }
        }
        _next = [.. next];
        _fail = fail;
        _output = outs.Select(o => o.Distinct().ToArray()).ToArray();
    }

    /// <summary>Number of literals.</summary>
    public int Count => _lengths.Length;

    /// <summary>Length of literal <paramref name="id"/>.</summary>
    public int Length(int id) => _lengths[id];

    /// <summary>The start offsets of every occurrence of every literal, by literal id (null where none), ascending.</summary>
    public List<int>?[] Scan(string text)
    {
        var hits = new List<int>?[_lengths.Length];
        var s = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int t;
            while (!_next[s].TryGetValue(c, out t) && s > 0) s = _fail[s];
            s = _next[s].TryGetValue(c, out t) ? t : 0;
            foreach (var id in _output[s])
                (hits[id] ??= []).Add(i + 1 - _lengths[id]);
        }
        return hits;
    }
}
