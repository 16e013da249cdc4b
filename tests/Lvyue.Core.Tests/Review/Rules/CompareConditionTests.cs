using Lvyue.Review;
using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Rules;

/// <summary>The compare condition: captures against fields and each other, arithmetic, dates, tolerance, and its load errors.</summary>
public sealed class CompareConditionTests
{
    private const string Lease = """
        房屋租赁合同
        甲方（承租方）：某市教育局
        乙方（出租方）：某某置业有限公司
        第一条 租赁期限
        租赁期限为12个月，自2026年1月1日起至2026年12月31日止。
        第二条 租金及押金
        月租金为人民币10,000元，合同总价为人民币120,000.00元。甲方于签约时向乙方支付押金人民币30,000元。
        第三条 付款方式
        甲方于2026年6月30日前支付50%；于2027年1月31日前支付剩余50%。
        """;

    private static RuleSet Set(string conditionYaml, string scope = "") =>
        RuleLibrary.Load([new RuleFile("t.yaml", $$"""
            rules:
              - id: GEN-T-001
                group: general
                severity: medium
                {{(scope.Length > 0 ? "scope: [" + scope + "]" : "")}}
                condition: {{conditionYaml}}
                message: {zh: 测试, en: test}
                examples: {trigger: [x], pass: [y]}
            """)], checkExamples: false);

    private static IReadOnlyList<ReviewHit> Hits(string conditionYaml, string text = Lease, string scope = "") =>
        Set(conditionYaml, scope).ReviewText(text).Hits;

    private const string Rent = @"rent: {regex: '月租金(为|:)?[^。;\d\n]{0,8}(?<n>\d[\d,]*(\.\d+)?万?) *元'}";

