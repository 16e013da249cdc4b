using System.Text.RegularExpressions;

namespace Lvyue.Review.Clauses;

/// <summary>
/// Assigns clause types (<see cref="ClauseTypes"/>) from a clause's title first and then from its own body text,
/// with the evidence for every type. The words live in <see cref="ClauseTypeRules"/>.
/// <list type="bullet">
/// <item>The title is read as a heading when <see cref="Clause.HasHeadingTitle"/>; every heading rule that matches
/// assigns its type (score <see cref="HeadingScore"/> per term).</item>
/// <item>The body is the clause's own text after its title, up to its first child: a chapter is not the sum of its
/// articles. Body matches add their weights (a term counts at most three times); a type is assigned at
/// <see cref="BodyThreshold"/>, or at <see cref="HeadedBodyThreshold"/> when the title already assigned a type.</item>
/// <item>Literal terms do not overlap within a scope: the text is read left to right and the longest term starting at
/// each position wins, so 质量保证金 is retention only (not 质量 quality nor 保证金).</item>
/// <item>When classifying a document, a clause that earns no type of its own takes its parent's types (the (一) items
/// of an acceptance article are about acceptance), with the parent's evidence.</item>
/// </list>
/// An instance is immutable and safe to share between threads.
/// </summary>
public sealed class ClauseClassifier
{
    /// <summary>Score a heading match contributes.</summary>
    public const int HeadingScore = 10;

    /// <summary>Body score at which a type is assigned to a clause whose title assigned nothing.</summary>
    public const int BodyThreshold = 4;

    /// <summary>Body score at which a further type is assigned to a clause whose title already assigned one.</summary>
    public const int HeadedBodyThreshold = 6;

    private const int MaxCountedOccurrences = 3;

    private readonly TermIndex _headingTerms;
    private readonly TermIndex _bodyTerms;
    private readonly (ClauseTypeRule Rule, Regex Regex)[] _headingPatterns;
    private readonly (ClauseTypeRule Rule, Regex Regex)[] _bodyPatterns;

    /// <summary>The classifier over <see cref="ClauseTypeRules.Default"/>.</summary>
    public static ClauseClassifier Default { get; } = new(ClauseTypeRules.Default);

    /// <summary>A classifier over <paramref name="rules"/>; every type must be a code of <see cref="ClauseTypes"/>.</summary>
    public ClauseClassifier(IEnumerable<ClauseTypeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        foreach (var r in list)
        {
            if (!ClauseTypes.All.Contains(r.Type))
                throw new ArgumentException($"Unknown clause type '{r.Type}'.", nameof(rules));
            if (string.IsNullOrEmpty(r.Term))
                throw new ArgumentException($"A rule for '{r.Type}' has an empty term.", nameof(rules));
        }
        _headingTerms = Group(list, RuleScope.Heading);
        _bodyTerms = Group(list, RuleScope.Body);
        _headingPatterns = Compile(list, RuleScope.Heading);
        _bodyPatterns = Compile(list, RuleScope.Body);
    }

    /// <summary>Segments <paramref name="text"/> and classifies every clause, parents before children.</summary>
    public IReadOnlyList<ClassifiedClause> Classify(string text) => Classify(ClauseSegmenter.Segment(text));

    /// <summary>Classifies every clause of <paramref name="document"/>, parents before children.</summary>
    public IReadOnlyList<ClassifiedClause> Classify(ClauseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<ClassifiedClause>();
        var byClause = new Dictionary<Clause, IReadOnlyList<ClauseTypeMatch>>();
        foreach (var clause in document.AllClauses())
        {
            var types = Classify(document.Text, clause);
            if (types.Count == 0 && clause.Parent is not null) types = byClause[clause.Parent];
            byClause[clause] = types;
            result.Add(new ClassifiedClause(clause, types));
        }
        return result;
    }

