using System.Text.RegularExpressions;
using Lvyue.Review;
using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Rules;

/// <summary>The literal gates derived from regular expressions: every match must contain one of them.</summary>
public sealed class RegexLiteralsTests
{
    [Theory]
    [InlineData(@"履约保证金[^。]{0,20}(\d+)%", "履约保证金")]
    [InlineData(@"(回扣|返点)[^。]{0,10}给甲方", "给甲方")] // the longest required part wins
    [InlineData(@"(由乙方|乙方)(自行|负责)验收|(免于|无需)验收", "由乙方|乙方|免于|无需")]
    [InlineData(@"甲?方付款", "方付款")]
    [InlineData(@"(?:履约)?保证金(?<n>\d+)%", "保证金")]
    [InlineData(@"\d+日内", "日内")]
    public void A_required_literal_is_found(string pattern, string expected) =>
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), RegexLiterals.Required(pattern)!.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(@"甲方[^。]{0,10}付款", true)]
    [InlineData(@"甲方.{0,10}付款", false)]
    [InlineData(@"甲方[^;]{0,10}付款", false)]
    [InlineData(@"甲方\S+付款", false)]
    [InlineData(@"[\u4e00-\u9fa5]+仲裁委员会", false)]
    public void A_pattern_stays_within_a_sentence_only_when_it_cannot_match_the_full_stop(string pattern, bool expected) =>
        Assert.Equal(expected, RegexLiterals.WithinSentence(pattern));

    [Fact]
    public void Every_required_set_of_a_sequence_is_found() =>
        Assert.Equal(["履约保证金", "日内退还"], RegexLiterals.AllRequired(@"履约保证金[^。]{0,20}(\d+)日内退还").Select(s => Assert.Single(s)).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(@"(甲方)?\d+")]
    [InlineData(@"[甲乙]方|\d+")]
    [InlineData(@".+")]
    public void No_gate_when_nothing_is_required(string pattern) => Assert.Null(RegexLiterals.Required(pattern));

    [Fact]
    public void Every_match_of_every_library_regex_on_every_example_contains_a_gate_literal()
    {
        var patterns = RuleLibrary.EmbeddedFiles()
            .SelectMany(f => Regex.Matches(f.Content, @"regex: '((?:[^']|'')*)'").Select(m => m.Groups[1].Value.Replace("''", "'")))
            .Select(p => RuleFileParser.RegexText(p)!).Distinct().ToList();
        var texts = RuleLibrary.Default.Rules.SelectMany(r => r.Examples).Select(e => TextNormalizer.NormalizeText(e.Text)).ToList();
        Assert.NotEmpty(patterns);
        foreach (var pattern in patterns)
        {
            var regex = new Regex(pattern, RegexOptions.NonBacktracking);
            var within = RegexLiterals.WithinSentence(pattern);
            var gates = RegexLiterals.AllRequired(pattern);
            foreach (var text in texts)
                foreach (Match m in regex.Matches(text))
                {
                    foreach (var gate in gates)
                        Assert.True(gate.Any(g => m.Value.Contains(g, StringComparison.Ordinal)), $"{pattern} matched '{m.Value}' without any of {string.Join(",", gate)}");
                    if (within) Assert.DoesNotContain('。', m.Value);
                }
        }
    }
}
