using Lvyue.Organizations;
using Lvyue.Review;
using Lvyue.Review.Extraction;

namespace Lvyue.Tests.Review.Extraction;

/// <summary>
/// Delivery, retention period, damages cap, governing law, cumulative installments, several fields on one line,
/// stamp marks, and the consistency facts for the rule engine, on short texts.
/// </summary>
public sealed class LedgerExtractorTermsTests
{
    private static LedgerExtraction Extract(string raw) => LedgerExtractor.Extract(TextNormalizer.Normalize(raw));

    private static string At<T>(LedgerExtraction x, Extracted<T>? f)
    {
        Assert.NotNull(f);
        return x.Text[f.Start..f.End];
    }

    [Fact]
    public void A_fixed_delivery_date_and_the_place_are_read_a_relative_one_stays_null()
    {
        var x = Extract("货物采购合同\n第三条 交货\n交货时间：2024年4月30日前交货并完成安装调试。\n交货地点：江州市第一人民医院检验科。\n");
        Assert.Equal(new DateOnly(2024, 4, 30), x.DeliveryDate?.Value);
        Assert.Equal("2024年4月30日", At(x, x.DeliveryDate));
        Assert.Equal("江州市第一人民医院检验科", x.DeliveryPlace?.Value);
        var relative = Extract("货物采购合同\n交货时间：合同签订后30日内。\n");
        Assert.Null(relative.DeliveryDate);
        Assert.Null(relative.DeliveryPlace);
    }

    [Theory]
    [InlineData("甲方按合同总价的5%预留质量保证金，质量保证金期限为12个月，期满后无息退还。", 12)]
    [InlineData("质保期为验收合格之日起36个月。\n甲方预留合同总价的5%作为质量保证金，质保期满无质量问题后无息退还。", 36)]
    [InlineData("缺陷责任期为24个月，自工程实际竣工之日起计算。\n发包人按结算总额的3%预留质量保证金，缺陷责任期满后返还。", 24)]
    public void The_retention_period_is_stated_or_the_period_it_is_refunded_at_the_end_of(string clause, int months)
    {
        var x = Extract("合同\n" + clause + "\n");
        Assert.Equal(months, x.RetentionMonths?.Value);
    }

    [Fact]
    public void No_retention_no_retention_period()
    {
        var x = Extract("合同\n质保期为验收合格之日起36个月。\n");
        Assert.Null(x.RetentionPercent);
        Assert.Null(x.RetentionMonths);
    }

    [Fact]
    public void The_damages_cap_comes_from_the_supplier_delay_sentence_and_the_purchaser_late_payment_rate_is_ignored()
    {
        var x = Extract("合同\n第八条 违约责任\n甲方无正当理由逾期付款的，每逾期一日按应付未付款项的万分之三支付违约金。\n乙方逾期交货的，每逾期一日，按合同总价的万分之五向甲方支付违约金，违约金累计不超过合同总价的10%；\n");
        Assert.Equal(0.0005m, x.LiquidatedDamagesRatePerDay?.Value);
        Assert.Equal(10m, x.LiquidatedDamagesCapPercent?.Value);
        Assert.Equal("10", At(x, x.LiquidatedDamagesCapPercent));
        var onlyPurchaser = Extract("合同\n甲方逾期付款的，每逾期一日按应付未付款项的万分之三支付违约金。\n");
        Assert.Null(onlyPurchaser.LiquidatedDamagesRatePerDay);
        Assert.Null(onlyPurchaser.LiquidatedDamagesCapPercent);
    }

    [Theory]
    [InlineData("本合同适用中华人民共和国法律。", "中华人民共和国法律")]
    [InlineData("本合同的订立、效力、解释、履行及争议的解决均适用中华人民共和国法律。", "中华人民共和国法律")]
    [InlineData("本合同受中华人民共和国法律管辖。", "中华人民共和国法律")]
    [InlineData("根据《中华人民共和国政府采购法》签订本合同。", null)]
    public void The_governing_law_is_read_where_the_contract_names_it(string sentence, string? law)
    {
        Assert.Equal(law, Extract("合同\n" + sentence + "\n").GoverningLaw?.Value);
    }

    [Fact]
    public void A_general_terms_bond_ceiling_and_a_waiver_are_not_the_bond()
    {
        var ceiling = Extract("合同\n3.1 履约保证金的数额按专用条款约定，不超过政府采购合同金额的10%。\n2. 履约保证金\n乙方应在合同签订前向甲方提交合同总价5%的履约保证金。\n");
        Assert.Equal(5m, ceiling.PerformanceBondPercent?.Value);
        var waived = Extract("合同\n3.1 履约保证金的数额不超过政府采购合同金额的10%。\n本项目不收取履约保证金。\n");
        Assert.Null(waived.PerformanceBondPercent);
        Assert.Null(waived.PerformanceBondAmount);
    }

