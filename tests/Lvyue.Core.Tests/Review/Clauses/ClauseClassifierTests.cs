using Lvyue.Review.Clauses;

namespace Lvyue.Tests.Review.Clauses;

/// <summary>Clause types from the fixed vocabulary, from headings first and body words second, with evidence.</summary>
public sealed class ClauseClassifierTests
{
    private static readonly ClauseClassifier Classifier = ClauseClassifier.Default;

    [Theory]
    [InlineData("合同标的", ClauseTypes.Subject)]
    [InlineData("质量标准", ClauseTypes.Quality)]
    [InlineData("合同价款", ClauseTypes.Price)]
    [InlineData("付款方式", ClauseTypes.Payment)]
    [InlineData("发票", ClauseTypes.Invoice)]
    [InlineData("交货时间及地点", ClauseTypes.Delivery)]
    [InlineData("验收", ClauseTypes.Acceptance)]
    [InlineData("质量保证", ClauseTypes.Warranty)]
    [InlineData("履约保证金", ClauseTypes.PerformanceBond)]
    [InlineData("质保金", ClauseTypes.Retention)]
    [InlineData("违约责任", ClauseTypes.Breach)]
    [InlineData("合同解除", ClauseTypes.Termination)]
    [InlineData("不可抗力", ClauseTypes.ForceMajeure)]
    [InlineData("争议解决", ClauseTypes.Dispute)]
    [InlineData("保密", ClauseTypes.Confidentiality)]
    [InlineData("知识产权", ClauseTypes.IntellectualProperty)]
    [InlineData("廉洁条款", ClauseTypes.Integrity)]
    [InlineData("合同变更", ClauseTypes.Change)]
    [InlineData("分包", ClauseTypes.Subcontract)]
    [InlineData("保险", ClauseTypes.Insurance)]
    [InlineData("安全生产", ClauseTypes.Safety)]
    [InlineData("人员配备", ClauseTypes.Personnel)]
    [InlineData("考核", ClauseTypes.Assessment)]
    [InlineData("通知", ClauseTypes.Notice)]
    [InlineData("合同生效", ClauseTypes.Effectiveness)]
    [InlineData("合同期限", ClauseTypes.Term)]
    public void ClassifyHeading_NamesTheTypeOfEveryVocabularyHeading(string heading, string type)
    {
        var match = Assert.Single(Classifier.ClassifyHeading(heading));
        Assert.Equal(type, match.Type);
        Assert.Equal(ClauseClassifier.HeadingScore, match.Score);
        var evidence = Assert.Single(match.Evidence);
        Assert.Equal(RuleScope.Heading, evidence.Scope);
        Assert.Equal(heading[evidence.Start..evidence.End], evidence.Text);
    }

