using Lvyue.Review;
using Lvyue.Review.Clauses;

namespace Lvyue.Tests.Review.Clauses;

/// <summary>Contract text split into a tree of clauses by the numbering styles Chinese contracts use.</summary>
public sealed class ClauseSegmenterTests
{
    public static TheoryData<string> Fixtures =>
        ["goods-procurement.txt", "construction-gf2017.txt", "property-services.txt", "it-operations.txt"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Segment_TilesTheWholeTextWithThePreambleAndTheClauses(string fixture)
    {
        foreach (var text in new[] { ClauseFixtures.Raw(fixture), ClauseFixtures.Normalized(fixture) })
        {
            var doc = ClauseSegmenter.Segment(text);
            Assert.NotEmpty(doc.Clauses);
            AssertTiles(doc.PreambleEnd, text.Length, doc.Clauses);
            foreach (var clause in doc.AllClauses())
            {
                Assert.True(clause.Start < clause.End, clause.ToString());
                Assert.True(clause.Start == 0 || text[clause.Start - 1] == '\n', clause.ToString());
                Assert.True(clause.OwnEnd > clause.Start, clause.ToString());
                Assert.StartsWith(clause.Heading, text[clause.NumberStart..], StringComparison.Ordinal);
                AssertTiles(clause.OwnEnd, clause.End, clause.Children);
                foreach (var child in clause.Children) Assert.Same(clause, child.Parent);
            }
        }
    }

    [Fact]
    public void Segment_ArbitraryTextMadeOfNumberingCharacters_AlwaysTilesAndNeverThrows()
    {
        const string alphabet = "第条章节部分一二三十百0123456789.、．()（）①⑳⑴⒈\t\n \n\n付款万元%:：,，。年月日";
        var random = new Random(20240301);
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            var doc = ClauseSegmenter.Segment(text);
            AssertTiles(doc.PreambleEnd, text.Length, doc.Clauses);
            foreach (var clause in doc.AllClauses()) AssertTiles(clause.OwnEnd, clause.End, clause.Children);
            Assert.All(ClauseClassifier.Default.Classify(doc), c => Assert.All(c.Codes, code => Assert.Contains(code, ClauseTypes.All)));
        }
    }

    private static void AssertTiles(int start, int end, IReadOnlyList<Clause> clauses)
    {
        var at = start;
        foreach (var c in clauses)
        {
            Assert.Equal(at, c.Start);
            at = c.End;
        }
        Assert.Equal(end, at);
    }

    [Fact]
    public void Segment_GovernmentProcurementContract_NestsItemsInsideTheirArticles()
    {
        var doc = ClauseSegmenter.Segment(ClauseFixtures.Normalized("goods-procurement.txt"));
        Assert.Equal("""
            第一条 合同标的
            第二条 合同价款
            第三条 付款方式
              (一)合同签订后10个工作日内,甲方向乙方支付合同总价的30%作为预付款;
              (二)货物到货并安装调试完毕、验收合格后15个工作日内,甲方支付合同总价的65%;
              (三)剩余5%作为质量保证金,质保期满无质量问题后一次性无息支付
            第四条 发票
            第五条 交货时间、地点及方式
              (一)交货时间:合同签订后30日内,2024.3.1前完成安装的,以实际日期为准
              (二)交货地点:甲方指定的检验科
              (三)乙方负责运输,运输途中的一切风险由乙方承担
            第六条 质量标准
            第七条 验收
              (一)货物到货后,甲方组织开箱检验;
              (二)安装调试完成并试运行7日后,双方进行最终验收,并签署验收报告
            第八条 质量保证及售后服务
              (一)质保期为验收合格之日起36个月,质保期内乙方提供免费维修及零配件更换
              (二)乙方接到故障通知后4小时内响应,24小时内到达现场
            第九条 履约保证金
            第十条 知识产权
            第十一条 保密
            第十二条 违约责任
              (一)乙方逾期交货的,每逾期一日按合同总价的万分之五向甲方支付违约金,违约金累计不超过合同总价的10%;
              (二)甲方无正当理由逾期付款的,每逾期一日按应付未付款项的万分之五支付违约金
            第十三条 合同的解除
            第十四条 不可抗力
            第十五条 争议解决
            第十六条 廉洁条款
            第十七条 合同生效及其他

            """, ClauseFixtures.Outline(doc));
    }

