using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lvyue.Common;
using Lvyue.Review.Extraction;
using Lvyue.Review.Ingestion;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue eval extract [DIR] [--truth DIR] [--threshold 0.95] [--scans separate|include|exclude] [--misses]</c>:
/// runs <c>lvyue extract</c> on every document of a corpus folder, compares each object with the ground truth
/// <c>TRUTH/&lt;name&gt;.json</c> (the same shape as <c>lvyue extract --json</c>), and prints per-field precision,
/// recall and exact-match accuracy, plus overall. Exits 1 when a scored field's exact-match accuracy is below the
/// threshold. Scans (documents read by OCR) are scored in their own table by default and do not count towards the
/// threshold: OCR errors are the OCR's, not the extractor's.
/// </summary>
public static class EvalCommands
{
    public static Command Build()
    {
        var eval = new Command("eval", "Measure the contract intelligence against a corpus with ground truth");
        var dir = new Argument<string>("dir") { Description = "Folder of contracts (default corpus/extraction/documents)", Arity = ArgumentArity.ZeroOrOne };
        var truth = new Option<string?>("--truth") { Description = "Folder of ground-truth JSON files named like the documents (default: the folder 'truth' beside DIR)" };
        var threshold = new Option<double>("--threshold") { Description = "Least exact-match accuracy of every scored field (0–1)", DefaultValueFactory = _ => 0.95 };
        var scans = new Option<string>("--scans") { Description = "separate (own table, not in the threshold), include or exclude", DefaultValueFactory = _ => "separate" };
        var misses = new Option<bool>("--misses") { Description = "List every wrong field with the expected and the extracted value" };
        var extract = new Command("extract", "Per-field precision, recall and exact-match accuracy of lvyue extract on a corpus")
        {
            dir, truth, threshold, scans, misses,
        };
        extract.SetAction((r, ct) => RunAsync(r, r.GetValue(dir), r.GetValue(truth), r.GetValue(threshold), r.GetValue(scans)!, r.GetValue(misses), ct));
        eval.Subcommands.Add(extract);
        eval.Subcommands.Add(EvalReviewCommand.Build());
        return eval;
    }

    private static readonly HashSet<string> ImageExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"];

    private static async Task<int> RunAsync(ParseResult r, string? dir, string? truthDir, double threshold, string scans, bool misses, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        dir ??= Path.Combine("corpus", "extraction", "documents");
        if (!Directory.Exists(dir))
        {
            error.WriteLine($"eval: no such folder: {dir} / 文件夹不存在");
            return 2;
        }
        truthDir ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar))!, "truth");
        if (scans is not ("separate" or "include" or "exclude"))
        {
            error.WriteLine("eval: --scans is separate, include or exclude");
            return 2;
        }
        // Excluding scans: images are skipped by their extension and a scanned PDF is refused before any OCR runs
        // (MaxOcrPages 0), so that scoring the text documents takes seconds, not minutes.
        var exclude = scans == "exclude";
        var ingestor = new DocumentIngestor(exclude ? new IngestionOptions { MaxOcrPages = 0 } : null);
        var text = new ExtractionScore();
        var ocr = new ExtractionScore();
        var files = Directory.GetFiles(dir).Where(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var truthFile = Path.Combine(truthDir, name + ".json");
            if (!File.Exists(truthFile))
            {
                error.WriteLine($"eval: no ground truth for {Path.GetFileName(file)} ({truthFile})");
                failures++;
                continue;
            }
            if (exclude && ImageExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())) continue;
            IngestedDocument doc;
            try
            {
                doc = await ingestor.IngestAsync(file, ct);
            }
            catch (DomainException) when (exclude && file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error.WriteLine($"eval: {Path.GetFileName(file)}: {e.Message}");
                failures++;
                continue;
            }
            var scanned = doc.Units.Any(u => u.Ocr);
            if (scanned && scans == "exclude") continue;
            var ledger = LedgerExtractor.Extract(doc);
            using var got = JsonDocument.Parse(ExtractCommands.Json(ledger, 0, null));
            using var want = JsonDocument.Parse(await File.ReadAllTextAsync(truthFile, ct));
            (scanned && scans == "separate" ? ocr : text).Add(Path.GetFileName(file), want.RootElement, got.RootElement);
        }

        var sb = new StringBuilder();
        var pass = text.Documents > 0 && failures == 0;
        if (text.Documents > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Text documents ({text.Documents}) — counted against the threshold {threshold:0.00}");
            text.Print(sb, threshold, misses);
            pass &= text.Fields.All(f => f.Value.Accuracy >= threshold);
        }
        if (ocr.Documents > 0)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Scans read by OCR ({ocr.Documents}) — reported separately, not counted against the threshold");
            ocr.Print(sb, threshold, misses);
        }
        if (failures > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"{failures} document(s) could not be scored");
        sb.Append(pass ? "PASS" : "FAIL");
        output.WriteLine(sb.ToString());
        return pass ? 0 : 1;
    }
}

/// <summary>
/// Field-by-field comparison of extracted ledgers with ground truth. A field is a scalar of the extraction JSON
/// (party fields as <c>purchaser.name</c>, consistency facts as <c>consistency.datesInOrder</c>); the payment schedule
/// is one field, right only when every installment is. For each field: exact-match accuracy (equal, null included),
/// precision (extracted non-null values that are right) and recall (non-null truths extracted right).
/// </summary>
public sealed class ExtractionScore
{
    /// <summary>Top-level keys not scored: the clause list and spans have no truth, the time is not a value.</summary>
    private static readonly HashSet<string> Unscored = ["clauses", "spans", "elapsedMs", "file"];