    [Fact]
    public void A_captured_amount_times_a_field_compares_with_another_field()
    {
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal}}}}"));
        var hit = Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal}}}}",
            Lease.Replace("120,000.00元", "130,000.00元")));
        Assert.Contains("月租金为人民币10,000元", hit.Excerpt); // the left side's first value gives the span
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, eq: amountTotal}}}}"));
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent × termMonths, eq: amountTotal}}}}")); // × works like *
    }

    [Fact]
    public void Two_captures_compare_with_a_ratio_and_a_tunable_constant()
    {
        const string deposit = @"deposit: {regex: '押金[^。;\d\n]{0,8}(?<n>\d[\d,]*万?) *元'}";
        Assert.Empty(Hits($"{{compare: {{values: {{{deposit}, {Rent}}}, left: deposit / rent, gt: 3}}}}"));
        Assert.Single(Hits($"{{compare: {{values: {{{deposit}, {Rent}}}, left: deposit / rent, gt: 2}}}}"));
        Assert.Single(Hits($"{{compare: {{values: {{{deposit}, {Rent}}}, left: deposit / rent, gt: 3}}}}", Lease.Replace("30,000元", "4万元")));
        Assert.Single(Hits($"{{compare: {{values: {{{deposit}, {Rent}}}, left: deposit, gte: rent * 3, lte: rent * 3}}}}")); // several comparisons: all
    }

    [Fact]
    public void A_value_the_document_does_not_state_is_no_finding_but_count_is_zero()
    {
        const string text = "第一条 付款\n合同总价为人民币120,000.00元。";
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * 12, ne: amountTotal}}}}", text));
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal}}}}", text));
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: count(rent), eq: 0}}}}", text));
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: count(rent), eq: 0}}}}"));
    }

    [Fact]
    public void Sum_min_and_max_read_every_capture_in_the_range()
    {
        const string text = """
            第一条 合同价款
            合同总价为人民币120,000.00元。
            附件一 分项报价表
            1 服务器 2台 50,000.00 100,000.00
            2 交换机 4台 5,000.00 20,000.00
            """;
        const string line = @"line: {regex: '(?m)^\d{1,3} +[^\d\n ][^\n]{0,30}? +\d+ *[^\d\n ]{0,2} +\d[\d,]*(\.\d+)? +(?<n>\d[\d,]*(\.\d+)?) *$'}";
        Assert.Empty(Hits($"{{compare: {{values: {{{line}}}, left: sum(line), ne: amountTotal}}}}", text));
        var hit = Assert.Single(Hits($"{{compare: {{values: {{{line}}}, left: sum(line), ne: amountTotal}}}}", text.Replace("5,000.00 20,000.00", "5,000.00 25,000.00")));
        Assert.StartsWith("1 服务器", hit.Excerpt);
        Assert.Single(Hits($"{{compare: {{values: {{{line}}}, left: max(line) - min(line), eq: 80000}}}}", text));
        Assert.Single(Hits($"{{compare: {{values: {{{line}}}, left: count(line), eq: 2}}}}", text));
        var last = Assert.Single(Hits($"{{compare: {{values: {{{line}}}, left: min(line), eq: 20000}}}}", text));
        Assert.StartsWith("2 交换机", last.Excerpt); // min's span is the smallest capture
    }

    [Fact]
    public void Each_compares_the_groups_of_every_match_and_points_at_the_wrong_one()
    {
        const string text = """
            附件一 分项报价表
            1 服务器 2台 50,000.00 100,000.00
            2 交换机 4台 5,000.00 25,000.00
            """;
        const string each = @"each: '(?m)^\d{1,3} +[^\d\n ][^\n]{0,30}? +(?<qty>\d+) *[^\d\n ]{0,2} +(?<price>\d[\d,]*(\.\d+)?) +(?<amount>\d[\d,]*(\.\d+)?) *$'";
        var hit = Assert.Single(Hits($"{{compare: {{{each}, left: qty * price, ne: amount}}}}", text));
        Assert.StartsWith("2 交换机", hit.Excerpt);
        Assert.Empty(Hits($"{{compare: {{{each}, left: qty * price, ne: amount}}}}", text.Replace("25,000.00", "20,000.00")));
        // A row pattern that starts at the line break before the row: the span still starts at the row.
        var fromBreak = Assert.Single(Hits($"{{compare: {{{each.Replace("(?m)^", "(?m)\\n", StringComparison.Ordinal)}, left: qty * price, ne: amount}}}}", text));
        Assert.StartsWith("2 交换机", fromBreak.Excerpt);
    }

    [Fact]
    public void Tolerance_is_an_amount_or_a_percent_of_the_right_side()
    {
        var text = Lease.Replace("120,000.00元", "120,100.00元");
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal, tolerance: 99}}}}", text));
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal, tolerance: 100}}}}", text));
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal, tolerance: 0.1%}}}}", text));
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, ne: amountTotal, tolerance: 0.05%}}}}", text));
        Assert.Single(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, lt: amountTotal, tolerance: 50}}}}", text));
        Assert.Empty(Hits($"{{compare: {{values: {{{Rent}}}, left: rent * termMonths, lt: amountTotal, tolerance: 100}}}}", text));
    }

    [Fact]
    public void Dates_compare_with_dates_and_their_difference_is_days()
    {
        const string paid = @"paid: {regex: '(?<n>\d{4}年\d{1,2}月\d{1,2}日)前[^。;]{0,10}支付', as: date}";
        Assert.Single(Hits($"{{compare: {{values: {{{paid}}}, left: max(paid), gt: endDate}}}}", scope: "payment"));
        Assert.Empty(Hits($"{{compare: {{values: {{{paid}}}, left: max(paid), lt: endDate}}}}", scope: "payment"));
        Assert.Single(Hits($"{{compare: {{values: {{{paid}}}, left: max(paid) - endDate, eq: 31}}}}", scope: "payment"));
        Assert.Single(Hits($"{{compare: {{values: {{{paid}}}, left: first(paid), eq: startDate + 180}}}}", scope: "payment"));
        Assert.Single(Hits($"{{compare: {{values: {{{paid}}}, left: min(paid), lt: endDate}}}}", scope: "payment"));
    }

    [Fact]
    public void Periods_are_read_in_months_or_days_whatever_the_unit()
    {
        const string months = @"m: {regex: '租赁期限为(?<n>[\d一二三四五六七八九十两]+(个月|年))', as: months}";
        Assert.Single(Hits($"{{compare: {{values: {{{months}}}, left: m, eq: termMonths}}}}"));
        Assert.Single(Hits($"{{compare: {{values: {{{months}}}, left: m, eq: 24}}}}", Lease.Replace("12个月", "两年")));
        const string days = @"d: {regex: '验收合格后(?<n>\d+)', as: days}";
        Assert.Single(Hits($"{{compare: {{values: {{{days}}}, left: d, eq: 14}}}}", "第一条 付款\n验收合格后10个工作日内付款。"));
        Assert.Single(Hits($"{{compare: {{values: {{{days}}}, left: d, eq: 10}}}}", "第一条 付款\n验收合格后10日内付款。"));
    }

    [Theory]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent * monthz, ne: amountTotal}}", "unknown name 'monthz'")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent * (termMonths, ne: amountTotal}}", "')' expected")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent, ne: endDate}}", "cannot compare a number with a date")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: endDate + startDate, ne: 3}}", "cannot combine a date with a date")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元', fee: '服务费(?<n>\\d+)元'}, left: rent, ne: amountTotal}}", "'fee' is captured but no expression uses it")]
    [InlineData("{compare: {values: {amountTotal: '月租金(?<n>\\d+)元'}, left: amountTotal, ne: 3}}", "is a field's name")]
    [InlineData("{compare: {values: {rent: '月租金\\d+元'}, left: rent, ne: 3}}", "needs a group")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent}}", "needs a comparison")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent, ne: 3, tolerance: abc}}", "tolerance is a number")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: rent, ne: 3, op: gt}}", "unknown field 'op' in compare")]
    [InlineData("{compare: {values: {rent: '(?<n>(\\d+)+)元'}, left: rent, ne: 3}}", "regex refused")]
    [InlineData("{compare: {values: {rent: {regex: '月租金(?<n>\\d+)元', as: money}}, left: rent, ne: 3}}", "as: must be one of")]
    [InlineData("{compare: {values: {rent: '月租金(?<n>\\d+)元'}, left: total(rent), ne: 3}}", "unknown function 'total'")]
    [InlineData("{compare: {each: '(\\d+)元', left: amountTotal, ne: 3}}", "needs named groups")]
    public void A_bad_comparison_is_refused_at_load_with_its_line(string condition, string reason)
    {
        var e = Assert.Throws<RuleLoadException>(() => Set(condition));
        var error = Assert.Single(e.Errors, x => x.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Equal("t.yaml", error.File);
        Assert.Equal(6, error.Line); // the condition's line
    }

    [Theory]
    [InlineData("验收合格后90日内付款", 90)]
    [InlineData("验收合格后九十日内付款", 90)]
    [InlineData("合同总价1,200,000元", 1200000)]
    [InlineData("合同总价1200000.50元", 1200000.5)]
    public void A_gap_before_the_group_no_longer_steals_digits(string text, decimal expected)
    {
        // The gap [^。]{0,16} is greedy: on 后90日 the group alone would be 0, on 九十日 十, on 1,200,000 only 0.
        var condition = $"{{regex: '(验收合格后|合同总价)[^。]{{0,16}}(?<n>[\\d一二三四五六七八九十]+)', eq: {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}";
        Assert.Single(Hits(condition, "第一条 付款\n" + text + "。"));
    }

    [Theory]
    [InlineData("共3台,5000元", 5000)]
    [InlineData("合计12.5万元", 125000)]
    [InlineData("合计一万五千元", 15000)]
    [InlineData("金额为人民币壹拾贰万元整", 120000)]
    public void A_compare_value_reads_the_whole_figure_with_wan_separators_and_capitals(string text, decimal expected)
    {
        var condition = $"{{compare: {{values: {{x: '(合计|,|人民币)(?<n>[\\d.一二三四五六七八九十万千壹贰拾]+)'}}, left: x, eq: {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}";
        Assert.Single(Hits(condition, "第一条 价款\n" + text + "。"));
    }

    [Fact]
    public void In_all_the_span_comes_from_the_first_condition_that_has_one()
    {
        // A not guard first: the span is the second condition's, not the guard's (which has none) nor the whole clause.
        var guardFirst = Assert.Single(Hits("{all: [{not: {text: [保函]}}, {text: [支付押金]}]}"));
        Assert.Equal("甲方于签约时向乙方支付押金人民币30,000元。", guardFirst.Excerpt);
        // Otherwise the first condition's span, as before.
        var first = Assert.Single(Hits("{all: [{text: [月租金]}, {text: [支付押金]}]}"));
        Assert.StartsWith("月租金为人民币10,000元", first.Excerpt);
        var second = Assert.Single(Hits("{all: [{text: [支付押金]}, {text: [月租金]}]}"));
        Assert.StartsWith("甲方于签约时", second.Excerpt);
        // A field first gives the field's words; a compare's span is the value it read.
        var field = Assert.Single(Hits($"{{all: [{{not: {{text: [保函]}}}}, {{compare: {{values: {{{Rent}}}, left: rent, eq: 10000}}}}]}}"));
        Assert.Contains("月租金为人民币10,000元", field.Excerpt);
    }

    [Fact]
    public void The_library_rules_on_computed_consistency_read_a_whole_lease()
    {
        var hits = RuleLibrary.Default.ReviewText(Lease.Replace("30,000元", "50,000元").Replace("2027年1月31日", "2026年11月30日")).Hits;
        Assert.Contains(hits, h => h.RuleId == "SEV-CALC-001"); // deposit of five months' rent
        Assert.Contains(hits, h => h.RuleId == "SEV-CALC-003"); // everything paid before the lease ends
        Assert.DoesNotContain(hits, h => h.RuleId == "GEN-CALC-004"); // 10,000 × 12 = 120,000
        var clean = RuleLibrary.Default.ReviewText(Lease).Hits;
        Assert.DoesNotContain(clean, h => h.RuleId.Contains("-CALC-", StringComparison.Ordinal));
    }
}