    [Fact]
    public void Segment_GovernmentProcurementContract_KeepsTitleAndPartiesInThePreamble()
    {
        var text = ClauseFixtures.Normalized("goods-procurement.txt");
        var doc = ClauseSegmenter.Segment(text);
        Assert.Equal(text.IndexOf("第一条", StringComparison.Ordinal), doc.PreambleEnd);
        var preamble = text[..doc.PreambleEnd];
        Assert.Contains("合同编号:SZCG-2024-0317", preamble, StringComparison.Ordinal);
        Assert.Contains("供应商(乙方)", preamble, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_ConstructionContract_NestsPartsChaptersAndDecimalNumbers()
    {
        var doc = ClauseSegmenter.Segment(ClauseFixtures.Normalized("construction-gf2017.txt"));
        Assert.Equal("""
            第一部分 合同协议书
              一、工程概况
                1.工程名称:某市滨河公园景观提升工程
                2.工程地点:某市滨河路以东、文化路以北
                3.工程承包范围:园林绿化、园路铺装、景观照明及给排水工程
              二、合同工期
              三、质量标准
              四、签约合同价与合同价格形式
                1.签约合同价为:人民币(大写)壹仟贰佰叁拾肆万伍仟陆佰元整(¥12,345,600.00元)
                2.合同价格形式:固定单价合同
              五、项目经理
              六、合同生效
            第二部分 通用合同条款
              第1章 一般约定
                1.1 词语定义与解释
                  1.1.1 合同:是指根据法律规定和合同当事人约定具有约束力的文件
                  1.1.2 签约合同价:是指发包人和承包人在合同协议书中确定的总金额
                1.2 法律
              第2章 工程质量
                2.1 质量要求
                2.2 隐蔽工程检查
              第3章 安全文明施工与环境保护
                3.1 安全文明施工
                3.2 环境保护
              第4章 工期和进度
                4.1 开工
                4.2 竣工日期
              第5章 合同价格、计量与支付
                5.1 预付款
                5.2 进度款支付
                5.3 质量保证金
              第6章 变更
                6.1 变更的范围
                6.2 变更估价
              第7章 竣工验收与缺陷责任
                7.1 竣工验收
                7.2 缺陷责任期
                7.3 保修
              第8章 保险与分包
                8.1 工程保险
                8.2 分包
              第9章 违约与争议
                9.1 发包人违约
                9.2 承包人违约
                9.3 争议解决
            第三部分 专用合同条款
              1. 一般约定
                1.1 发包人代表:王某,联系电话13800000000
              2. 履约担保
              3. 工程质量保修

            """, ClauseFixtures.Outline(doc));
        var decimal3 = doc.AllClauses().First(c => c.Number == "1.1.1");
        Assert.Equal(NumberingStyle.Decimal, decimal3.Style);
        Assert.Equal(3, decimal3.Level);
        Assert.Equal("合同", decimal3.Title);
    }

    [Fact]
    public void Segment_ServicesAgreement_NestsChineseEnumerationParenthesesAndDecimals()
    {
        var doc = ClauseSegmenter.Segment(ClauseFixtures.Normalized("property-services.txt"));
        Assert.Equal("""
            一、服务内容
              (一)保洁服务
                1.办公区域、审判区域每日清扫两次,公共卫生间每小时巡查保洁一次
                2.外围道路、停车场每日清扫一次,垃圾日产日清
              (二)秩序维护
                1.门岗24小时值守,对来访人员进行登记
                2.夜间每2小时巡逻一次,并做好巡逻记录
              (三)设施设备维护
                1.负责供配电、给排水、电梯、空调等设备的日常巡检
                2.发现故障30分钟内到场处置
            二、服务期限
            三、服务费用及支付
              (一)服务费用为每年人民币肆拾捌万元整(¥480,000.00),含税,包括人员工资、社会保险、耗材及管理费
              (二)支付方式:按季度支付,乙方于每季度末提供考核合格证明及增值税普通发票,甲方在收到发票后15个工作日内支付当季服务费
            四、人员配备
              (一)乙方派驻项目负责人1名、保洁员8名、秩序维护员6名
              (二)乙方更换项目负责人须提前15日书面征得甲方同意
            五、考核
            六、安全责任
            七、违约责任
            八、其他
              (一)本协议未尽事宜,双方可另行签订补充协议,补充协议与本协议具有同等法律效力
              (二)本协议一式四份,自双方签字盖章之日起生效

            """, ClauseFixtures.Outline(doc));
    }

    [Fact]
    public void Segment_ServicesAgreement_ReadsFullWidthParenthesesInTheRawText()
    {
        var doc = ClauseSegmenter.Segment(ClauseFixtures.Raw("property-services.txt"));
        var first = doc.Clauses[0].Children[0];
        Assert.Equal(NumberingStyle.ParenthesizedChinese, first.Style);
        Assert.Equal("（一）", first.Number);
        Assert.Equal("保洁服务", first.Title);
        Assert.Equal(3, doc.Clauses[0].Children.Count);
    }

    [Fact]
    public void Segment_CircledItemsAndPaymentTable_KeepsTableRowsInTheirClause()
    {
        foreach (var text in new[] { ClauseFixtures.Raw("it-operations.txt"), ClauseFixtures.Normalized("it-operations.txt") })
        {
            var doc = ClauseSegmenter.Segment(text);
            Assert.Equal(11, doc.Clauses.Count);
            var payment = doc.Clauses[3];
            Assert.Equal("付款方式", payment.Title);
            Assert.Equal(["①", "②"], payment.Children.Select(c => c.Number));
            Assert.All(payment.Children, c => Assert.Equal(NumberingStyle.Circled, c.Style));
            var own = text[payment.Start..payment.OwnEnd];
            Assert.Contains("合同签订后10个工作日内", own, StringComparison.Ordinal);
            Assert.Contains("服务期满终验合格后", own, StringComparison.Ordinal);
            Assert.Equal(["①", "②", "③", "④"], doc.Clauses[0].Children.Select(c => c.Number));
            Assert.Equal([NumberingStyle.ParenthesizedArabic, NumberingStyle.ParenthesizedArabic],
                doc.Clauses[4].Children.Select(c => c.Style));
            Assert.Equal([NumberingStyle.ArabicParenthesis, NumberingStyle.ArabicParenthesis],
                doc.Clauses[5].Children.Select(c => c.Style));
        }
    }

    [Fact]
    public void Segment_NumbersInsideSentencesAndPageFooters_StayInTheirClause()
    {
        var text = ClauseFixtures.Normalized("goods-procurement.txt");
        var doc = ClauseSegmenter.Segment(text);
        Assert.DoesNotContain(doc.AllClauses(), c => c.Heading.StartsWith("第3页", StringComparison.Ordinal));
        AssertInside(doc, text, "约合同金额1.5万元", "第二条 合同价款");
        AssertInside(doc, text, "第3页 共6页", "(二)安装调试完成并试运行7日后,双方进行最终验收,并签署验收报告");
        var footer = text.IndexOf("第3页", StringComparison.Ordinal);
        Assert.Contains(doc.Clauses, c => c.Heading == "第七条 验收" && c.Start < footer && footer < c.End);
        AssertInside(doc, text, "2024.3.1前完成安装", "(一)交货时间:合同签订后30日内,2024.3.1前完成安装的,以实际日期为准");
    }

    private static void AssertInside(ClauseDocument doc, string text, string words, string heading)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, words);
        var innermost = doc.AllClauses().Last(c => c.Start <= at && at < c.End);
        Assert.Equal(heading, innermost.Heading);
    }

