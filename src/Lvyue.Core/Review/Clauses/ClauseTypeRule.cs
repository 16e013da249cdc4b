namespace Lvyue.Review.Clauses;

/// <summary>Where a <see cref="ClauseTypeRule"/> looks.</summary>
public enum RuleScope
{
    /// <summary>The clause title (付款方式 in 第五条 付款方式); a match assigns the type.</summary>
    Heading,

    /// <summary>The clause's own text after its title; matches add their weight to the type's score.</summary>
    Body,
}

/// <summary>
/// One classification rule: a term (or a regular expression) that points to a clause type.
/// Literal terms in the same scope do not overlap: reading left to right, the longest term starting at a position wins
/// (质量保证金 is retention, not 质量 quality nor 质量保证 warranty), and rules sharing one term all count it.
/// </summary>
/// <param name="Type">A code from <see cref="ClauseTypes"/>.</param>
/// <param name="Scope">Heading or body.</param>
/// <param name="Term">The literal term, or the pattern when <paramref name="IsPattern"/> is set.</param>
/// <param name="Weight">Score per occurrence (body rules; at most three occurrences of a term count).</param>
/// <param name="IsPattern">The term is a .NET regular expression; pattern matches do not hide literal ones.</param>
public sealed record ClauseTypeRule(string Type, RuleScope Scope, string Term, int Weight = 1, bool IsPattern = false);

/// <summary>One matched term supporting a type: what matched and where (offsets into the segmented text).</summary>
/// <param name="Term">The rule's term (the pattern for a pattern rule).</param>
/// <param name="Text">The matched text.</param>
/// <param name="Start">Start offset of the match.</param>
/// <param name="End">End offset (exclusive) of the match.</param>
/// <param name="Scope">Whether it matched in the title or in the body.</param>
public sealed record ClauseEvidence(string Term, string Text, int Start, int End, RuleScope Scope);

/// <summary>A type assigned to a clause, with its score and the evidence for it.</summary>
/// <param name="Type">A code from <see cref="ClauseTypes"/>.</param>
/// <param name="Score">Heading matches count <see cref="ClauseClassifier.HeadingScore"/> each; body matches their weight.</param>
/// <param name="Evidence">The matches, in text order.</param>
public sealed record ClauseTypeMatch(string Type, int Score, IReadOnlyList<ClauseEvidence> Evidence);

/// <summary>A clause with the types the classifier gave it, best first.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Types">The types, highest score first; empty when nothing matched well enough.</param>
public sealed record ClassifiedClause(Clause Clause, IReadOnlyList<ClauseTypeMatch> Types)
{
    /// <summary>The type codes, best first.</summary>
    public IEnumerable<string> Codes => Types.Select(t => t.Type);
}
