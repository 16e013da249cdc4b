using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Rules;

/// <summary>Rule files that must be refused, each error with its file and line; and what a loaded set promises.</summary>
public sealed class RuleLoaderTests
{
    private const string Good = """
        group: general
        severity: low
        rules:
          - id: GEN-TEST-001
            scope: [payment]
            condition: {text: [若干]}
            message: {zh: 付款约定含糊, en: Vague payment term}
            examples:
              trigger: ["第三条 付款方式\n甲方分若干期支付合同价款。"]
              pass: ["第三条 付款方式\n甲方分两期支付合同价款。"]
        """;

    private static RuleLoadException Refused(string yaml, bool checkExamples = true) =>
        Assert.Throws<RuleLoadException>(() => RuleLibrary.Load([new RuleFile("general/test.yaml", yaml)], checkExamples));

    [Fact]
    public void A_good_file_loads_and_its_version_is_a_stable_hash_of_the_files()
    {
        var a = RuleLibrary.Load([new RuleFile("general/test.yaml", Good)]);
        var b = RuleLibrary.Load([new RuleFile("general/test.yaml", Good)]);
        var c = RuleLibrary.Load([new RuleFile("general/test.yaml", Good.Replace("若干期", "若干期 "))], checkExamples: false);
        Assert.Single(a.Rules);
        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
        Assert.Matches("^[0-9a-f]{16}$", a.Version);
    }

    [Fact]
    public void A_yaml_syntax_error_is_refused_with_file_and_line()
    {
        var e = Refused(Good.Replace("    condition: {text: [若干]}", "    condition: {text: [若干]"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("general/test.yaml", error.File);
        Assert.InRange(error.Line, 6, 7);
        Assert.Contains("YAML syntax error", error.Reason);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_its_line()
    {
        var e = Refused(Good.Replace("    message:", "    severty: high\n    message:"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown field 'severty'", error.Reason);
    }

    [Fact]
    public void An_unknown_condition_kind_and_an_unknown_clause_type_are_refused()
    {
        var e = Refused(Good.Replace("{text: [若干]}", "{txt: [若干]}").Replace("scope: [payment]", "scope: [paymnt]"));
        Assert.Contains(e.Errors, x => x.Line == 5 && x.Reason.Contains("unknown clause type 'paymnt'"));
        Assert.Contains(e.Errors, x => x.Line == 6 && x.Reason.Contains("unknown condition"));
    }

    [Theory]
    [InlineData(@"(a+)+b", "nested quantifier")]
    [InlineData(@"(\d*x?)*y", "nested quantifier")]
    [InlineData(@"(?:付款|支付){2,}(.+)+", "nested quantifier")]
    [InlineData(@"(付款)\1", "needs backtracking")]
    [InlineData(@"(?<=甲方)付款", "needs backtracking")]
    [InlineData(@"付款[", "invalid regex")]
    public void A_regex_that_can_backtrack_catastrophically_or_needs_backtracking_is_refused(string pattern, string reason)
    {
        var e = Refused(Good.Replace("{text: [若干]}", "{regex: '" + pattern + "'}"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Failing_examples_are_refused_with_the_line_of_each_example()
    {
        var e = Refused(Good.Replace("甲方分两期支付合同价款。", "甲方分若干期支付合同价款，每期若干元。").Replace("甲方分若干期支付合同价款。\"]", "甲方按进度支付合同价款。\"]"));
        Assert.Equal(2, e.Errors.Count);
        Assert.Equal((9, "GEN-TEST-001: trigger example does not trigger the rule"), (e.Errors[0].Line, e.Errors[0].Reason));
        Assert.Equal(10, e.Errors[1].Line);
        Assert.Contains("pass example triggers the rule", e.Errors[1].Reason);
    }

    [Fact]
    public void A_rule_without_a_pass_example_an_unknown_field_name_and_a_duplicate_id_are_refused()
    {
        var noPass = Good.Replace("      pass: [\"第三条 付款方式\\n甲方分两期支付合同价款。\"]", "");
        Assert.Contains(Refused(noPass, false).Errors, x => x.Reason.Contains("at least one 'pass'"));
        var badField = Good.Replace("{text: [若干]}", "{field: bondPercent, gt: 10}");
        Assert.Contains(Refused(badField, false).Errors, x => x.Line == 6 && x.Reason.Contains("unknown field 'bondPercent'"));
        var e = Assert.Throws<RuleLoadException>(() => RuleLibrary.Load(
            [new RuleFile("a.yaml", Good), new RuleFile("b.yaml", Good)], checkExamples: false));
        Assert.Contains(e.Errors, x => x.File == "b.yaml" && x.Line == 4 && x.Reason.Contains("duplicate rule id GEN-TEST-001 (first at a.yaml:4)"));
    }

    [Fact]
    public void A_refused_folder_leaves_the_running_set_as_it_was()
    {
        var running = RuleLibrary.Default;
        var dir = Directory.CreateTempSubdirectory("lvyue-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "bad.yaml"), "rules: [");
            var e = Assert.Throws<RuleLoadException>(() => RuleLibrary.LoadFolder(dir.FullName));
            Assert.Equal("bad.yaml", e.Errors[0].File);
            Assert.Same(running, RuleLibrary.Default);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