    [Theory]
    [InlineData("1.5万元为备用试剂费用。")]
    [InlineData("2024.3.1前完成安装。")]
    [InlineData("2.5%的费率另计。")]
    [InlineData("3.1日前交货。")]
    [InlineData("第3页 共6页")]
    [InlineData("第三条约定的付款期限顺延。")]
    [InlineData("第二章所述工程范围不变。")]
    [InlineData("30%于验收后支付。")]
    [InlineData("1 合同签订后 30% 180,000.00")]
    [InlineData("1.\t首付款\t30%")]
    [InlineData("十分重要的事项应书面确认。")]
    [InlineData("12.50元/平方米。")]
    [InlineData("2.0版本的系统同时维护。")]
    [InlineData("0.5小时内响应。")]
    [InlineData("(2024)京0105民初123号判决另行执行。")]
    public void Segment_LineStartingWithAFigureThatIsNotANumbering_OpensNoClause(string line)
    {
        var text = "第一条 合同价款\n本条约定如下:\n" + line + "\n其余事项另行约定。";
        var doc = ClauseSegmenter.Segment(text);
        var only = Assert.Single(doc.Clauses);
        Assert.Empty(only.Children);
        Assert.Equal(text.Length, only.End);
    }

    [Theory]
    [InlineData("第一部分 合同协议书", NumberingStyle.Part, 1, "第一部分", "合同协议书")]
    [InlineData("第三章 合同价款", NumberingStyle.Chapter, 1, "第三章", "合同价款")]
    [InlineData("第2节 付款", NumberingStyle.Section, 1, "第2节", "付款")]
    [InlineData("第十二条 违约责任", NumberingStyle.Article, 1, "第十二条", "违约责任")]
    [InlineData("第12条违约责任", NumberingStyle.Article, 1, "第12条", "违约责任")]
    [InlineData("一、合同标的", NumberingStyle.ChineseEnumeration, 1, "一、", "合同标的")]
    [InlineData("十一、其他", NumberingStyle.ChineseEnumeration, 1, "十一、", "其他")]
    [InlineData("(一)付款方式", NumberingStyle.ParenthesizedChinese, 1, "(一)", "付款方式")]
    [InlineData("（二）验收", NumberingStyle.ParenthesizedChinese, 1, "（二）", "验收")]
    [InlineData("1.合同价款", NumberingStyle.Decimal, 1, "1.", "合同价款")]
    [InlineData("2、交货", NumberingStyle.Decimal, 1, "2、", "交货")]
    [InlineData("1.1 词语定义", NumberingStyle.Decimal, 2, "1.1", "词语定义")]
    [InlineData("1.1.1 合同", NumberingStyle.Decimal, 3, "1.1.1", "合同")]
    [InlineData("12.3.4.5 细则", NumberingStyle.Decimal, 4, "12.3.4.5", "细则")]
    [InlineData("3)质保期", NumberingStyle.ArabicParenthesis, 1, "3)", "质保期")]
    [InlineData("（1）系统可用率", NumberingStyle.ParenthesizedArabic, 1, "（1）", "系统可用率")]
    [InlineData("⑩备品备件", NumberingStyle.Circled, 1, "⑩", "备品备件")]
    [InlineData("  第五条　付款方式：按月支付", NumberingStyle.Article, 1, "第五条", "付款方式")]
    [InlineData("第五条 付款方式 合同签订后10日内支付30%", NumberingStyle.Article, 1, "第五条", "付款方式")]
    [InlineData("⑵响应时间", NumberingStyle.ParenthesizedArabic, 1, "⑵", "响应时间")]
    [InlineData("⒊售后服务", NumberingStyle.Decimal, 1, "⒊", "售后服务")]
    public void Segment_RecognisesEveryNumberingStyle(string line, NumberingStyle style, int level, string number, string title)
    {
        var doc = ClauseSegmenter.Segment("某某合同\n" + line + "\n正文。");
        var clause = Assert.Single(doc.Clauses);
        Assert.Equal(style, clause.Style);
        Assert.Equal(level, clause.Level);
        Assert.Equal(number, clause.Number);
        Assert.Equal(title, clause.Title);
        Assert.True(clause.HasHeadingTitle);
        Assert.Equal("某某合同\n".Length, clause.Start);
    }

