using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Lvyue.Cli.Tests.Review;

/// <summary>
/// <c>lvyue eval extract</c>: the scorer's arithmetic, its exit code, and the accuracy target (≥ 95% exact
/// match on every scored field) on the repository's corpus of text documents (scans are scored separately).
/// </summary>
public sealed class EvalCliTests
{
    private static string Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "corpus", "extraction");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>field → exact-match accuracy, read from the printed table.</summary>
    private static Dictionary<string, double> Table(string output)
    {
        var rows = new Dictionary<string, double>();
        foreach (var line in output.Split('\n'))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length < 8 || cells[2] != "%" || cells[4] != "%" || cells[6] != "%") continue;
            rows[cells[0]] = double.Parse(cells[5], CultureInfo.InvariantCulture) / 100;
        }
        return rows;
    }

    [Fact]
    public void The_corpus_meets_the_target_on_every_scored_field()
    {
        var corpus = Corpus();
        var documents = Directory.GetFiles(Path.Combine(corpus, "documents"));
        Assert.True(documents.Length >= 40, $"the corpus has {documents.Length} documents");
        var (code, output, error) = Run("eval", "extract", Path.Combine(corpus, "documents"), "--scans", "exclude", "--threshold", "0.95", "--misses");
        Assert.True(code == 0, output + error);
        var table = Table(output);
        Assert.Contains("paymentSchedule", table.Keys);
        Assert.Contains("consistency.installmentsMatchTotal", table.Keys);
        Assert.Contains("governingLaw", table.Keys);
        Assert.True(table.Count > 40, output);
        Assert.All(table, f => Assert.True(f.Value >= 0.95, $"{f.Key}: {f.Value:P1}\n{output}"));
        Assert.EndsWith("PASS", output.TrimEnd());
    }

    [Fact]
    public void Every_document_has_a_truth_in_the_shape_of_extract_json()
    {
        var corpus = Corpus();
        foreach (var folder in new[] { "documents", "heldout" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(corpus, folder)))
            {
                var truth = Path.Combine(corpus, "truth", Path.GetFileNameWithoutExtension(file) + ".json");
                Assert.True(File.Exists(truth), truth);
                using var json = JsonDocument.Parse(File.ReadAllText(truth));
                var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                Assert.All(keys, k => Assert.Contains(k, ExtractCommands.Keys));
                Assert.All(json.RootElement.GetProperty("consistency").EnumerateObject(), p => Assert.Contains(p.Name, ExtractCommands.ConsistencyKeys));
            }
        }
    }

    [Fact]
    public void A_wrong_truth_fails_below_the_threshold_and_lists_the_miss()
    {
        var root = Directory.CreateTempSubdirectory("lvyue-eval-");
        try
        {
            var docs = Directory.CreateDirectory(Path.Combine(root.FullName, "documents"));
            var truths = Directory.CreateDirectory(Path.Combine(root.FullName, "truth"));
            File.WriteAllText(Path.Combine(docs.FullName, "a.txt"), "服务合同\n合同编号：A-1\n合同金额：人民币10,000.00元\n");
            File.WriteAllText(Path.Combine(truths.FullName, "a.json"), """{"contractNumber":"A-1","amountTotal":20000,"taxRate":null}""");
            var (code, output, _) = Run("eval", "extract", docs.FullName, "--misses");
            Assert.Equal(1, code);
            var table = Table(output);
            Assert.Equal(1.0, table["contractNumber"]);
            Assert.Equal(0.0, table["amountTotal"]);
            Assert.Equal(1.0, table["taxRate"]);
            Assert.Contains("a.txt  amountTotal: expected 20000, got 10000.00", output);
            Assert.EndsWith("FAIL", output.TrimEnd());

            var (lenient, _, _) = Run("eval", "extract", docs.FullName, "--threshold", "0");
            Assert.Equal(0, lenient);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_document_without_truth_cannot_pass()
    {
        var root = Directory.CreateTempSubdirectory("lvyue-eval-");
        try
        {
            var docs = Directory.CreateDirectory(Path.Combine(root.FullName, "documents"));
            File.WriteAllText(Path.Combine(docs.FullName, "a.txt"), "服务合同\n");
            var (code, _, error) = Run("eval", "extract", docs.FullName);
            Assert.Equal(1, code);
            Assert.Contains("no ground truth for a.txt", error);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Precision_counts_wrong_values_and_recall_counts_missed_ones()
    {
        var score = new ExtractionScore();
        void Add(string truth, string got)
        {
            using var t = JsonDocument.Parse(truth);
            using var g = JsonDocument.Parse(got);
            score.Add("d", t.RootElement, g.RootElement);
        }
        Add("""{"x":1,"p":{"name":"甲"}}""", """{"x":1.00,"p":{"name":"甲"}}""");   // right
        Add("""{"x":1,"p":{"name":"甲"}}""", """{"x":2,"p":{"name":null}}""");      // wrong value, missed value
        Add("""{"x":null,"p":{"name":null}}""", """{"x":3,"p":{"name":null}}""");   // spurious value, right null
        Add("""{"x":4,"p":{"name":"乙"}}""", """{"x":null,"p":{"name":"乙"}}""");   // missed value, right
        var x = score.Fields["x"];
        Assert.Equal((4, 1, 1, 3, 3), (x.Total, x.Exact, x.TruePositives, x.Predicted, x.Relevant));
        Assert.Equal(1 / 3.0, x.Precision, 6);
        Assert.Equal(1 / 3.0, x.Recall, 6);
        Assert.Equal(0.25, x.Accuracy, 6);
        var name = score.Fields["p.name"];
        Assert.Equal((1.0, 2 / 3.0, 0.75), (name.Precision, name.Recall, name.Accuracy));
        Assert.Equal(3, score.Misses.Count(m => m.Field == "x"));
    }

    [Fact]
    public void A_schedule_is_right_only_when_every_installment_is()
    {
        using var want = JsonDocument.Parse("""[{"sequence":1,"percent":30,"trigger":"signing"},{"sequence":2,"percent":70,"trigger":"acceptance"}]""");
        using var same = JsonDocument.Parse("""[{"sequence":1,"percent":30.0,"trigger":"signing","extra":1},{"sequence":2,"percent":70,"trigger":"acceptance"}]""");
        using var other = JsonDocument.Parse("""[{"sequence":1,"percent":30,"trigger":"signing"},{"sequence":2,"percent":70,"trigger":"other"}]""");
        using var shorter = JsonDocument.Parse("""[{"sequence":1,"percent":30,"trigger":"signing"}]""");
        Assert.True(ExtractionScore.Same(want.RootElement, same.RootElement));
        Assert.False(ExtractionScore.Same(want.RootElement, other.RootElement));
        Assert.False(ExtractionScore.Same(want.RootElement, shorter.RootElement));
    }
}
