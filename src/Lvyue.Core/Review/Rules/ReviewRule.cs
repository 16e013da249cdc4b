namespace Lvyue.Review.Rules;

/// <summary>The four groups of review rules, as the report's summary counts them.</summary>
public static class RuleGroups
{
    /// <summary>A term that breaks a law or regulation (合规).</summary>
    public const string Compliance = "compliance";
    /// <summary>A term that exposes the purchaser or public funds to serious harm (重大风险).</summary>
    public const string Severe = "severe";
    /// <summary>A vague, one-sided or inconsistent term (一般风险).</summary>
    public const string General = "general";
    /// <summary>A clause the contract should have and does not (条款缺失).</summary>
    public const string Missing = "missing";

    /// <summary>The groups in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Compliance, Severe, General, Missing];
}

/// <summary>How serious a rule's finding is; high-severity hits need an answer before approval.</summary>
public static class RuleSeverities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    /// <summary>The severities, highest first.</summary>
    public static IReadOnlyList<string> All { get; } = [High, Medium, Low];
}

/// <summary>A message in Simplified Chinese and English.</summary>
/// <param name="Zh">The Chinese text (shown by default).</param>
/// <param name="En">The English text.</param>
public sealed record RuleMessage(string Zh, string En);

/// <summary>
/// Which contracts a rule applies to. An empty list or a null <see cref="Sme"/> means any. A restriction to categories,
/// subcategories or methods needs the context to know the value (given, or the category extracted): a works-only rule
/// does not fire on a contract of unknown category. SME status is rarely stated in a contract, so an unknown
/// <see cref="ReviewContext.Sme"/> matches <c>sme: true</c> rules (the protection of SMEs errs towards applying).
/// </summary>
public sealed record RuleApplicability(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subcategories,
    IReadOnlyList<string> Methods,
    bool? Sme)
{
    /// <summary>Applies to every contract.</summary>
    public static RuleApplicability Any { get; } = new([], [], [], null);

    /// <summary>Whether a contract with <paramref name="context"/> is in scope.</summary>
    public bool Matches(ReviewContext context)
    {
        if (Categories.Count > 0 && (context.Category is not { } c || !Categories.Contains(c))) return false;
        if (Subcategories.Count > 0 && (context.Subcategory is not { } s || !Subcategories.Contains(s))) return false;
        if (Methods.Count > 0 && (context.Method is not { } m || !Methods.Contains(m))) return false;
        if (Sme is { } sme && context.Sme is { } isSme && sme != isSme) return false;
        return true;
    }
}

/// <summary>What a review knows about a contract besides its text: null values are unknown.</summary>
/// <param name="Category">works, goods or services.</param>
/// <param name="Subcategory">The subcategory key.</param>
/// <param name="Method">The procurement method code (<see cref="ProcurementMethods"/>).</param>
/// <param name="Sme">Whether the supplier is a small or medium-sized enterprise.</param>
public sealed record ReviewContext(string? Category = null, string? Subcategory = null, string? Method = null, bool? Sme = null)
{
    /// <summary>Nothing known.</summary>
    public static ReviewContext Unknown { get; } = new();
}

/// <summary>The procurement method codes <c>appliesTo.methods</c> uses.</summary>
public static class ProcurementMethods
{
    /// <summary>Every code: open_tender, invited_tender, competitive_negotiation, competitive_consultation,
    /// request_for_quotation, single_source, framework_agreement, self_procurement.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "open_tender", "invited_tender", "competitive_negotiation", "competitive_consultation", "request_for_quotation",
        "single_source", "framework_agreement", "self_procurement",
    ];
}

/// <summary>One example text of a rule: it must trigger the rule, or must not.</summary>
/// <param name="Text">The contract text (normalized before review).</param>
/// <param name="MustTrigger">True for a must-trigger example.</param>
/// <param name="Context">The review context the example is reviewed in.</param>
/// <param name="Line">The line of the example in its rule file.</param>
public sealed record RuleExample(string Text, bool MustTrigger, ReviewContext Context, int Line);

/// <summary>
/// One review rule as written in a rule file, compiled: its condition is bound to the rule set's literal automaton.
/// </summary>
public sealed class ReviewRule
{
    internal ReviewRule(string id, string group, string severity, RuleApplicability appliesTo, IReadOnlyList<string> scope,
        Condition condition, RuleMessage message, string? basis, string? suggestion, IReadOnlyList<RuleExample> examples,
        string file, int line)
    {
        Id = id;
        Group = group;
        Severity = severity;
        AppliesTo = appliesTo;
        Scope = scope;
        Condition = condition;
        Message = message;
        Basis = basis;
        Suggestion = suggestion;
        Examples = examples;
        File = file;
        Line = line;
        DocumentLevel = scope.Count == 0 || !condition.ReadsText || group == RuleGroups.Missing;
    }

    /// <summary>Stable identifier (CMP-BOND-001).</summary>
    public string Id { get; }

    /// <summary>One of <see cref="RuleGroups"/>.</summary>
    public string Group { get; }

    /// <summary>One of <see cref="RuleSeverities"/>.</summary>
    public string Severity { get; }

    /// <summary>Which contracts the rule applies to.</summary>
    public RuleApplicability AppliesTo { get; }

    /// <summary>The clause types whose text the rule's text conditions read; empty for the whole document.</summary>
    public IReadOnlyList<string> Scope { get; }

    /// <summary>The condition tree.</summary>
    internal Condition Condition { get; }

    /// <summary>The finding's message.</summary>
    public RuleMessage Message { get; }

    /// <summary>The law and article, or null.</summary>
    public string? Basis { get; }

    /// <summary>Replacement wording or an action, or null.</summary>
    public string? Suggestion { get; }

    /// <summary>The examples, must-trigger and must-not-trigger.</summary>
    public IReadOnlyList<RuleExample> Examples { get; }

    /// <summary>The rule file, relative to the library root (compliance/performance-bond.yaml).</summary>
    public string File { get; }

    /// <summary>The line of the rule's <c>id</c> in <see cref="File"/>.</summary>
    public int Line { get; }

    /// <summary>True when the rule is evaluated once on the whole document rather than per clause in scope (always for
    /// the missing group, whose hits name the absent clause type and have no span).</summary>
    internal bool DocumentLevel { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({File}:{Line})";
}