    [Fact]
    public void Segment_ItemWhoseFirstPhraseIsASentence_HasNoHeadingTitle()
    {
        var doc = ClauseSegmenter.Segment("第三条 付款方式\n(一)合同签订后10日内,甲方支付30%;\n(二)付款条件:验收合格。");
        var items = doc.Clauses[0].Children;
        Assert.False(items[0].HasHeadingTitle);
        Assert.Equal("合同签订后10日内", items[0].Title);
        Assert.True(items[1].HasHeadingTitle);
        Assert.Equal("付款条件", items[1].Title);
    }

    [Fact]
    public void Segment_ChapterAfterArticles_ClosesTheArticlesOfThePreviousChapter()
    {
        var text = "第一章 总则\n第一条 定义\n(一)采购人\n第二条 适用\n第二章 价款\n第三条 合同价款\n1.总价\n2.单价";
        var doc = ClauseSegmenter.Segment(text);
        Assert.Equal("""
            第一章 总则
              第一条 定义
                (一)采购人
              第二条 适用
            第二章 价款
              第三条 合同价款
                1.总价
                2.单价

            """, ClauseFixtures.Outline(doc));
    }

    [Fact]
    public void Segment_HeadingOnlyLineBeforeNumberedClauses_OpensASection()
    {
        var text = "某某服务合同\n甲方:某局\n通用条款\n1.定义\n本合同所称服务是指运维。\n2.付款\n按月支付。\n专用条款\n1.定义补充\n无。";
        var doc = ClauseSegmenter.Segment(text);
        Assert.Equal("""
            通用条款
              1.定义
              2.付款
            专用条款
              1.定义补充

            """, ClauseFixtures.Outline(doc));
        Assert.Equal(NumberingStyle.HeadingLine, doc.Clauses[0].Style);
        Assert.Equal("", doc.Clauses[0].Number);
        Assert.Equal(text.IndexOf("通用条款", StringComparison.Ordinal), doc.PreambleEnd);
    }

