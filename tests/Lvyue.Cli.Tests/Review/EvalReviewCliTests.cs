using System.CommandLine;
using System.Text.Json;
using Lvyue.Review.Rules;

namespace Lvyue.Cli.Tests.Review;

/// <summary>
/// <c>lvyue eval review</c>: the labelled review corpus meets the target (precision and recall ≥ 0.95 per group,
/// no hit above low on a clean contract), and the scorer fails when a label is not found or a clean contract has a finding.
/// </summary>
public sealed class EvalReviewCliTests
{
    private static string Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "corpus", "review");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_corpus_has_defects_of_every_group_and_clean_contracts_in_txt_and_docx()
    {
        var corpus = Corpus();
        var truths = Directory.GetFiles(Path.Combine(corpus, "truth"), "*.json").Select(ReviewTruth.Read).ToList();
        var documents = Directory.GetFiles(Path.Combine(corpus, "documents"));
        Assert.Equal(documents.Length, truths.Count);
        Assert.True(truths.Count(t => !t.Clean && t.Defects.Count > 0) >= 40);
        Assert.True(truths.Count(t => t.Clean && t.Defects.Count == 0) >= 10);
        foreach (var group in RuleGroups.All) Assert.True(truths.SelectMany(t => t.Defects).Count(d => d.Group == group) >= 10, group);
        Assert.Contains(documents, d => d.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.EndsWith(".docx", StringComparison.Ordinal));
    }

    [Fact]
    public void The_corpus_meets_the_target_in_every_group()
    {
        var (code, output, error) = Run("eval", "review", "--corpus", Corpus(), "--json");
        Assert.True(code == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("pass").GetBoolean());
        Assert.Equal(0, root.GetProperty("cleanViolations").GetInt32());
        Assert.True(root.GetProperty("documents").GetInt32() >= 50);
        foreach (var group in RuleGroups.All)
        {
            var g = root.GetProperty("groups").GetProperty(group);
            Assert.True(g.GetProperty("labels").GetInt32() > 0, group);
            Assert.True(g.GetProperty("precision").GetDouble() >= 0.95, $"{group} precision\n{output}");
            Assert.True(g.GetProperty("recall").GetDouble() >= 0.95, $"{group} recall\n{output}");
        }
    }

    [Fact]
    public void A_label_no_rule_finds_is_a_miss_and_fails_the_target()
    {
        var dir = CopyOf(["clean"], out var names);
        // A defect a reviewer would flag in words no rule of the library knows: the label must be reported as missed.
        var name = names[0];
        var doc = Path.Combine(dir, "documents", name + ".txt");
        File.WriteAllText(doc, File.ReadAllText(doc).Replace("第一条 合同标的", "第一条 合同标的\n甲方同意本项目的一切风险均由甲方兜底。"));
        File.WriteAllText(Path.Combine(dir, "truth", name + ".json"),
            """{"clean": false, "defects": [{"group": "severe", "quote": "甲方同意本项目的一切风险均由甲方兜底"}]}""");
        var (code, output, _) = Run("eval", "review", "--corpus", dir);
        Assert.Equal(1, code);
        Assert.Contains("Misses (1):", output);
        Assert.Contains("甲方同意本项目的一切风险均由甲方兜底", output);
        Assert.EndsWith("FAIL", output.TrimEnd());
        var (_, jsonOutput, _) = Run("eval", "review", "--corpus", dir, "--json");
        using var json = JsonDocument.Parse(jsonOutput);
        Assert.Equal(0, json.RootElement.GetProperty("groups").GetProperty("severe").GetProperty("recall").GetDouble());
        Assert.Equal("severe", Assert.Single(json.RootElement.GetProperty("misses").EnumerateArray()).GetProperty("group").GetString());
    }

    [Fact]
    public void A_finding_on_a_clean_contract_is_a_false_positive_and_fails_the_target()
    {
        var dir = CopyOf(["clean"], out var names);
        var name = names[0];
        var doc = Path.Combine(dir, "documents", name + ".txt");
        // The contract still says it is clean, but now takes its disputes to the supplier's court.
        File.WriteAllText(doc, File.ReadAllText(doc).Replace("向甲方所在地人民法院提起诉讼", "向乙方所在地人民法院提起诉讼"));
        var (code, output, _) = Run("eval", "review", "--corpus", dir, "--json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("pass").GetBoolean());
        Assert.True(root.GetProperty("cleanViolations").GetInt32() >= 1);
        var fp = Assert.Single(root.GetProperty("falsePositives").EnumerateArray(), f => f.GetProperty("group").GetString() == "severe");
        Assert.True(fp.GetProperty("cleanContract").GetBoolean());
        Assert.Contains("乙方所在地", fp.GetProperty("excerpt").GetString());
        Assert.True(root.GetProperty("groups").GetProperty("severe").GetProperty("precision").GetDouble() < 0.95);
    }

    [Fact]
    public void A_hit_matches_a_label_by_group_and_overlap_or_by_the_missing_clause_type()
    {
        var label = new ReviewLabel("severe", null, "x", null, null, null, null);
        ReviewHit Hit(string group, int? s, int? e, string? type = null) =>
            new("R-1", group, "high", type, s, e, null, new RuleMessage("", ""), null, null);
        Assert.True(ReviewEvaluation.Matches(Hit("severe", 10, 20), label, 15, 30));
        Assert.False(ReviewEvaluation.Matches(Hit("severe", 10, 15), label, 15, 30));
        Assert.False(ReviewEvaluation.Matches(Hit("general", 10, 20), label, 15, 30));
        var missing = new ReviewLabel("missing", null, null, "dispute", null, null, null);
        Assert.True(ReviewEvaluation.Matches(Hit("missing", null, null, "dispute"), missing, -1, -1));
        Assert.False(ReviewEvaluation.Matches(Hit("missing", null, null, "integrity"), missing, -1, -1));
        Assert.Throws<InvalidDataException>(() => ReviewEvaluation.Locate(new ReviewLabel("general", null, "不存在的文字", null, null, null, null), "合同文本", "x"));
    }

    /// <summary>A private copy of the clean .txt contracts of the corpus (with their truth).</summary>
    private static string CopyOf(string[] kinds, out List<string> names)
    {
        var corpus = Corpus();
        var dir = Path.Combine(Path.GetTempPath(), "lvyue-eval-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "documents"));
        Directory.CreateDirectory(Path.Combine(dir, "truth"));
        names = [];
        foreach (var truth in Directory.GetFiles(Path.Combine(corpus, "truth"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(truth);
            var doc = Path.Combine(corpus, "documents", name + ".txt");
            if (!File.Exists(doc) || !kinds.Contains(ReviewTruth.Read(truth).Clean ? "clean" : "defect")) continue;
            var text = File.ReadAllText(doc);
            if (!text.Contains("第一条 合同标的", StringComparison.Ordinal) || !text.Contains("向甲方所在地人民法院", StringComparison.Ordinal)) continue;
            File.Copy(doc, Path.Combine(dir, "documents", name + ".txt"));
            File.Copy(truth, Path.Combine(dir, "truth", name + ".json"));
            names.Add(name);
        }
        Assert.NotEmpty(names);
        return dir;
    }
}
