using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Rules;

/// <summary>Every example of every rule in the embedded library (rules/ at the repository root), one case each.</summary>
public sealed class RuleExampleTests
{
    private static readonly RuleSet Library = RuleLibrary.Load(RuleLibrary.EmbeddedFiles(), checkExamples: false);

    /// <summary>(rule id, example index, trigger or pass) for every example.</summary>
    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var rule in Library.Rules)
            for (var i = 0; i < rule.Examples.Count; i++)
                data.Add(rule.Id, i, rule.Examples[i].MustTrigger ? "trigger" : "pass");
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_behaves_as_it_says(string ruleId, int index, string kind)
    {
        var rule = Library.Rules.Single(r => r.Id == ruleId);
        var example = rule.Examples[index];
        var hits = Library.Run(rule, example);
        if (kind == "trigger") Assert.True(hits.Count > 0, $"{rule.File}:{example.Line}: {ruleId} must trigger on: {example.Text}");
        else Assert.True(hits.Count == 0, $"{rule.File}:{example.Line}: {ruleId} must not trigger on: {example.Text} (hit: {hits.FirstOrDefault()?.Excerpt})");
    }

    [Fact]
    public void The_library_loads_with_every_example_checked_and_every_rule_has_both_kinds_of_example()
    {
        var set = RuleLibrary.Load(RuleLibrary.EmbeddedFiles(), checkExamples: true);
        Assert.True(set.Rules.Count >= 100, $"{set.Rules.Count} rules");
        Assert.All(set.Rules, r =>
        {
            Assert.Contains(r.Examples, e => e.MustTrigger);
            Assert.Contains(r.Examples, e => !e.MustTrigger);
        });
        Assert.Equal(set.Rules.Count, set.Rules.Select(r => r.Id).Distinct().Count());
        foreach (var g in RuleGroups.All) Assert.Contains(set.Rules, r => r.Group == g);
    }

    [Fact]
    public void No_two_rules_share_an_example_text()
    {
        var dupes = Library.Rules.SelectMany(r => r.Examples.Where(e => e.MustTrigger).Select(e => (r.Id, Text: e.Text.Trim())))
            .GroupBy(x => x.Text).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(x => x.Id))).ToList();
        Assert.True(dupes.Count == 0, "rules sharing a trigger example (near-duplicate rules?): " + string.Join("; ", dupes));
    }
}