    [Fact]
    public void Segment_ShortLineNotFollowedByANumberedHeading_IsBodyText()
    {
        var text = "第一条 付款\n付款计划表\n期次 比例\n1.首期";
        var doc = ClauseSegmenter.Segment(text);
        var article = Assert.Single(doc.Clauses);
        Assert.Equal("1.首期", Assert.Single(article.Children).Heading);
    }

    [Fact]
    public void Segment_TextWithoutNumbering_IsAllPreamble()
    {
        var doc = ClauseSegmenter.Segment("本协议由双方友好协商订立。\n双方应诚信履约。");
        Assert.Empty(doc.Clauses);
        Assert.Equal(doc.Text.Length, doc.PreambleEnd);
        Assert.Empty(ClauseSegmenter.Segment("").Clauses);
    }

    [Fact]
    public void Segment_NormalizedText_SpansMapBackToTheSource()
    {
        var normalized = TextNormalizer.Normalize(ClauseFixtures.Raw("goods-procurement.txt"));
        var doc = ClauseSegmenter.Segment(normalized);
        var payment = doc.Clauses.Single(c => c.Title == "付款方式");
        var (start, end) = normalized.ToSourceSpan(payment.NumberStart, payment.TitleEnd);
        Assert.Equal("第三条　付款方式", normalized.Source[start..end]);
    }
}
