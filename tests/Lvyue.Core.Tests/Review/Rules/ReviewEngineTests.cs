using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Rules;

/// <summary>The condition kinds and the report, on small rule sets written for each case.</summary>
public sealed class ReviewEngineTests
{
    private const string Contract = """
        政府采购合同
        甲方（采购人）：某市教育局
        乙方（供应商）：某某科技有限公司
        第一条 合同标的
        乙方向甲方提供教学设备一批。
        第二条 付款方式
        合同签订后10日内，甲方支付合同金额的30%作为预付款；验收合格后三十日内支付剩余70%。
        第三条 验收
        甲方收到货物后组织验收，以甲方满意为准。
        第四条 违约责任
        乙方逾期交货的，每日按合同金额的万分之五支付违约金。
        """;

    private static RuleSet Set(string conditionYaml, string scope = "", string group = "general") =>
        RuleLibrary.Load([new RuleFile("t.yaml", $$"""
            rules:
              - id: GEN-T-001
                group: {{group}}
                severity: medium
                {{(scope.Length > 0 ? "scope: [" + scope + "]" : "")}}
                condition: {{conditionYaml}}
                message: {zh: 测试, en: test}
                examples: {trigger: [x], pass: [y]}
            """)], checkExamples: false);

    private static IReadOnlyList<ReviewHit> Hits(string conditionYaml, string scope = "", string text = Contract, string group = "general") =>
        Set(conditionYaml, scope, group).ReviewText(text).Hits;

    [Fact]
    public void A_literal_in_scope_hits_with_the_sentence_as_span_and_excerpt()
    {
        var hit = Assert.Single(Hits("{text: [以甲方满意为准]}", "acceptance"));
        Assert.Equal("acceptance", hit.ClauseType);
        Assert.Equal("甲方收到货物后组织验收,以甲方满意为准。", hit.Excerpt); // the normalized text: ， is ,
        var text = Lvyue.Review.TextNormalizer.NormalizeText(Contract);
        Assert.Equal(hit.Excerpt, text[hit.Start!.Value..hit.End!.Value]);
    }

    [Fact]
    public void A_literal_outside_the_scope_does_not_hit()
    {
        Assert.Empty(Hits("{text: [以甲方满意为准]}", "payment"));
        Assert.Single(Hits("{text: [以甲方满意为准]}"));
    }

    [Fact]
    public void Negation_reads_the_same_clause()
    {
        Assert.Single(Hits("{all: [{text: [预付款]}, {not: {text: [保函]}}]}", "payment"));
        Assert.Empty(Hits("{all: [{text: [预付款]}, {not: {text: [违约金]}}]}"));
        Assert.Single(Hits("{all: [{text: [预付款]}, {not: {text: [违约金]}}]}", "payment"));
        Assert.Empty(Hits("{all: [{text: [预付款]}, {not: {anywhere: {text: [违约金]}}}]}", "payment"));
    }

    [Fact]
    public void Proximity_needs_both_literals_within_the_distance()
    {
        Assert.Single(Hits("{near: {a: [验收合格], b: [支付剩余], within: 8}}"));
        Assert.Empty(Hits("{near: {a: [合同签订], b: [支付剩余], within: 8}}"));
    }

    [Fact]
    public void A_regex_compares_its_captured_number_arabic_or_chinese()
    {
        Assert.Single(Hits(@"{regex: '验收合格后(?<n>[一二三四五六七八九十\d]+)日内', gt: 29}", "payment"));
        Assert.Empty(Hits(@"{regex: '验收合格后(?<n>[一二三四五六七八九十\d]+)日内', gt: 30}", "payment"));
        Assert.Single(Hits(@"{regex: '支付合同金额的(\d+)%', gte: 30, lt: 31}", "payment"));
    }

    [Fact]
    public void Fields_and_facts_come_from_the_ledger_extraction()
    {
        var hit = Assert.Single(Hits("{field: prepaymentPercent, gt: 20}"));
        Assert.Contains("30%", hit.Excerpt);
        Assert.Empty(Hits("{field: prepaymentPercent, gt: 30}"));
        Assert.Single(Hits("{field: ldRatePerDay, eq: 0.0005}"));
        Assert.Empty(Hits("{fact: installmentsNot100}"));
        Assert.Single(Hits("{fact: installmentsNot100}", text: Contract.Replace("剩余70%", "剩余60%")));
    }

