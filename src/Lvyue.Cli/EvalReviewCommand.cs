using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lvyue.Review.Ingestion;
using Lvyue.Review.Rules;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue eval review [--corpus DIR] [--rules DIR] [--json] [--precision 0.95] [--recall 0.95]</c>: reviews every
/// contract of the labelled review corpus (<c>DIR/documents</c>, truth in <c>DIR/truth/&lt;name&gt;.json</c>) and prints
/// precision and recall per group, the false positives and the misses. Exits 1 below the target (either threshold in
/// any group, or any hit above low severity on a clean contract), 2 when the corpus cannot be read.
/// </summary>
public static class EvalReviewCommand
{
    /// <summary>The <c>review</c> subcommand of <c>eval</c>.</summary>
    public static Command Build()
    {
        var corpus = new Option<string>("--corpus") { Description = "The labelled corpus: documents/ and truth/ (default corpus/review)", DefaultValueFactory = _ => Path.Combine("corpus", "review") };
        var rules = RulesCommands.RulesOption();
        var json = new Option<bool>("--json") { Description = "Print the scores, false positives and misses as one JSON object" };
        var precision = new Option<double>("--precision") { Description = "Least precision of every group (0–1)", DefaultValueFactory = _ => 0.95 };
        var recall = new Option<double>("--recall") { Description = "Least recall of every group (0–1)", DefaultValueFactory = _ => 0.95 };
        var command = new Command("review", "Precision and recall per group of lvyue review on the labelled review corpus")
        {
            corpus, rules, json, precision, recall,
        };
        command.SetAction((r, ct) => RunAsync(r, r.GetValue(corpus)!, r.GetValue(rules), r.GetValue(json), r.GetValue(precision), r.GetValue(recall), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult r, string corpus, string? rulesFolder, bool json, double precision, double recall, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        var documents = Path.Combine(corpus, "documents");
        var truthDir = Path.Combine(corpus, "truth");
        if (!Directory.Exists(documents) || !Directory.Exists(truthDir))
        {
            error.WriteLine($"eval review: {corpus} needs documents/ and truth/ / 语料目录须有 documents 和 truth");
            return 2;
        }
        if (!RulesCommands.TryLoad(rulesFolder, error, out var set)) return 2;
        var files = Directory.GetFiles(documents).Order(StringComparer.Ordinal).ToArray();
        var results = new (string Name, ReviewTruth? Truth, ReviewReport? Report, string Text, string? Problem)[files.Length];
        await Parallel.ForAsync(0, files.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, token) =>
        {
            results[i] = await ScoreOneAsync(set, files[i], truthDir, token);
        });
        var score = new ReviewEvaluation();
        foreach (var (name, truth, report, text, problem) in results)
        {
            if (problem is not null || truth is null || report is null)
            {
                score.Fail(name, problem ?? "not scored");
                continue;
            }
            try
            {
                score.Add(name, truth, report, text);
            }
            catch (InvalidDataException e)
            {
                score.Fail(name, e.Message);
            }
        }
        var pass = score.Passes(precision, recall);
        output.WriteLine(json ? Json(score, set.Version, precision, recall, pass) : Table(score, set.Version, precision, recall, pass));
        return pass ? 0 : 1;
    }

    private static async Task<(string, ReviewTruth?, ReviewReport?, string, string?)> ScoreOneAsync(RuleSet set, string file, string truthDir, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        var truthFile = Path.Combine(truthDir, Path.GetFileNameWithoutExtension(file) + ".json");
        if (!File.Exists(truthFile)) return (name, null, null, "", $"no truth file {truthFile}");
        ReviewTruth truth;
        try
        {
            truth = ReviewTruth.Read(truthFile);
        }
        catch (InvalidDataException e)
        {
            return (name, null, null, "", e.Message);
        }
        try
        {
            var doc = await new DocumentIngestor().IngestAsync(file, ct);
            return (name, truth, set.Review(doc.Normalized), doc.Normalized.Text, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (name, truth, null, "", "the document could not be read / 文档无法读取: " + e.Message);
        }
    }

    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6) + " %";

    private static string Table(ReviewEvaluation s, string version, double precision, double recall, bool pass)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Review corpus: {s.Documents} contracts ({s.CleanDocuments} clean), rule set {version}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"group",-12}{"precision",12}{"recall",10}{"hits",7}{"labels",8}");
        foreach (var (group, c) in s.Groups)
        {
            var low = c.Precision < precision || c.Recall < recall ? "  < target" : "";
            sb.AppendLine(CultureInfo.InvariantCulture, $"{group,-12}{Pct(c.Precision),12}{Pct(c.Recall),10}{c.Hits,7}{c.Labels,8}{low}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"hits above low on clean contracts: {s.CleanViolations}");
        if (s.FalsePositives.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"False positives ({s.FalsePositives.Count}):");
            foreach (var f in s.FalsePositives)
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {f.Document}  {f.Hit.RuleId} {f.Hit.Group}/{f.Hit.Severity}{(f.OnCleanContract ? " (clean contract)" : "")}  {Where(f.Hit)}");
        }
        if (s.Misses.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Misses ({s.Misses.Count}):");
            foreach (var m in s.Misses)
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {m.Document}  {m.Label.Group}  {m.Label.Quote ?? "missing " + m.Label.ClauseType}{(m.Label.RuleId is null ? "" : $" (expected {m.Label.RuleId})")}");
        }
        foreach (var (doc, reason) in s.Failures) sb.AppendLine(CultureInfo.InvariantCulture, $"not scored: {doc}: {reason}");
        sb.Append(CultureInfo.InvariantCulture, $"target: precision ≥ {precision:0.00} and recall ≥ {recall:0.00} in every group, no hit above low on a clean contract — ");
        sb.Append(pass ? "PASS" : "FAIL");
        return sb.ToString();
    }

