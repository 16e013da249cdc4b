using System.CommandLine;
using Lvyue.Review.Rules;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue rules test</c> (every example of every rule; prints each failure and <c>N passed, N failed</c>) and
/// <c>lvyue rules list --json</c> (one object per rule: id, group, severity, appliesTo, basis, examples). Both read the
/// embedded library, or a folder with <c>--rules DIR</c>.
/// </summary>
public static class RulesCommands
{
    /// <summary>The <c>--rules DIR</c> option shared by the review and rules commands.</summary>
    public static Option<string?> RulesOption() =>
        new("--rules") { Description = "A folder of rule files (*.yaml) instead of the embedded library" };

    public static Command Build()
    {
        var rulesTest = RulesOption();
        var test = new Command("test", "Run every example of every rule: each must-trigger text must trigger, each pass text must not") { rulesTest };
        test.SetAction(r => Test(r, r.GetValue(rulesTest)));
        var rulesList = RulesOption();
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var list = new Command("list", "List the rules") { rulesList, json };
        list.SetAction(r => List(r, r.GetValue(rulesList), r.GetValue(json)));
        return new Command("rules", "The review rule library") { test, list };
    }

    /// <summary>Loads the embedded library or <paramref name="folder"/> without running examples; prints load errors.</summary>
    public static bool TryLoad(string? folder, TextWriter error, out RuleSet set, bool checkExamples = false)
    {
        try
        {
            set = folder is null ? RuleLibrary.Default : RuleLibrary.LoadFolder(folder, checkExamples);
            return true;
        }
        catch (RuleLoadException e)
        {
            foreach (var x in e.Errors) error.WriteLine(x.ToString());
            error.WriteLine($"rules: refused, {e.Errors.Count} error(s) / 规则集加载失败");
            set = null!;
            return false;
        }
        catch (IOException e)
        {
            error.WriteLine($"rules: {e.Message}");
            set = null!;
            return false;
        }
    }

    private static int Test(ParseResult r, string? folder)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        RuleSet set;
        try
        {
            set = folder is null ? RuleLibrary.Load(RuleLibrary.EmbeddedFiles(), checkExamples: false) : RuleLibrary.LoadFolder(folder, checkExamples: false);
        }
        catch (RuleLoadException e)
        {
            foreach (var x in e.Errors) output.WriteLine("LOAD " + x);
            output.WriteLine($"0 passed, {e.Errors.Count} failed");
            return 1;
        }
        var (passed, failures) = RuleLibrary.RunExamples(set);
        foreach (var f in failures) output.WriteLine("FAIL " + f);
        error.WriteLine($"{set.Rules.Count} rules, {passed + failures.Count} examples, rule set {set.Version}");
        output.WriteLine($"{passed} passed, {failures.Count} failed");
        return failures.Count == 0 ? 0 : 1;
    }

    private static int List(ParseResult r, string? folder, bool json)
    {
        var output = r.InvocationConfiguration.Output;
        if (!TryLoad(folder, r.InvocationConfiguration.Error, out var set)) return 2;
        foreach (var rule in set.Rules)
            output.WriteLine(json ? ReviewReportJson.WriteRule(rule)
                : $"{rule.Id}\t{rule.Group}\t{rule.Severity}\t{rule.Message.Zh}\t{rule.Basis}");
        return 0;
    }
}