    [Fact]
    public void A_missing_clause_has_no_span_and_names_the_absent_type()
    {
        var hit = Assert.Single(Hits("{missing: [dispute]}", group: "missing"));
        Assert.Equal(("dispute", null, null, null), (hit.ClauseType, hit.Start, hit.End, hit.Excerpt));
        Assert.Empty(Hits("{missing: [breach]}", group: "missing"));
        Assert.Equal(1, Set("{missing: [dispute]}", group: "missing").ReviewText(Contract).Summary["missing"]);
    }

    [Fact]
    public void Any_takes_the_earliest_span_and_present_points_at_the_heading()
    {
        var hit = Assert.Single(Hits("{any: [{text: [违约金]}, {text: [预付款]}]}"));
        Assert.Contains("预付款", hit.Excerpt);
        var present = Assert.Single(Hits("{all: [{present: [breach]}, {not: {text: [上限]}}]}"));
        Assert.Equal("breach", present.ClauseType);
        Assert.Equal("第四条 违约责任", present.Excerpt);
    }

    [Fact]
    public void AppliesTo_filters_by_the_context_an_unknown_category_does_not_match_and_an_unknown_sme_does()
    {
        var set = RuleLibrary.Load([new RuleFile("t.yaml", """
            rules:
              - id: CMP-T-001
                group: compliance
                severity: high
                appliesTo: {categories: [works], sme: true}
                condition: {text: [预付款]}
                message: {zh: 测试, en: test}
                examples: {trigger: [x], pass: [y]}
            """)], checkExamples: false);
        Assert.Empty(set.ReviewText(Contract, new ReviewContext("goods")).Hits);
        Assert.Single(set.ReviewText(Contract, new ReviewContext("works")).Hits);
        Assert.Empty(set.ReviewText(Contract, new ReviewContext("works", Sme: false)).Hits);
        Assert.Single(set.ReviewText(Contract, new ReviewContext("works", Sme: true)).Hits);
        Assert.Empty(set.ReviewText("第一条 付款\n合同签订后支付预付款。").Hits); // no category stated or given
        Assert.Single(set.ReviewText("第一条 付款\n合同签订后支付预付款。", new ReviewContext("works")).Hits); // SME unknown
    }

    [Fact]
    public void A_document_with_no_text_is_reported_unread_not_passed()
    {
        var report = Set("{missing: [dispute]}").ReviewText(" \n ");
        Assert.NotNull(report.Error);
        Assert.Empty(report.Hits);
        var json = ReviewReportJson.Write(report);
        Assert.Contains("\"error\":", json);
        Assert.Contains("\"summary\":null", json);
    }

    [Fact]
    public void The_automaton_finds_exactly_what_a_naive_search_finds()
    {
        var rng = new Random(7);
        const string alphabet = "甲乙方付款验收合格日内";
        for (var round = 0; round < 200; round++)
        {
            var literals = Enumerable.Range(0, rng.Next(1, 12))
                .Select(_ => new string(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()))
                .Distinct().ToList();
            var text = new string(Enumerable.Range(0, rng.Next(0, 60)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var hits = new LiteralAutomaton(literals).Scan(text);
            for (var id = 0; id < literals.Count; id++)
            {
                var expected = Enumerable.Range(0, text.Length).Where(i => string.CompareOrdinal(text, i, literals[id], 0, literals[id].Length) == 0
                    && i + literals[id].Length <= text.Length).ToList();
                Assert.Equal(expected, hits[id] ?? []);
            }
        }
    }

    [Theory]
    [InlineData("十五", 15)]
    [InlineData("三十", 30)]
    [InlineData("一百零五", 105)]
    [InlineData("两", 2)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("零点五", 0.5)]
    public void Captured_numbers_read_arabic_and_chinese(string s, double expected) =>
        Assert.True(NumberParser.TryParse(s, out var v) && v == (decimal)expected, $"{s} → {v}");
}
