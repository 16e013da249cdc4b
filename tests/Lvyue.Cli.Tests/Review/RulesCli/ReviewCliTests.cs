using System.CommandLine;
using System.Text.Json;
using Lvyue.Review.Rules;

namespace Lvyue.Cli.Tests.Review.RulesCli;

/// <summary>
/// <c>lvyue review FILE|DIR --json</c>, <c>lvyue rules test</c> and <c>lvyue rules list --json</c>: exact output
/// formats other tools consume, the commands run in-process against the embedded library.
/// </summary>
public sealed class ReviewCliTests
{
    private static readonly string[] ReportKeys = ["ruleSetVersion", "elapsedMs", "hits", "summary"];
    private static readonly string[] HitKeys = ["ruleId", "group", "severity", "clauseType", "start", "end", "excerpt", "message", "basis", "suggestion"];
    private static readonly string[] SummaryKeys = ["compliance", "severe", "general", "missing"];
    private static readonly string[] RuleKeys = ["id", "group", "severity", "appliesTo", "basis", "examples"];

    private const string Defective = """
        某市政府采购合同
        甲方：某市教育局
        乙方：某某科技有限公司
        第一条 合同标的
        乙方向甲方提供教学设备一批，合同金额为人民币100万元。
        第二条 履约保证金
        乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金。
        第三条 付款方式
        验收合格后30日内，甲方支付合同金额的100%。
        """;

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    private static DirectoryInfo Temp() => Directory.CreateTempSubdirectory("lvyue-review-");

    [Fact]
    public void Review_json_prints_one_object_with_the_contract_keys_and_a_bond_hit()
    {
        var dir = Temp();
        try
        {
            var file = Path.Combine(dir.FullName, "c.txt");
            File.WriteAllText(file, Defective);
            var (code, output, error) = Run("review", file, "--json");
            Assert.Equal((0, ""), (code, error));
            Assert.Single(output.TrimEnd().Split('\n'));
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(ReportKeys, Keys(root));
            Assert.Equal(RuleLibrary.Default.Version, root.GetProperty("ruleSetVersion").GetString());
            Assert.Equal(SummaryKeys, Keys(root.GetProperty("summary")));
            var hits = root.GetProperty("hits").EnumerateArray().ToList();
            Assert.All(hits, h => Assert.Equal(HitKeys, Keys(h)));
            var bond = Assert.Single(hits, h => h.GetProperty("ruleId").GetString() == "CMP-BOND-001");
            Assert.Equal(("compliance", "high", "performance_bond"), (bond.GetProperty("group").GetString(),
                bond.GetProperty("severity").GetString(), bond.GetProperty("clauseType").GetString()));
            Assert.Equal("乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金。", bond.GetProperty("excerpt").GetString());
            var text = Lvyue.Review.TextNormalizer.NormalizeText(Defective);
            Assert.Equal(bond.GetProperty("excerpt").GetString(), text[bond.GetProperty("start").GetInt32()..bond.GetProperty("end").GetInt32()]);
            Assert.Equal("政府采购法实施条例 第四十八条", bond.GetProperty("basis").GetString());
            var missing = hits.Where(h => h.GetProperty("group").GetString() == "missing").ToList();
            Assert.NotEmpty(missing);
            Assert.All(missing, h =>
            {
                Assert.Equal(JsonValueKind.Null, h.GetProperty("start").ValueKind);
                Assert.Equal(JsonValueKind.Null, h.GetProperty("end").ValueKind);
                Assert.Equal(JsonValueKind.String, h.GetProperty("clauseType").ValueKind);
            });
            foreach (var g in SummaryKeys)
                Assert.Equal(hits.Count(h => h.GetProperty("group").GetString() == g), root.GetProperty("summary").GetProperty(g).GetInt32());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Review_of_a_folder_prints_one_line_per_file_with_file_first_and_an_unreadable_file_as_an_error_report()
    {
        var dir = Temp();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), Defective);
            File.WriteAllBytes(Path.Combine(dir.FullName, "b.docx"), [0x50, 0x4b, 1, 2, 3]);
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "");
            var (code, output, error) = Run("review", dir.FullName, "--json");
            Assert.Equal(1, code);
            Assert.Contains("3/3", error);
            var lines = output.TrimEnd().Split('\n');
            Assert.Equal(3, lines.Length);
            using var a = JsonDocument.Parse(lines[0]);
            Assert.Equal(["file", .. ReportKeys], Keys(a.RootElement));
            Assert.Equal("a.txt", a.RootElement.GetProperty("file").GetString());
            foreach (var (line, name) in new[] { (lines[1], "b.docx"), (lines[2], "c.txt") })
            {
                using var bad = JsonDocument.Parse(line);
                Assert.Equal(["file", "ruleSetVersion", "elapsedMs", "error", "hits", "summary"], Keys(bad.RootElement));
                Assert.Equal(name, bad.RootElement.GetProperty("file").GetString());
                Assert.Empty(bad.RootElement.GetProperty("hits").EnumerateArray());
                Assert.Equal(JsonValueKind.Null, bad.RootElement.GetProperty("summary").ValueKind);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Rules_test_runs_every_example_and_prints_the_count_line()
    {
        var (code, output, _) = Run("rules", "test");
        var examples = RuleLibrary.Default.Rules.Sum(r => r.Examples.Count);
        Assert.Equal(0, code);
        Assert.Equal($"{examples} passed, 0 failed", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Rules_test_on_a_folder_lists_each_failing_example_with_file_and_line()
    {
        var dir = Temp();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "t.yaml"), """
                rules:
                  - id: GEN-T-001
                    group: general
                    severity: low
                    condition: {text: [若干]}
                    message: {zh: 含糊, en: vague}
                    examples:
                      trigger: ["分若干期支付。", "分两期支付。"]
                      pass: ["分三期支付。"]
                """);
            var (code, output, _) = Run("rules", "test", "--rules", dir.FullName);
            Assert.Equal(1, code);
            var lines = output.TrimEnd().Split('\n');
            Assert.Equal("FAIL t.yaml:8: GEN-T-001: trigger example does not trigger the rule", lines[0]);
            Assert.Equal("2 passed, 1 failed", lines[^1]);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Rules_list_json_prints_one_object_per_rule()
    {
        var (code, output, error) = Run("rules", "list", "--json");
        Assert.Equal((0, ""), (code, error));
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(RuleLibrary.Default.Rules.Count, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(RuleKeys, Keys(json.RootElement));
            Assert.Equal(["categories", "subcategories", "methods", "sme"], Keys(json.RootElement.GetProperty("appliesTo")));
            Assert.True(json.RootElement.GetProperty("examples").GetInt32() >= 2);
        }
        using var first = JsonDocument.Parse(lines.Single(l => l.Contains("\"CMP-BOND-001\"")));
        Assert.Equal("政府采购法实施条例 第四十八条", first.RootElement.GetProperty("basis").GetString());
    }

    [Fact]
    public void A_rule_folder_that_does_not_load_is_refused_with_file_and_line()
    {
        var dir = Temp();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "bad.yaml"), "rules:\n  - id: GEN-T-001\n    colour: red\n");
            var file = Path.Combine(dir.FullName, "c.txt");
            File.WriteAllText(file, Defective);
            var (code, _, error) = Run("review", file, "--json", "--rules", dir.FullName);
            Assert.Equal(2, code);
            Assert.Contains("bad.yaml:3: unknown field 'colour'", error);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