    private static string Where(ReviewHit h) => h.Start is null ? $"missing {h.ClauseType}" : $"{h.Start}-{h.End} {Clip(h.Excerpt)}";

    private static string Clip(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";

    private static string Json(ReviewEvaluation s, string version, double precision, double recall, bool pass)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("ruleSetVersion", version);
            w.WriteNumber("documents", s.Documents);
            w.WriteNumber("cleanDocuments", s.CleanDocuments);
            w.WriteStartObject("groups");
            foreach (var (group, c) in s.Groups)
            {
                w.WriteStartObject(group);
                w.WriteNumber("precision", Math.Round(c.Precision, 4));
                w.WriteNumber("recall", Math.Round(c.Recall, 4));
                w.WriteNumber("hits", c.Hits);
                w.WriteNumber("matchingHits", c.MatchingHits);
                w.WriteNumber("labels", c.Labels);
                w.WriteNumber("found", c.Found);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteNumber("cleanViolations", s.CleanViolations);
            w.WriteStartArray("falsePositives");
            foreach (var f in s.FalsePositives)
            {
                w.WriteStartObject();
                w.WriteString("file", f.Document);
                w.WriteString("ruleId", f.Hit.RuleId);
                w.WriteString("group", f.Hit.Group);
                w.WriteString("severity", f.Hit.Severity);
                w.WriteString("clauseType", f.Hit.ClauseType);
                if (f.Hit.Start is { } st) w.WriteNumber("start", st); else w.WriteNull("start");
                if (f.Hit.End is { } en) w.WriteNumber("end", en); else w.WriteNull("end");
                w.WriteString("excerpt", f.Hit.Excerpt);
                w.WriteBoolean("cleanContract", f.OnCleanContract);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("misses");
            foreach (var m in s.Misses)
            {
                w.WriteStartObject();
                w.WriteString("file", m.Document);
                w.WriteString("group", m.Label.Group);
                w.WriteString("ruleId", m.Label.RuleId);
                w.WriteString("quote", m.Label.Quote);
                w.WriteString("clauseType", m.Label.ClauseType);
                w.WriteString("defect", m.Label.Defect);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notScored");
            foreach (var (doc, reason) in s.Failures)
            {
                w.WriteStartObject();
                w.WriteString("file", doc);
                w.WriteString("reason", reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("targetPrecision", precision);
            w.WriteNumber("targetRecall", recall);
            w.WriteBoolean("pass", pass);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