    [Fact]
    public void Cumulative_installments_count_what_they_add_to_the_ones_before()
    {
        var x = Extract("""
            施工合同
            签约合同价为人民币（大写）壹仟万元整（¥10,000,000.00元）。
            12.4 付款
            （一）合同签订后28日内，发包人向承包人支付签约合同价的20%作为预付款；
            （二）工程进度款按月支付，每月按已完工程量的75%支付，累计支付至签约合同价的80%；
            （三）工程竣工验收合格后28日内，支付至结算价款的97%（即再支付17%）；
            （四）剩余3%作为质量保证金，缺陷责任期满后返还。
            """);
        Assert.Equal([20m, 60m, 17m, 3m], x.PaymentSchedule.Select(p => p.Percent!.Value));
        Assert.Equal([PaymentTriggers.Signing, PaymentTriggers.Period, PaymentTriggers.Acceptance, PaymentTriggers.WarrantyEnd], x.PaymentSchedule.Select(p => p.Trigger));
        Assert.Equal(100m, x.Consistency.InstallmentPercentSum);
        Assert.True(x.Consistency.InstallmentsMatchTotal);
    }

    [Fact]
    public void Signing_with_an_invoice_is_signing_and_approval_without_the_word_acceptance_is_acceptance()
    {
        var x = Extract("服务合同\n合同金额：人民币100,000.00元\n四、付款方式\n（一）合同签订并收到乙方发票后15个工作日内，甲方支付合同总价的50%；\n（二）服务期满经甲方考核合格后15个工作日内，甲方支付合同总价的50%；\n");
        Assert.Equal([PaymentTriggers.Signing, PaymentTriggers.Acceptance], x.PaymentSchedule.Select(p => p.Trigger));
    }

    [Fact]
    public void Several_labelled_fields_on_one_line_are_each_read()
    {
        var x = Extract("物业服务合同\n甲方：江州市民政局\n联系人：袁芳　　联系电话：0791-86291123\n乙方：某物业公司\n");
        Assert.Equal("袁芳", x.Purchaser.ContactName?.Value);
        Assert.Equal("0791-86291123", x.Purchaser.ContactPhone?.Value);
        Assert.Equal("0791-86291123", At(x, x.Purchaser.ContactPhone));
    }

    [Fact]
    public void Stamp_marks_are_not_part_of_a_name_and_the_fields_under_them_are_read()
    {
        var x = Extract("建设工程施工合同\n发包人（全称）：青溪区住房和城乡建设局\n\n发包人：（公章）青溪区住房和城乡建设局\n地址：江州市青溪区站前路9号\n");
        Assert.Equal("青溪区住房和城乡建设局", x.Purchaser.Name?.Value);
        Assert.Equal("江州市青溪区站前路9号", x.Purchaser.Address?.Value);
        Assert.True(x.Consistency.PurchaserNamedConsistently);
        Assert.Equal(2, x.Consistency.PurchaserNames.Count);
    }

    [Fact]
    public void Full_width_brackets_are_kept_as_written()
    {
        var x = Extract("江州市政府采购合同（服务类）\n乙方：江州正衡会计师事务所（普通合伙）\n");
        Assert.Equal("江州市政府采购合同（服务类）", x.Title?.Value);
        Assert.Equal("江州正衡会计师事务所（普通合伙）", x.Supplier.Name?.Value);
    }

    [Fact]
    public void A_total_per_month_is_not_the_total_the_annual_sum_is()
    {
        var x = Extract("物业服务合同\n第四条 物业服务费为每月人民币肆万伍仟元整（45,000.00元），全年合计人民币伍拾肆万元整（540,000.00元）。\n");
        Assert.Equal(540000m, x.AmountTotal?.Value);
        Assert.Equal("伍拾肆万元整", x.AmountInWords?.Value);
    }

    [Fact]
    public void A_fee_label_gives_the_total_when_no_contract_amount_label_does()
    {
        var x = Extract("法律顾问服务协议\n3. 服务费用\n法律顾问费：人民币120,000.00元（大写：壹拾贰万元整）。\n甲方每低1分扣减当月服务费500元。\n");
        Assert.Equal(120000m, x.AmountTotal?.Value);
    }

    [Theory]
    [InlineData("江州市政府采购合同（货物类）", "goods")]
    [InlineData("工程造价咨询服务合同", "services")]
    [InlineData("建设工程设计合同", "services")]
    [InlineData("建设工程施工合同", "works")]
    [InlineData("电梯设备采购及安装合同", "goods")]
    public void The_category_follows_the_title_words(string title, string category)
    {
        Assert.Equal(category, Extract(title + "\n乙方：江州德利电梯工程有限公司\n").Category?.Value);
    }

