using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Lvyue.Review.Clauses;
using Lvyue.Review.Extraction;
using Lvyue.Review.Ingestion;

namespace Lvyue.Bench;

/// <summary>
/// Contract intelligence on the corpus (issue 3): ledger extraction and clause identification from already-ingested
/// text, and .docx ingestion. Two measurements:
/// <list type="number">
/// <item>per contract with a stopwatch: each contract's median of 50 runs (after 10 warm-up runs), then the median,
/// p95 and maximum of those over the corpus's text documents (and over its .docx files for ingestion);</item>
/// <item>BenchmarkDotNet (in-process toolchain, its default job): one operation extracts, or identifies the clauses
/// of, every corpus contract, reported per contract (OperationsPerInvoke).</item>
/// </list>
/// Usage: <c>Lvyue.Bench extraction [--corpus corpus/extraction/documents] [--no-bdn]</c>.
/// </summary>
internal static class ExtractionBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = BenchHost.Arg(args, "--corpus", Path.Combine("corpus", "extraction", "documents"));
        var corpus = await Corpus.LoadAsync(dir);
        Console.WriteLine($"corpus: {corpus.Texts.Count} text documents ({corpus.Docx.Count} .docx), {corpus.Texts.Average(t => t.Length):0} characters on average, longest {corpus.Texts.Max(t => t.Length)}");

        Report("ledger extraction (text → ledger)", corpus.Texts.Select(t => PerContract(() => LedgerExtractor.Extract(t))).ToList());
        Report("clause identification (segment + classify)", corpus.Texts.Select(t => PerContract(() => ClauseClassifier.Default.Classify(ClauseSegmenter.Segment(t)))).ToList());
        var ingestor = new DocumentIngestor();
        var docx = new List<double>();
        foreach (var file in corpus.Docx)
            docx.Add(PerContract(() => ingestor.IngestAsync(file).GetAwaiter().GetResult()));
        Report(".docx ingestion (file → normalized text)", docx);

        if (args.Contains("--no-bdn")) return 0;
        ExtractionBenchmarks.Texts = corpus.Texts;
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<ExtractionBenchmarks>(config);
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }

    /// <summary>The median time of one call, in milliseconds, after warm-up.</summary>
    private static double PerContract(Action op)
    {
        for (var i = 0; i < 10; i++) op();
        var times = new double[50];
        for (var i = 0; i < times.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            op();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static void Report(string what, List<double> perContract)
    {
        perContract.Sort();
        double At(double q) => perContract[Math.Min(perContract.Count - 1, (int)Math.Ceiling(q * perContract.Count) - 1)];
        Console.WriteLine($"{what}: median {At(0.5):0.000} ms, p95 {At(0.95):0.000} ms, max {perContract[^1]:0.000} ms per contract (n={perContract.Count})");
    }

    /// <summary>The corpus's text documents (every file read without OCR) as normalized text, and its .docx paths.</summary>
    private sealed record Corpus(List<string> Texts, List<string> Docx)
    {
        public static async Task<Corpus> LoadAsync(string dir)
        {
            // MaxOcrPages 0 refuses a scanned PDF before any OCR; images are skipped: the benchmark is of text.
            var ingestor = new DocumentIngestor(new IngestionOptions { MaxOcrPages = 0 });
            var texts = new List<string>();
            var docx = new List<string>();
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file).ToLowerInvariant();
                if (ext is not (".txt" or ".docx" or ".pdf")) continue;
                try
                {
                    texts.Add((await ingestor.IngestAsync(file)).Text);
                    if (ext == ".docx") docx.Add(file);
                }
                catch (Lvyue.Common.DomainException)
                {
                    // a scan
                }
            }
            return new Corpus(texts, docx);
        }
    }
}

/// <summary>BenchmarkDotNet: 40 corpus contracts per operation (the corpus in turn), reported per contract.</summary>
public class ExtractionBenchmarks
{
    /// <summary>The corpus texts, set before the run (in-process toolchain).</summary>
    public static List<string> Texts { get; set; } = [];

    /// <summary>Contracts per operation: the corpus in turn (39 text documents today, so one pass and a bit).</summary>
    private const int Contracts = 40;

    /// <summary>Checks that there is a corpus.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Texts.Count == 0) throw new InvalidOperationException("no corpus texts");
    }

    /// <summary>Ledger extraction of every contract.</summary>
    [Benchmark(OperationsPerInvoke = Contracts)]
    public int LedgerExtraction()
    {
        var n = 0;
        for (var i = 0; i < Contracts; i++) n += LedgerExtractor.Extract(Texts[i % Texts.Count]).PaymentSchedule.Count;
        return n;
    }

    /// <summary>Clause segmentation and classification of every contract.</summary>
    [Benchmark(OperationsPerInvoke = Contracts)]
    public int ClauseIdentification()
    {
        var n = 0;
        for (var i = 0; i < Contracts; i++) n += ClauseClassifier.Default.Classify(ClauseSegmenter.Segment(Texts[i % Texts.Count])).Count;
        return n;
    }
}
