using System.Text.Json;
using Lvyue.Review;
using Lvyue.Review.Rules;

namespace Lvyue.Cli;

/// <summary>One labelled defect of a review-corpus contract (an element of <c>defects</c> in its truth file).</summary>
/// <param name="Group">compliance | severe | general | missing.</param>
/// <param name="RuleId">The rule a reviewer expects to flag it, informative only (matching is by group and location).</param>
/// <param name="Quote">A unique excerpt of the contract that is the defect (as written; normalized like the text before it is located).</param>
/// <param name="ClauseType">For a missing clause: the absent clause type.</param>
/// <param name="Start">Alternatively an explicit span in the normalized text.</param>
/// <param name="End">End of that span (exclusive).</param>
/// <param name="Defect">The catalogue key of the defect, for the listing.</param>
public sealed record ReviewLabel(string Group, string? RuleId, string? Quote, string? ClauseType, int? Start, int? End, string? Defect);

/// <summary>The truth of one review-corpus contract.</summary>
/// <param name="Clean">A clean contract: no hit above low severity is allowed on it.</param>
/// <param name="Defects">The labelled defects (none on a clean contract).</param>
public sealed record ReviewTruth(bool Clean, IReadOnlyList<ReviewLabel> Defects)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a truth file; a malformed one throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static ReviewTruth Read(string path)
    {
        try
        {
            var t = JsonSerializer.Deserialize<ReviewTruth>(File.ReadAllText(path), Options)
                    ?? throw new InvalidDataException("empty truth");
            foreach (var d in t.Defects ?? [])
            {
                if (!RuleGroups.All.Contains(d.Group)) throw new InvalidDataException($"unknown group '{d.Group}'");
                var located = d.Quote is not null || d.Start is not null || (d.Group == RuleGroups.Missing && d.ClauseType is not null);
                if (!located) throw new InvalidDataException($"a {d.Group} defect without a quote, span or clause type");
            }
            return t with { Defects = t.Defects ?? [] };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}

/// <summary>
/// Scores review reports against labelled truth. A hit matches a label when the groups are equal and either the hit's
/// span overlaps the label's span (the quote located in the normalized text), or, for a label naming a clause type,
/// the hit has that clause type and no span (a missing clause). Per group: precision = matching hits / hits,
/// recall = labels matched by at least one hit / labels. On a clean contract every hit above low severity is a
/// violation of the target as well as a false positive.
/// </summary>
public sealed class ReviewEvaluation
{
    /// <summary>Counts of one group.</summary>
    public sealed class GroupCounts
    {
        /// <summary>Hits of the group.</summary>
        public int Hits { get; set; }
        /// <summary>Hits that match a label.</summary>
        public int MatchingHits { get; set; }
        /// <summary>Labels of the group.</summary>
        public int Labels { get; set; }
        /// <summary>Labels found by at least one hit.</summary>
        public int Found { get; set; }
        /// <summary>Precision, 1 when the group has no hits.</summary>
        public double Precision => Hits == 0 ? 1 : (double)MatchingHits / Hits;
        /// <summary>Recall, 1 when the group has no labels.</summary>
        public double Recall => Labels == 0 ? 1 : (double)Found / Labels;
    }

    /// <summary>A hit that matches no label.</summary>
    public sealed record FalsePositive(string Document, ReviewHit Hit, bool OnCleanContract);

    /// <summary>A label no hit matched.</summary>
    public sealed record Miss(string Document, ReviewLabel Label);

    /// <summary>Counts by group, in the order of <see cref="RuleGroups.All"/>.</summary>
    public Dictionary<string, GroupCounts> Groups { get; } = RuleGroups.All.ToDictionary(g => g, _ => new GroupCounts());

    /// <summary>Hits that match no label.</summary>
    public List<FalsePositive> FalsePositives { get; } = [];

    /// <summary>Labels that no hit matched.</summary>
    public List<Miss> Misses { get; } = [];

    /// <summary>Documents that could not be scored, with the reason.</summary>
    public List<(string Document, string Reason)> Failures { get; } = [];

    /// <summary>Documents scored.</summary>
    public int Documents { get; private set; }

    /// <summary>Clean contracts scored.</summary>
    public int CleanDocuments { get; private set; }

    /// <summary>Hits above low severity on clean contracts.</summary>
    public int CleanViolations => FalsePositives.Count(f => f.OnCleanContract && f.Hit.Severity != RuleSeverities.Low);

    /// <summary>True when every group reaches both thresholds, no clean contract has a hit above low, and every document was scored.</summary>
    public bool Passes(double precision, double recall) =>
        Documents > 0 && Failures.Count == 0 && CleanViolations == 0
        && Groups.Values.All(g => g.Precision >= precision && g.Recall >= recall);

    /// <summary>Records a document that could not be scored.</summary>
    public void Fail(string document, string reason) => Failures.Add((document, reason));

    /// <summary>Scores one report against its truth; <paramref name="text"/> is the normalized text the spans point into.</summary>
    public void Add(string document, ReviewTruth truth, ReviewReport report, string text)
    {
        if (report.Error is not null)
        {
            Fail(document, report.Error);
            return;
        }
        var labels = new List<(ReviewLabel Label, int Start, int End)>();
        foreach (var label in truth.Defects)
        {
            var (s, e) = Locate(label, text, document);
            labels.Add((label, s, e));
        }
        Documents++;
        if (truth.Clean) CleanDocuments++;
        var found = new bool[labels.Count];
        foreach (var hit in report.Hits)
        {
            var counts = Groups[hit.Group];
            counts.Hits++;
            var matched = false;
            for (var i = 0; i < labels.Count; i++)
            {
                if (!Matches(hit, labels[i].Label, labels[i].Start, labels[i].End)) continue;
                matched = true;
                found[i] = true;
            }
            if (matched) counts.MatchingHits++;
            else FalsePositives.Add(new FalsePositive(document, hit, truth.Clean));
        }
        for (var i = 0; i < labels.Count; i++)
        {
            var counts = Groups[labels[i].Label.Group];
            counts.Labels++;
            if (found[i]) counts.Found++;
            else Misses.Add(new Miss(document, labels[i].Label));
        }
    }

    /// <summary>The label's span in the normalized text, or (-1, -1) for a clause-type label.</summary>
    public static (int Start, int End) Locate(ReviewLabel label, string text, string document)
    {
        if (label.Start is { } start) return (start, label.End ?? start + 1);
        if (label.Quote is null) return (-1, -1);
        var quote = TextNormalizer.NormalizeText(label.Quote);
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"{document}: the quote '{label.Quote}' is not in the document");
        if (text.IndexOf(quote, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidDataException($"{document}: the quote '{label.Quote}' occurs more than once");
        return (at, at + quote.Length);
    }

    /// <summary>Same group, and overlapping spans or (no span) the same clause type.</summary>
    public static bool Matches(ReviewHit hit, ReviewLabel label, int start, int end)
    {
        if (hit.Group != label.Group) return false;
        if (hit.Start is { } hs && hit.End is { } he && start >= 0) return hs < end && start < he;
        if (hit.Start is null && label.ClauseType is not null) return hit.ClauseType == label.ClauseType;
        return false;
    }
}