    [Theory]
    [InlineData("乙方提供的货物名称、规格型号、数量详见附件清单。", ClauseTypes.Subject)]
    [InlineData("货物须符合国家标准和行业标准,质量要求不低于招标文件。", ClauseTypes.Quality)]
    [InlineData("本合同签约合同价为人民币壹佰万元整,采用固定总价。", ClauseTypes.Price)]
    [InlineData("甲方在货物安装完毕后15日内支付合同总价的95%。", ClauseTypes.Payment)]
    [InlineData("乙方应在每次收款前开具增值税专用发票。", ClauseTypes.Invoice)]
    [InlineData("乙方应于2024年5月31日前将货物运至交货地点。", ClauseTypes.Delivery)]
    [InlineData("甲方收到货物后组织验收,验收合格后签署验收报告。", ClauseTypes.Acceptance)]
    [InlineData("质保期为三年,质保期内乙方免费维修。", ClauseTypes.Warranty)]
    [InlineData("乙方应提交合同总价5%的履约保函。", ClauseTypes.PerformanceBond)]
    [InlineData("甲方按结算总额的3%预留质量保证金。", ClauseTypes.Retention)]
    [InlineData("乙方逾期交货的,每日按合同总价的万分之五支付违约金。", ClauseTypes.Breach)]
    [InlineData("一方严重违约的,守约方有权解除本合同。", ClauseTypes.Termination)]
    [InlineData("因地震、洪水等不可抗力不能履行合同的,不承担责任。", ClauseTypes.ForceMajeure)]
    [InlineData("协商不成的,任何一方可向甲方所在地人民法院提起诉讼。", ClauseTypes.Dispute)]
    [InlineData("乙方对履约中知悉的商业秘密负有保密义务。", ClauseTypes.Confidentiality)]
    [InlineData("乙方为本项目开发的软件著作权归甲方所有。", ClauseTypes.IntellectualProperty)]
    [InlineData("乙方不得向甲方人员提供回扣或进行商业贿赂。", ClauseTypes.Integrity)]
    [InlineData("如需设计变更,双方应另行签订补充协议。", ClauseTypes.Change)]
    [InlineData("乙方不得将本项目转包给他人。", ClauseTypes.Subcontract)]
    [InlineData("承包人应为施工人员投保意外伤害保险。", ClauseTypes.Insurance)]
    [InlineData("乙方应落实安全生产责任制,防止发生安全事故。", ClauseTypes.Safety)]
    [InlineData("乙方委派的项目经理未经甲方同意不得更换。", ClauseTypes.Personnel)]
    [InlineData("甲方每季度对乙方进行考核,考核结果与服务费挂钩。", ClauseTypes.Assessment)]
    [InlineData("按本合同所列送达地址邮寄的文件,签收之日视为送达。", ClauseTypes.Notice)]
    [InlineData("本合同自双方签字盖章之日起生效。", ClauseTypes.Effectiveness)]
    [InlineData("本合同服务期限为一年,自2024年1月1日起至2024年12月31日止。", ClauseTypes.Term)]
    public void ClassifyBody_FindsEveryTypeFromBodyWords(string body, string type)
    {
        var matches = Classifier.ClassifyBody(body);
        var match = Assert.Single(matches, m => m.Type == type);
        Assert.True(match.Score >= ClauseClassifier.BodyThreshold);
        Assert.NotEmpty(match.Evidence);
        Assert.All(match.Evidence, e =>
        {
            Assert.Equal(RuleScope.Body, e.Scope);
            Assert.Equal(body[e.Start..e.End], e.Text);
        });
    }

    [Fact]
    public void Vocabulary_HasTheTwentySixCodesAndEveryCodeHasHeadingAndBodyRules()
    {
        Assert.Equal(26, ClauseTypes.All.Distinct().Count());
        Assert.Equal(
            "subject,quality,price,payment,invoice,delivery,acceptance,warranty,performance_bond,retention,breach,termination,force_majeure,dispute,confidentiality,ip,integrity,change,subcontract,insurance,safety,personnel,assessment,notice,effectiveness,term",
            string.Join(",", ClauseTypes.All));
        foreach (var type in ClauseTypes.All)
        {
            Assert.Contains(ClauseTypeRules.Default, r => r.Type == type && r.Scope == RuleScope.Heading);
            Assert.Contains(ClauseTypeRules.Default, r => r.Type == type && r.Scope == RuleScope.Body);
        }
    }

    [Theory]
    [InlineData("质量保证金", ClauseTypes.Retention)]
    [InlineData("履约保证金", ClauseTypes.PerformanceBond)]
    [InlineData("质量保证", ClauseTypes.Warranty)]
    [InlineData("质量", ClauseTypes.Quality)]
    [InlineData("质保期限", ClauseTypes.Warranty)]
    [InlineData("交付期限", ClauseTypes.Delivery)]
    public void ClassifyHeading_LongestTermWins(string heading, string type) =>
        Assert.Equal([type], Classifier.ClassifyHeading(heading).Select(m => m.Type));

    [Fact]
    public void ClassifyHeading_CombinedHeading_GetsBothTypes()
    {
        var types = Classifier.ClassifyHeading("合同价款及支付方式").Select(m => m.Type).ToList();
        Assert.Equal([ClauseTypes.Price, ClauseTypes.Payment], types);
    }

    [Theory]
    [InlineData("合同的变更和终止", new[] { ClauseTypes.Termination, ClauseTypes.Change })]
    [InlineData("法律适用与争议解决", new[] { ClauseTypes.Dispute })]
    [InlineData("包装与运输", new[] { ClauseTypes.Delivery })]
    [InlineData("质量保证期", new[] { ClauseTypes.Warranty })]
    [InlineData("服务质量考核", new[] { ClauseTypes.Quality, ClauseTypes.Assessment })]
    [InlineData("合同的生效与终止", new[] { ClauseTypes.Termination, ClauseTypes.Effectiveness })]
    [InlineData("双方的权利和义务", new string[0])]
    public void ClassifyHeading_CompoundHeadings(string heading, string[] types) =>
        Assert.Equal(types.Order(StringComparer.Ordinal), Classifier.ClassifyHeading(heading).Select(m => m.Type).Order(StringComparer.Ordinal));