    /// <summary>The types of <paramref name="clause"/>, a clause of <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<ClauseTypeMatch> Classify(string text, Clause clause)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clause);
        var bodyStart = clause.TitleEnd;
        var evidence = new List<(string Type, int Weight, ClauseEvidence Evidence)>();
        if (clause.HasHeadingTitle)
            Match(text, clause.TitleStart, clause.TitleEnd, RuleScope.Heading, _headingTerms, _headingPatterns, evidence);
        else
            bodyStart = clause.NumberEnd;
        Match(text, bodyStart, clause.OwnEnd, RuleScope.Body, _bodyTerms, _bodyPatterns, evidence);
        return Decide(evidence);
    }

    /// <summary>Classifies a free-standing passage as a clause body with no title.</summary>
    public IReadOnlyList<ClauseTypeMatch> ClassifyBody(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var evidence = new List<(string Type, int Weight, ClauseEvidence Evidence)>();
        Match(text, 0, text.Length, RuleScope.Body, _bodyTerms, _bodyPatterns, evidence);
        return Decide(evidence);
    }

    /// <summary>Classifies a heading such as 付款方式 or 质量保证金 with the heading rules (a number before it matches nothing).</summary>
    public IReadOnlyList<ClauseTypeMatch> ClassifyHeading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var evidence = new List<(string Type, int Weight, ClauseEvidence Evidence)>();
        Match(heading, 0, heading.Length, RuleScope.Heading, _headingTerms, _headingPatterns, evidence);
        return Decide(evidence);
    }

    private static List<ClauseTypeMatch> Decide(List<(string Type, int Weight, ClauseEvidence Evidence)> evidence)
    {
        var byType = new Dictionary<string, (int Heading, int Body, List<ClauseEvidence> Evidence)>();
        foreach (var (type, weight, ev) in evidence)
        {
            if (!byType.TryGetValue(type, out var acc)) acc = (0, 0, []);
            if (ev.Scope == RuleScope.Heading) acc.Heading += HeadingScore;
            else acc.Body += weight;
            acc.Evidence.Add(ev);
            byType[type] = acc;
        }
        var headingAssigned = byType.Values.Any(v => v.Heading > 0);
        var threshold = headingAssigned ? HeadedBodyThreshold : BodyThreshold;
        var result = new List<ClauseTypeMatch>();
        foreach (var (type, acc) in byType)
        {
            if (acc.Heading == 0 && acc.Body < threshold) continue;
            acc.Evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
            result.Add(new ClauseTypeMatch(type, acc.Heading + acc.Body, acc.Evidence));
        }
        result.Sort((a, b) => b.Score != a.Score
            ? b.Score.CompareTo(a.Score)
            : IndexOf(a.Type).CompareTo(IndexOf(b.Type)));
        return result;
    }

    private static int IndexOf(string type)
    {
        for (var i = 0; i < ClauseTypes.All.Count; i++)
            if (ClauseTypes.All[i] == type) return i;
        return -1;
    }

    private static void Match(string text, int start, int end, RuleScope scope, TermIndex terms,
        (ClauseTypeRule Rule, Regex Regex)[] patterns, List<(string Type, int Weight, ClauseEvidence Evidence)> evidence)
    {
        if (end <= start) return;
        Span<int> counts = terms.Groups.Length <= 1024 ? stackalloc int[terms.Groups.Length] : new int[terms.Groups.Length];
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!terms.IsFirst[c] || !terms.ByFirst.TryGetValue(c, out var candidates)) { i++; continue; }
            var matched = 0;
            foreach (var id in candidates)
            {
                var term = terms.Groups[id].Term;
                if (i + term.Length > end || string.CompareOrdinal(text, i, term, 0, term.Length) != 0) continue;
                matched = term.Length;
                if (counts[id]++ < MaxCountedOccurrences)
                {
                    var ev = new ClauseEvidence(term, term, i, i + term.Length, scope);
                    foreach (var (type, weight) in terms.Groups[id].Types) evidence.Add((type, weight, ev));
                }
                break;
            }
            i += matched > 0 ? matched : 1;
        }
        if (patterns.Length == 0) return;
        var span = text.AsSpan(start, end - start);
        foreach (var (rule, regex) in patterns)
        {
            var counted = 0;
            foreach (var m in regex.EnumerateMatches(span))
            {
                var ev = new ClauseEvidence(rule.Term, text.Substring(start + m.Index, m.Length), start + m.Index,
                    start + m.Index + m.Length, scope);
                evidence.Add((rule.Type, rule.Weight, ev));
                if (++counted == MaxCountedOccurrences) break;
            }
        }
    }

    private static TermIndex Group(List<ClauseTypeRule> rules, RuleScope scope)
    {
        TermGroup[] groups = [.. rules.Where(r => r.Scope == scope && !r.IsPattern)
            .GroupBy(r => r.Term, StringComparer.Ordinal)
            .Select(g => new TermGroup(g.Key, [.. g.Select(r => (r.Type, r.Weight)).Distinct()]))
            .OrderByDescending(g => g.Term.Length)
            .ThenBy(g => g.Term, StringComparer.Ordinal)];
        var isFirst = new bool[char.MaxValue + 1];
        var byFirst = new Dictionary<char, int[]>();
        foreach (var first in groups.Select(g => g.Term[0]).Distinct())
        {
            isFirst[first] = true;
            byFirst[first] = [.. Enumerable.Range(0, groups.Length).Where(id => groups[id].Term[0] == first)];
        }
        return new TermIndex(groups, isFirst, byFirst);
    }

    private static (ClauseTypeRule, Regex)[] Compile(List<ClauseTypeRule> rules, RuleScope scope) =>
        [.. rules.Where(r => r.Scope == scope && r.IsPattern)
            .Select(r => (r, new Regex(r.Term, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))))];

    private sealed record TermGroup(string Term, (string Type, int Weight)[] Types);

    /// <summary>Literal terms grouped by their first character, longest first, for a single left-to-right scan.</summary>
    private sealed record TermIndex(TermGroup[] Groups, bool[] IsFirst, Dictionary<char, int[]> ByFirst);
}
