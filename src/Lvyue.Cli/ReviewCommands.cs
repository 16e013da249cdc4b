using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lvyue.Review.Ingestion;
using Lvyue.Review.Rules;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue review FILE [--json]</c> and <c>lvyue review DIR --json</c>: a contract reviewed against the rule library
/// (embedded, or <c>--rules DIR</c>), no database. The JSON object is the exact contract of issue 4 (other tools consume
/// it); a folder gives one object per line with <c>"file"</c> added and a progress bar on standard error. A document
/// that cannot be read gives a report with <c>"error"</c> and exit code 1, never an empty pass.
/// </summary>
public static class ReviewCommands
{
    public static Command Build()
    {
        var path = new Argument<string>("path") { Description = "A contract (.txt, .docx, .pdf, .png, .jpg) or, with --json, a folder of them" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (one object per line for a folder)" };
        var rules = RulesCommands.RulesOption();
        var category = new Option<string?>("--category") { Description = "works | goods | services (default: as extracted)" };
        category.AcceptOnlyFromAmong("works", "goods", "services");
        var subcategory = new Option<string?>("--subcategory") { Description = "The subcategory key" };
        var method = new Option<string?>("--method") { Description = "Procurement method: " + string.Join(" | ", ProcurementMethods.All) };
        method.AcceptOnlyFromAmong([.. ProcurementMethods.All]);
        var sme = new Option<string?>("--sme") { Description = "yes | no: whether the supplier is an SME (default: unknown)" };
        sme.AcceptOnlyFromAmong("yes", "no");
        var command = new Command("review", "Review a contract against the rule library: compliance, severe risks, general risks, missing clauses")
        {
            path, json, rules, category, subcategory, method, sme,
        };
        command.SetAction((r, ct) =>
        {
            var context = new ReviewContext(r.GetValue(category), r.GetValue(subcategory), r.GetValue(method),
                r.GetValue(sme) switch { "yes" => true, "no" => false, _ => null });
            return RunAsync(r, r.GetValue(path)!, r.GetValue(json), r.GetValue(rules), context, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult r, string path, bool json, string? rulesFolder, ReviewContext context, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        if (!RulesCommands.TryLoad(rulesFolder, error, out var set)) return 2;
        var ingestor = new DocumentIngestor();
        if (Directory.Exists(path))
        {
            if (!json)
            {
                error.WriteLine("review: a folder needs --json (one object per line) / 审查文件夹须加 --json");
                return 1;
            }
            var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToList();
            var failures = await ReviewFolderAsync(files, set, context, output, error, ct);
            error.WriteLine();
            return failures == 0 ? 0 : 1;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"review: no such file or folder: {path} / 文件不存在");
            return 1;
        }
        var single = await ReviewFileAsync(ingestor, set, path, context, ct);
        output.WriteLine(json ? ReviewReportJson.Write(single) : Summary(single));
        if (single.Error is not null && !json) error.WriteLine($"review: {path}: {single.Error}");
        return single.Error is null ? 0 : 1;
    }

    /// <summary>
    /// Reviews the files on every core (one document per worker; the compiled rule set is shared, it is immutable) and
    /// prints one line per file in the folder's order: a finished line waits only for the files before it, so the
    /// output is the same as one file after another. Returns the number of files that could not be read.
    /// </summary>
    private static async Task<int> ReviewFolderAsync(IReadOnlyList<string> files, RuleSet set, ReviewContext context, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
        var lines = new string?[files.Count];
        var gate = new object();
        var next = 0;
        var done = 0;
        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            var report = await ReviewFileAsync(new DocumentIngestor(), set, files[i], context, token);
            if (report.Error is not null) Interlocked.Increment(ref failures);
            var line = ReviewReportJson.Write(report, Path.GetFileName(files[i]));
            lock (gate)
            {
                lines[i] = line;
                while (next < lines.Length && lines[next] is { } ready)
                {
                    output.WriteLine(ready);
                    lines[next++] = null;
                }
                Progress(error, ++done, files.Count);
            }
        });
        return failures;
    }

    /// <summary>Ingests and reviews one file; a file that cannot be read gives a report that says so.</summary>
    public static async Task<ReviewReport> ReviewFileAsync(DocumentIngestor ingestor, RuleSet set, string file, ReviewContext context, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var doc = await ingestor.IngestAsync(file, ct);
            return set.Review(doc.Normalized, context).WithElapsed(sw.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ReviewReport.Unreadable(set.Version, "the document could not be read / 文档无法读取: " + e.Message, sw.Elapsed.TotalMilliseconds);
        }
    }

    private static void Progress(TextWriter error, int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total}");
    }

    private static readonly Dictionary<string, string> GroupNames = new()
    {
        [RuleGroups.Compliance] = "合规", [RuleGroups.Severe] = "重大风险", [RuleGroups.General] = "一般风险", [RuleGroups.Missing] = "条款缺失",
    };

    private static readonly Dictionary<string, string> SeverityNames = new()
    {
        [RuleSeverities.High] = "高", [RuleSeverities.Medium] = "中", [RuleSeverities.Low] = "低",
    };

    /// <summary>A readable Chinese report.</summary>
    public static string Summary(ReviewReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"规则集版本：{report.RuleSetVersion}");
        if (report.Error is not null)
        {
            sb.AppendLine($"未能审查：{report.Error}");
            return sb.ToString().TrimEnd();
        }
        sb.AppendLine("汇总：" + string.Join("，", RuleGroups.All.Select(g => $"{GroupNames[g]} {report.Summary[g]}")));
        foreach (var h in report.Hits)
        {
            sb.AppendLine($"[{GroupNames[h.Group]}·{SeverityNames[h.Severity]}] {h.RuleId} {h.Message.Zh}");
            if (h.Start is { } s) sb.AppendLine($"  位置 {s}-{h.End}（{h.ClauseType ?? "—"}）：{h.Excerpt}");
            else if (h.ClauseType is not null) sb.AppendLine($"  缺少条款类型：{h.ClauseType}");
            if (h.Basis is not null) sb.AppendLine($"  依据：{h.Basis}");
            if (h.Suggestion is not null) sb.AppendLine($"  建议：{h.Suggestion}");
        }
        if (report.TimedOutRules.Count > 0) sb.AppendLine($"超时未评估的规则：{string.Join("、", report.TimedOutRules)}");
        sb.Append($"用时：{report.ElapsedMs.ToString("0.0", CultureInfo.InvariantCulture)} ms");
        return sb.ToString();
    }
}
