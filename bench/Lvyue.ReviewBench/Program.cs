using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lvyue.Review;
using Lvyue.Review.Extraction;
using Lvyue.Review.Rules;

// Review of a 30-page contract (already ingested: normalized text) against the whole embedded rule library, one thread.
// Run on one core: taskset -c 0 dotnet bench/Lvyue.ReviewBench/bin/Release/net10.0/Lvyue.ReviewBench.dll [--iterations N]
var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lvyue.slnx"))) root = root.Parent;
if (root is null) throw new InvalidOperationException("run from inside the repository");
var fixtures = Path.Combine(root.FullName, "tests", "Lvyue.Core.Tests", "Review", "Clauses", "Fixtures");
var parts = Directory.GetFiles(fixtures, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

// 30 pages of about 1,000 characters: the construction contract's agreement, then chapters made of every fixture's
// clauses in turn (第N章 headings), as a long contract's general and special terms read.
var sb = new StringBuilder(parts[0]);
for (var chapter = 1; sb.Length < 30_000; chapter++)
    sb.Append("\n第").Append(chapter).Append("章 专用条款（").Append(chapter).Append("）\n").Append(parts[chapter % parts.Count]);
var normalized = TextNormalizer.Normalize(sb.ToString());

var sw = Stopwatch.StartNew();
var set = RuleLibrary.Default;
var loadMs = sw.Elapsed.TotalMilliseconds;
Console.WriteLine($"rule set {set.Version}: {set.Rules.Count} rules, {set.LiteralCount} literals, loaded and compiled in {loadMs:0.0} ms");
Console.WriteLine($"contract: {normalized.Length:N0} characters (about {normalized.Length / 1000} pages)");

var extraction = LedgerExtractor.Extract(normalized);
for (var i = 0; i < 5; i++) set.Review(normalized); // warm-up

var full = new List<double>();
var rulesOnly = new List<double>();
var hits = 0;
for (var i = 0; i < iterations; i++)
{
    sw.Restart();
    var report = set.Review(normalized);
    full.Add(sw.Elapsed.TotalMilliseconds);
    hits = report.Hits.Count;
    sw.Restart();
    set.Review(extraction);
    rulesOnly.Add(sw.Elapsed.TotalMilliseconds);
}

static string Stats(List<double> xs)
{
    var s = xs.Order().ToList();
    double P(double q) => s[Math.Min(s.Count - 1, (int)Math.Ceiling(q * s.Count) - 1)];
    return $"median {P(0.5):0.00} ms, p95 {P(0.95):0.00} ms, max {s[^1]:0.00} ms";
}

Console.WriteLine($"{iterations} runs, {hits} hits per review");
Console.WriteLine($"review from normalized text (clauses + ledger extraction + rules): {Stats(full)}");
Console.WriteLine($"rules only (ledger already extracted):                           {Stats(rulesOnly)}");