    [Fact]
    public void ClassifyBody_SingleWeakMention_AssignsNothing() =>
        Assert.Empty(Classifier.ClassifyBody("双方应书面通知对方。"));

    [Fact]
    public void ClassifyBody_ReturnsTheMatchedWordsAsEvidence()
    {
        const string body = "合同签订后10个工作日内,甲方支付合同总价的30%作为预付款。";
        var payment = Assert.Single(Classifier.ClassifyBody(body), m => m.Type == ClauseTypes.Payment);
        Assert.Contains(payment.Evidence, e => e.Text == "预付款");
        Assert.Contains(payment.Evidence, e => e.Text == "支付合同总价的30%" && e.Term.StartsWith("支付(", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string[]> FixtureClauses => new()
    {
        { "goods-procurement.txt", "第一条 合同标的", [ClauseTypes.Subject] },
        { "goods-procurement.txt", "第二条 合同价款", [ClauseTypes.Price] },
        { "goods-procurement.txt", "第三条 付款方式", [ClauseTypes.Payment] },
        { "goods-procurement.txt", "(一)合同签订后10个工作日内,甲方向乙方支付合同总价的30%作为预付款;", [ClauseTypes.Payment] },
        { "goods-procurement.txt", "(三)剩余5%作为质量保证金,质保期满无质量问题后一次性无息支付", [ClauseTypes.Retention] },
        { "goods-procurement.txt", "第四条 发票", [ClauseTypes.Invoice] },
        { "goods-procurement.txt", "第五条 交货时间、地点及方式", [ClauseTypes.Delivery] },
        { "goods-procurement.txt", "第六条 质量标准", [ClauseTypes.Quality] },
        { "goods-procurement.txt", "第七条 验收", [ClauseTypes.Acceptance] },
        { "goods-procurement.txt", "(一)货物到货后,甲方组织开箱检验;", [ClauseTypes.Acceptance] },
        { "goods-procurement.txt", "第八条 质量保证及售后服务", [ClauseTypes.Warranty] },
        { "goods-procurement.txt", "第九条 履约保证金", [ClauseTypes.PerformanceBond] },
        { "goods-procurement.txt", "第十条 知识产权", [ClauseTypes.IntellectualProperty] },
        { "goods-procurement.txt", "第十一条 保密", [ClauseTypes.Confidentiality] },
        { "goods-procurement.txt", "第十二条 违约责任", [ClauseTypes.Breach] },
        { "goods-procurement.txt", "(二)甲方无正当理由逾期付款的,每逾期一日按应付未付款项的万分之五支付违约金", [ClauseTypes.Breach] },
        { "goods-procurement.txt", "第十三条 合同的解除", [ClauseTypes.Termination] },
        { "goods-procurement.txt", "第十四条 不可抗力", [ClauseTypes.ForceMajeure] },
        { "goods-procurement.txt", "第十五条 争议解决", [ClauseTypes.Dispute] },
        { "goods-procurement.txt", "第十六条 廉洁条款", [ClauseTypes.Integrity] },
        { "goods-procurement.txt", "第十七条 合同生效及其他", [ClauseTypes.Effectiveness] },
        { "construction-gf2017.txt", "一、工程概况", [ClauseTypes.Subject] },
        { "construction-gf2017.txt", "二、合同工期", [ClauseTypes.Delivery] },
        { "construction-gf2017.txt", "四、签约合同价与合同价格形式", [ClauseTypes.Price] },
        { "construction-gf2017.txt", "五、项目经理", [ClauseTypes.Personnel] },
        { "construction-gf2017.txt", "第3章 安全文明施工与环境保护", [ClauseTypes.Safety] },
        { "construction-gf2017.txt", "5.1 预付款", [ClauseTypes.Payment] },
        { "construction-gf2017.txt", "5.3 质量保证金", [ClauseTypes.Retention] },
        { "construction-gf2017.txt", "第6章 变更", [ClauseTypes.Change] },
        { "construction-gf2017.txt", "7.1 竣工验收", [ClauseTypes.Acceptance] },
        { "construction-gf2017.txt", "7.2 缺陷责任期", [ClauseTypes.Warranty] },
        { "construction-gf2017.txt", "8.1 工程保险", [ClauseTypes.Insurance] },
        { "construction-gf2017.txt", "8.2 分包", [ClauseTypes.Subcontract] },
        { "construction-gf2017.txt", "9.3 争议解决", [ClauseTypes.Dispute] },
        { "construction-gf2017.txt", "2. 履约担保", [ClauseTypes.PerformanceBond] },
        { "construction-gf2017.txt", "3. 工程质量保修", [ClauseTypes.Warranty] },
        { "property-services.txt", "二、服务期限", [ClauseTypes.Term] },
        { "property-services.txt", "三、服务费用及支付", [ClauseTypes.Price, ClauseTypes.Payment] },
        { "property-services.txt", "(二)支付方式:按季度支付,乙方于每季度末提供考核合格证明及增值税普通发票,甲方在收到发票后15个工作日内支付当季服务费", [ClauseTypes.Payment, ClauseTypes.Invoice] },
        { "property-services.txt", "四、人员配备", [ClauseTypes.Personnel] },
        { "property-services.txt", "五、考核", [ClauseTypes.Assessment] },
        { "property-services.txt", "七、违约责任", [ClauseTypes.Breach] },
        { "it-operations.txt", "第二条 服务期限", [ClauseTypes.Term] },
        { "it-operations.txt", "第四条 付款方式", [ClauseTypes.Payment] },
        { "it-operations.txt", "②向甲方开具等额增值税专用发票", [ClauseTypes.Invoice] },
        { "it-operations.txt", "第六条 保密与数据安全", [ClauseTypes.Confidentiality] },
        { "it-operations.txt", "第九条 通知与送达", [ClauseTypes.Notice] },
        { "it-operations.txt", "第十一条 其他", [ClauseTypes.Effectiveness] },
    };

    [Theory]
    [MemberData(nameof(FixtureClauses))]
    public void Classify_FixtureClause_HasItsKeyTypes(string fixture, string heading, string[] types)
    {
        var classified = Classifier.Classify(ClauseFixtures.Normalized(fixture));
        var clause = Assert.Single(classified, c => c.Clause.Heading == heading);
        foreach (var type in types) Assert.Contains(type, clause.Codes);
    }

    [Fact]
    public void Classify_ArticleWithHeading_DoesNotPickUpWeakBodyTypes()
    {
        var classified = Classifier.Classify(ClauseFixtures.Normalized("goods-procurement.txt"));
        var dispute = classified.Single(c => c.Clause.Title == "争议解决");
        Assert.Equal([ClauseTypes.Dispute], dispute.Codes);
        var evidence = dispute.Types[0].Evidence.Select(e => e.Text).ToList();
        Assert.Equal(["争议解决", "争议", "协商解决", "仲裁委员会", "仲裁"], evidence);
    }

    [Fact]
    public void Classify_ItemWithoutTypesOfItsOwn_TakesItsParentsTypes()
    {
        var classified = Classifier.Classify(ClauseFixtures.Normalized("property-services.txt"));
        var item = classified.Single(c => c.Clause.Heading.StartsWith("1.门岗", StringComparison.Ordinal));
        Assert.Equal([ClauseTypes.Subject], item.Codes);
    }

    [Fact]
    public void Constructor_RejectsATypeOutsideTheVocabulary() =>
        Assert.Throws<ArgumentException>(() =>
            new ClauseClassifier([new ClauseTypeRule("payments", RuleScope.Heading, "付款")]));

    [Fact]
    public void Constructor_CustomRules_AreUsedInsteadOfTheDefaults()
    {
        var classifier = new ClauseClassifier([new ClauseTypeRule(ClauseTypes.Payment, RuleScope.Heading, "拨款")]);
        Assert.Equal([ClauseTypes.Payment], classifier.ClassifyHeading("拨款安排").Select(m => m.Type));
        Assert.Empty(classifier.ClassifyHeading("付款方式"));
    }
}