    [Fact]
    public void A_title_that_says_nothing_takes_the_category_from_the_body()
    {
        Assert.Equal("goods", Extract("江州市政府采购合同\n交货时间：2024年9月15日前。\n交货地点：指挥中心。\n").Category?.Value);
    }

    [Fact]
    public void Consistency_facts_report_disagreements()
    {
        var bad = Uscc.Complete("91360199MA37F9W58")[..17] + "4";
        var x = Extract($"""
            货物采购合同
            合同编号：HW-1
            采购人（甲方）：江州市政府办公室
            供应商（乙方）：江州市保安服务有限公司
            统一社会信用代码：{bad}
            二、合同金额
            合同总价为人民币134万元（大写：壹佰叁拾肆万伍仟元整）。
            服务期限：自2025年1月1日起至2024年12月31日止。
            付款方式
            (1)合同签订后10个工作日内，甲方向乙方支付合同总价的30%；
            (2)验收合格后30日内，甲方向乙方支付合同总价的60%；
            甲方（盖章）：江州市人民政府办公室
            乙方（盖章）：江州市保安服务有限公司
            签订日期：2024年12月1日
            """);
        var f = x.Consistency;
        Assert.False(f.AmountInWordsMatchesFigures);
        Assert.Equal((1345000m, 1340000m), (f.AmountInWords, f.AmountInFigures));
        Assert.Equal(90m, f.InstallmentPercentSum);
        Assert.False(f.InstallmentsMatchTotal);
        Assert.False(f.DatesInOrder);
        Assert.False(f.PurchaserNamedConsistently);
        Assert.True(f.SupplierNamedConsistently);
        Assert.False(f.SupplierUsccValid);
        Assert.Null(f.PurchaserUsccValid);
    }

    [Fact]
    public void Consistency_facts_are_null_when_the_contract_says_too_little()
    {
        var f = Extract("合同\n服务费按月支付，每月10日前甲方向乙方支付上月服务费人民币72,000.00元；\n").Consistency;
        Assert.Null(f.AmountInWordsMatchesFigures);
        Assert.Null(f.InstallmentsMatchTotal);
        Assert.Null(f.DatesInOrder);
        Assert.Null(f.PurchaserNamedConsistently);
        Assert.Null(f.SupplierUsccValid);
    }

    [Fact]
    public void A_place_to_sign_is_not_a_representative_and_the_gf_label_with_its_name_is()
    {
        var x = Extract("施工合同\n发包人：（公章）江州市城市管理和综合执法局\n法定代表人或其委托代理人：（签字）\n\n承包人：（公章）江州路安市政工程有限公司\n法定代表人或其委托代理人：邱路安\n");
        Assert.Null(x.Purchaser.LegalRepresentative);
        Assert.Equal("邱路安", x.Supplier.LegalRepresentative?.Value);
    }

    [Fact]
    public void A_rate_of_the_work_done_is_not_a_share_of_the_total()
    {
        var x = Extract("施工合同\n签约合同价为人民币（大写）壹佰万元整（¥1,000,000.00元）。\n第四条 工程款支付\n4.1 预付款：合同签订后14日内，发包人向承包人支付签约合同价的20%。\n4.2 进度款：按季度支付，每季度末按已完工程量的70%支付。\n");
        Assert.Equal([20m, null], x.PaymentSchedule.Select(p => p.Percent));
        Assert.Equal(PaymentTriggers.Period, x.PaymentSchedule[1].Trigger);
    }

    [Fact]
    public void The_damages_cap_may_be_the_next_sentence()
    {
        var x = Extract("合同\n七、违约责任\n乙方延期交货的，每延期一日向甲方支付合同金额万分之五的违约金；违约金总额不超过合同金额的10%。\n");
        Assert.Equal(0.0005m, x.LiquidatedDamagesRatePerDay?.Value);
        Assert.Equal(10m, x.LiquidatedDamagesCapPercent?.Value);
    }

    [Fact]
    public void A_title_split_after_the_project_name_is_joined_and_a_letterhead_is_not()
    {
        Assert.Equal("江州市城区道路维修工程施工合同", Extract("江州市城区道路维修工程\n施工合同\n合同编号：A-1\n").Title?.Value);
        Assert.Equal("医疗设备维保服务合同", Extract("江州市第一人民医院\n医疗设备维保服务合同\n").Title?.Value);
    }

    [Fact]
    public void An_evaluation_passed_is_acceptance()
    {
        var x = Extract("培训服务合同\n合同金额：人民币100,000.00元\n4．付款方式：合同生效后15日内甲方预付合同金额的30%；全部培训结束并经甲方评估合格后30日内支付剩余70%。\n");
        Assert.Equal([PaymentTriggers.Signing, PaymentTriggers.Acceptance], x.PaymentSchedule.Select(p => p.Trigger));
    }
}