    /// <summary>Counts of one field.</summary>
    public sealed class FieldCounts
    {
        /// <summary>Documents compared.</summary>
        public int Total { get; set; }
        /// <summary>Extracted value equals the truth (both null included).</summary>
        public int Exact { get; set; }
        /// <summary>Extracted non-null and equal to the truth.</summary>
        public int TruePositives { get; set; }
        /// <summary>Extracted non-null.</summary>
        public int Predicted { get; set; }
        /// <summary>Truth non-null.</summary>
        public int Relevant { get; set; }
        /// <summary>Exact-match accuracy.</summary>
        public double Accuracy => Total == 0 ? 1 : (double)Exact / Total;
        /// <summary>Precision, or 1 when nothing was extracted.</summary>
        public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;
        /// <summary>Recall, or 1 when the truth has no value.</summary>
        public double Recall => Relevant == 0 ? 1 : (double)TruePositives / Relevant;
    }

    /// <summary>Documents scored.</summary>
    public int Documents { get; private set; }

    /// <summary>The counts by field name, in first-seen order of the truth.</summary>
    public Dictionary<string, FieldCounts> Fields { get; } = [];

    /// <summary>The wrong fields: document, field, expected, extracted.</summary>
    public List<(string Document, string Field, string Expected, string Got)> Misses { get; } = [];

    /// <summary>Scores one document: every field of the truth is compared with the same field of the extraction.</summary>
    public void Add(string document, JsonElement truth, JsonElement extracted)
    {
        Documents++;
        foreach (var (field, want) in Flatten(truth))
        {
            var got = Lookup(extracted, field);
            var counts = Fields.TryGetValue(field, out var c) ? c : Fields[field] = new FieldCounts();
            counts.Total++;
            var wantNull = want.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (want.ValueKind == JsonValueKind.Array && want.GetArrayLength() == 0);
            var gotNull = got.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (got.ValueKind == JsonValueKind.Array && got.GetArrayLength() == 0);
            var equal = (wantNull && gotNull) || (!wantNull && !gotNull && Same(want, got));
            if (equal) counts.Exact++;
            if (!gotNull) counts.Predicted++;
            if (!wantNull) counts.Relevant++;
            if (equal && !gotNull) counts.TruePositives++;
            if (!equal) Misses.Add((document, field, Show(want), Show(got)));
        }
    }

    private static IEnumerable<(string Field, JsonElement Value)> Flatten(JsonElement truth)
    {
        foreach (var p in truth.EnumerateObject())
        {
            if (Unscored.Contains(p.Name)) continue;
            if (p.Value.ValueKind == JsonValueKind.Object)
                foreach (var q in p.Value.EnumerateObject()) yield return (p.Name + "." + q.Name, q.Value);
            else yield return (p.Name, p.Value);
        }
    }

    private static JsonElement Lookup(JsonElement root, string field)
    {
        var e = root;
        foreach (var part in field.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out var next)) return default;
            e = next;
        }
        return e;
    }

    /// <summary>Numbers by value (1200000 equals 1200000.00), strings ordinally, arrays and objects by the truth's keys.</summary>
    public static bool Same(JsonElement want, JsonElement got)
    {
        if (want.ValueKind == JsonValueKind.Number && got.ValueKind == JsonValueKind.Number)
            return want.GetDecimal() == got.GetDecimal();
        if (want.ValueKind != got.ValueKind)
            return (want.ValueKind is JsonValueKind.True or JsonValueKind.False) && (got.ValueKind is JsonValueKind.True or JsonValueKind.False) && want.GetBoolean() == got.GetBoolean();
        switch (want.ValueKind)
        {
            case JsonValueKind.String: return want.GetString() == got.GetString();
            case JsonValueKind.Array:
                if (want.GetArrayLength() != got.GetArrayLength()) return false;
                return want.EnumerateArray().Zip(got.EnumerateArray()).All(x => Same(x.First, x.Second));
            case JsonValueKind.Object:
                foreach (var p in want.EnumerateObject())
                {
                    if (!got.TryGetProperty(p.Name, out var g)) g = default;
                    var wn = p.Value.ValueKind == JsonValueKind.Null;
                    var gn = g.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
                    if (wn != gn || (!wn && !Same(p.Value, g))) return false;
                }
                return true;
            default: return true;
        }
    }

    private static string Show(JsonElement e) => e.ValueKind == JsonValueKind.Undefined ? "(absent)" : JsonSerializer.Serialize(e, Compact);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Overall counts: every field's counts summed.</summary>
    public FieldCounts Overall()
    {
        var all = new FieldCounts();
        foreach (var c in Fields.Values)
        {
            all.Total += c.Total;
            all.Exact += c.Exact;
            all.TruePositives += c.TruePositives;
            all.Predicted += c.Predicted;
            all.Relevant += c.Relevant;
        }
        return all;
    }

    /// <summary>The table: field, precision, recall, exact-match accuracy, a mark under the threshold.</summary>
    public void Print(StringBuilder sb, double threshold, bool misses)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"field",-40} {"precision",9} {"recall",9} {"exact",9}  n");
        foreach (var (name, c) in Fields)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{name,-40} {c.Precision,9:P1} {c.Recall,9:P1} {c.Accuracy,9:P1}  {c.Total}{(c.Accuracy < threshold ? "  < threshold" : "")}");
        var all = Overall();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"overall",-40} {all.Precision,9:P1} {all.Recall,9:P1} {all.Accuracy,9:P1}  {all.Total}");
        var documentsExact = Documents - Misses.Select(m => m.Document).Distinct().Count();
        sb.AppendLine(CultureInfo.InvariantCulture, $"documents with every field right: {documentsExact}/{Documents}");
        if (!misses) return;
        foreach (var m in Misses)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {m.Document}  {m.Field}: expected {m.Expected}, got {m.Got}");
    }
}
