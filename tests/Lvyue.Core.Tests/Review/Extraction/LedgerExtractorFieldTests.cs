using Lvyue.Organizations;
using Lvyue.Review;
using Lvyue.Review.Extraction;

namespace Lvyue.Tests.Review.Extraction;

/// <summary>Each field form the extractor reads, on short texts, with spans checked against the words.</summary>
public sealed class LedgerExtractorFieldTests
{
    private static LedgerExtraction Extract(string raw) => LedgerExtractor.Extract(TextNormalizer.Normalize(raw));

    private static string At<T>(LedgerExtraction x, Extracted<T>? f)
    {
        Assert.NotNull(f);
        return x.Text[f.Start..f.End];
    }

    private static readonly string ValidUscc = Uscc.Complete("91440300MA5F00000");

    private static string Parties(string uscc) => $"""
        服务合同
        合同编号：FW-2024-001
        甲方（采购人）：某市教育局
        统一社会信用代码：{uscc}
        法定代表人：李某
        地址：某市人民路1号
        联系人：赵某
        联系电话：0755-12345678
        电子邮箱：jyj@example.gov.cn
        开户银行：某银行某支行
        账号：6222000011112222
        乙方：某科技有限公司
        法定代表人：陈某
        住所：某市科技园8栋
        第一条 服务内容
        乙方提供软件服务。
        """;

    [Fact]
    public void Party_blocks_yield_every_labelled_field_with_its_span()
    {
        var x = Extract(Parties(ValidUscc));
        Assert.Equal("FW-2024-001", x.ContractNumber?.Value);
        Assert.Equal("某市教育局", x.Purchaser.Name?.Value);
        Assert.Equal(ValidUscc, x.Purchaser.Uscc?.Value);
        Assert.True(x.Purchaser.Uscc!.Confidence >= 0.9);
        Assert.Equal(ValidUscc, At(x, x.Purchaser.Uscc));
        Assert.Equal("李某", x.Purchaser.LegalRepresentative?.Value);
        Assert.Equal("某市人民路1号", x.Purchaser.Address?.Value);
        Assert.Equal("赵某", x.Purchaser.ContactName?.Value);
        Assert.Equal("0755-12345678", x.Purchaser.ContactPhone?.Value);
        Assert.Equal("jyj@example.gov.cn", x.Purchaser.ContactEmail?.Value);
        Assert.Equal("某银行某支行", x.Purchaser.BankName?.Value);
        Assert.Equal("6222000011112222", x.Purchaser.BankAccount?.Value);
        Assert.Equal("某科技有限公司", x.Supplier.Name?.Value);
        Assert.Equal("陈某", x.Supplier.LegalRepresentative?.Value);
        Assert.Equal("某市科技园8栋", x.Supplier.Address?.Value);
        Assert.Null(x.Supplier.Uscc);
        Assert.Equal("某科技有限公司", At(x, x.Supplier.Name));
    }

    [Fact]
    public void An_invalid_uscc_is_reported_as_written_with_low_confidence()
    {
        var good = ValidUscc;
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var x = Extract(Parties(wrongCheck));
        Assert.Equal(wrongCheck, x.Purchaser.Uscc?.Value);
        Assert.True(x.Purchaser.Uscc!.Confidence <= 0.2);
    }

    [Fact]
    public void A_signature_line_is_not_taken_for_a_party_name()
    {
        var x = Extract("甲方（盖章）：　　　　乙方（盖章）：\n");
        Assert.Null(x.Purchaser.Name);
        Assert.Null(x.Supplier.Name);
    }

    [Theory]
    [InlineData("合同总价为人民币壹佰贰拾万元整（¥1,200,000.00元）。", "1200000.00", "壹佰贰拾万元整")]
    [InlineData("合同金额：120万元。", "1200000.00", null)]
    [InlineData("合同总价：¥ 350,000.50元（不含税）。", "350000.50", null)]
    [InlineData("签约合同价为：人民币（大写）叁拾万零伍佰元整。", "300500.00", "叁拾万零伍佰元整")]
    public void The_total_amount_is_read_from_figures_capitals_and_wan(string text, string total, string? words)
    {
        var x = Extract(text);
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), x.AmountTotal?.Value);
        Assert.Equal(total, x.AmountTotal!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(words, x.AmountInWords?.Value);
    }

    [Fact]
    public void Capitals_that_disagree_with_figures_lower_the_confidence()
    {
        var x = Extract("合同总价为人民币壹佰万元整（¥1,200,000.00元）。");
        Assert.Equal(1_200_000m, x.AmountTotal?.Value);
        Assert.True(x.AmountTotal!.Confidence < 0.5);
    }

    [Theory]
    [InlineData("合同总价为100万元，为含税价，税率6%。", true, "0.06")]
    [InlineData("合同总价为100万元，增值税税率为13%。", null, "0.13")]
    [InlineData("合同总价为100万元（不含税）。", false, null)]
    [InlineData("合同总金额为100万元，含9%增值税。", true, "0.09")]
    public void The_tax_flag_and_rate_are_read(string text, bool? inclusive, string? rate)
    {
        var x = Extract(text);
        Assert.Equal(inclusive, x.TaxInclusive?.Value);
        Assert.Equal(rate is null ? null : decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), x.TaxRate?.Value);
    }

    [Theory]
    [InlineData("签订日期：2024年3月1日", "2024-03-01")]
    [InlineData("签订日期：二〇二四年三月一日", "2024-03-01")]
    [InlineData("签订日期：2024-03-01", "2024-03-01")]
    [InlineData("签订日期：2024.3.1", "2024-03-01")]
    public void The_sign_date_is_read_in_every_form(string text, string iso)
    {
        var x = Extract(text);
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), x.SignDate?.Value);
        Assert.Equal(text[5..], At(x, x.SignDate));
    }

    [Theory]
    [InlineData("签订日期：____年__月__日\n本合同自双方签字盖章之日起生效。")]
    [InlineData("签订日期：　　年　　月　　日")]
    public void Blank_dates_are_null_and_nothing_is_derived_from_them(string text)
    {
        var x = Extract(text);
        Assert.Null(x.SignDate);
        Assert.Null(x.EffectiveDate);
    }

    [Fact]
    public void A_duration_from_signing_gives_the_end_date_when_the_sign_date_is_known()
    {
        var x = Extract("服务期限：自合同签订之日起12个月。\n签订日期：2024年3月1日");
        Assert.Equal(new DateOnly(2024, 3, 1), x.StartDate?.Value);
        Assert.Equal(new DateOnly(2025, 2, 28), x.EndDate?.Value);
        Assert.Equal("自合同签订之日起12个月", At(x, x.EndDate));
    }

    [Fact]
    public void A_duration_from_signing_without_a_sign_date_gives_no_end_date()
    {
        var x = Extract("服务期限：自合同签订之日起12个月。");
        Assert.Null(x.StartDate);
        Assert.Null(x.EndDate);
    }

    [Fact]
    public void An_explicit_effective_date_is_read()
    {
        var x = Extract("本合同自2024年5月1日起生效。");
        Assert.Equal(new DateOnly(2024, 5, 1), x.EffectiveDate?.Value);
    }

    private const string PaymentContract = """
        采购合同
        第一条 合同价款
        合同总价为人民币壹佰万元整（¥1,000,000.00元）。
        第二条 付款方式
        1.合同签订后7日内，甲方支付合同总价的20%；
        2.货物交付后10个工作日内，甲方支付合同总价的30%；
        3.甲方收到乙方发票后15日内支付合同总价的40%；
        4.2024年12月31日前支付合同总价的5%；
        5.质保期满后支付剩余5%。
        """;

    [Fact]
    public void Payment_installments_get_percent_computed_amount_trigger_and_days()
    {
        var x = Extract(PaymentContract);
        Assert.Equal(
            [
                (1, (decimal?)20m, (decimal?)200_000m, PaymentTriggers.Signing, (int?)7, (bool?)false, (DateOnly?)null),
                (2, 30m, 300_000m, PaymentTriggers.Delivery, 10, true, null),
                (3, 40m, 400_000m, PaymentTriggers.Invoice, 15, false, null),
                (4, 5m, 50_000m, PaymentTriggers.Date, null, null, new DateOnly(2024, 12, 31)),
                (5, 5m, 50_000m, PaymentTriggers.WarrantyEnd, null, null, null),
            ],
            x.PaymentSchedule.Select(p => (p.Sequence, p.Percent, p.Amount, p.Trigger, p.DaysAfterTrigger, p.WorkingDays, p.DueDate)));
        Assert.StartsWith("1.合同签订后7日内", x.Text[x.PaymentSchedule[0].Start..x.PaymentSchedule[0].End]);
    }

    [Fact]
    public void Percents_outside_payment_clauses_are_not_installments()
    {
        var x = Extract("第一条 服务标准\n系统可用率不低于99.9%，甲方按月考核后支付。\n");
        Assert.Empty(x.PaymentSchedule);
    }

    [Theory]
    [InlineData("乙方应提交合同总价5%的履约保证金。", "5", null)]
    [InlineData("乙方应提交履约保证金人民币50,000元。", null, "50000.00")]
    public void The_performance_bond_is_read_as_percent_or_amount(string text, string? percent, string? amount)
    {
        var x = Extract(text);
        Assert.Equal(percent, x.PerformanceBondPercent?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(amount, x.PerformanceBondAmount?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Retention_is_read_as_a_percent()
    {
        var x = Extract("甲方预留合同总价的3%作为质量保证金。");
        Assert.Equal(3m, x.RetentionPercent?.Value);
        Assert.Equal("3%", At(x, x.RetentionPercent));
    }

    [Theory]
    [InlineData("质保期为验收合格之日起36个月。", 36)]
    [InlineData("本工程保修期为竣工验收合格之日起2年。", 24)]
    [InlineData("质量保证期为一年。", 12)]
    public void The_warranty_is_read_in_months(string text, int months)
    {
        Assert.Equal(months, Extract(text).WarrantyMonths?.Value);
    }

    [Theory]
    [InlineData("乙方每逾期一日，按合同总价的万分之五支付违约金。", "0.0005", "万分之五")]
    [InlineData("每逾期一天按合同总价的0.05%支付违约金。", "0.0005", "0.05%")]
    [InlineData("每延迟一日按千分之一支付违约金。", "0.001", "千分之一")]
    public void The_liquidated_damages_rate_per_day_is_a_fraction(string text, string rate, string span)
    {
        var x = Extract(text);
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), x.LiquidatedDamagesRatePerDay?.Value);
        Assert.Equal(span, At(x, x.LiquidatedDamagesRatePerDay));
    }

    [Fact]
    public void Damages_without_a_daily_rate_are_null()
    {
        Assert.Null(Extract("乙方应支付违约金2万元。").LiquidatedDamagesRatePerDay);
    }

    [Theory]
    [InlineData("第十条 争议解决\n协商不成的，提交华南国际经济贸易仲裁委员会仲裁。", "arbitration", "华南国际经济贸易仲裁委员会")]
    [InlineData("第十条 争议解决\n协商不成的，任何一方可向甲方所在地人民法院提起诉讼。", "litigation", "甲方所在地人民法院")]
    public void Dispute_resolution_and_venue_come_from_the_dispute_clause(string text, string kind, string venue)
    {
        var x = Extract(text);
        Assert.Equal(kind, x.DisputeResolution?.Value);
        Assert.Equal(venue, x.DisputeVenue?.Value);
        Assert.Equal(venue, At(x, x.DisputeVenue));
    }

    [Fact]
    public void A_text_with_no_contract_in_it_yields_nulls()
    {
        var x = Extract("今天天气很好，我们去公园散步。");
        Assert.Null(x.Title);
        Assert.Null(x.AmountTotal);
        Assert.Null(x.SignDate);
        Assert.Null(x.Purchaser.Name);
        Assert.Empty(x.PaymentSchedule);
        Assert.Empty(x.Spans());
    }

    [Fact]
    public void Every_span_lies_inside_the_text_and_is_not_empty()
    {
        var x = LedgerExtractor.Extract(TextNormalizer.Normalize(PaymentContract + "\n签订日期：2024年3月1日\n争议提交某市仲裁委员会仲裁。"));
        Assert.NotEmpty(x.Spans());
        foreach (var (_, (start, end)) in x.Spans())
            Assert.True(0 <= start && start < end && end <= x.Text.Length);
    }

    [Fact]
    public void A_service_term_of_one_year_ends_the_day_before_the_anniversary_of_a_known_start()
    {
        var x = Extract("服务期限为一年。\n开始日期：2024年7月1日");
        Assert.Equal(new DateOnly(2024, 7, 1), x.StartDate?.Value);
        Assert.Equal(new DateOnly(2025, 6, 30), x.EndDate?.Value);
        Assert.Equal("服务期限为一年", At(x, x.EndDate));
    }

    [Fact]
    public void A_date_line_in_the_signature_block_is_the_sign_date()
    {
        var x = Extract("甲方（盖章）：\n日期：2024年6月18日");
        Assert.Equal(new DateOnly(2024, 6, 18), x.SignDate?.Value);
    }

    [Fact]
    public void A_yuan_sign_amount_without_a_unit_is_read()
    {
        var x = Extract("合同总价：¥86,400.00（含税）。");
        Assert.Equal(86_400.00m, x.AmountTotal?.Value);
        Assert.Equal("¥86,400.00", At(x, x.AmountTotal));
        Assert.True(x.TaxInclusive?.Value);
    }

    [Fact]
    public void A_daily_percent_that_is_not_a_penalty_is_not_a_damages_rate()
    {
        Assert.Null(Extract("乙方每日巡检一次，系统可用率不低于99.9%。").LiquidatedDamagesRatePerDay);
    }

    [Theory]
    [InlineData("第十条 争议解决\n协商不成的，提交深圳国际仲裁院仲裁。", "arbitration", "深圳国际仲裁院")]
    [InlineData("第十条 争议解决\n协商不成的，任何一方可申请仲裁。", "arbitration", null)]
    public void Arbitration_is_recognised_with_or_without_a_named_institution(string text, string kind, string? venue)
    {
        var x = Extract(text);
        Assert.Equal(kind, x.DisputeResolution?.Value);
        Assert.Equal(venue, x.DisputeVenue?.Value);
    }

    [Fact]
    public void Party_labels_with_a_name_suffix_are_read()
    {
        var x = Extract("采购人名称：某市卫生健康委员会\n供应商名称：某软件有限公司\n");
        Assert.Equal("某市卫生健康委员会", x.Purchaser.Name?.Value);
        Assert.Equal("某软件有限公司", x.Supplier.Name?.Value);
    }

    [Fact]
    public void A_winning_bid_amount_is_the_total()
    {
        Assert.Equal(455_000.00m, Extract("中标金额：人民币肆拾伍万伍仟元整（¥455,000.00元）").AmountTotal?.Value);
    }

    [Fact]
    public void Free_warranty_years_are_read_in_months()
    {
        Assert.Equal(36, Extract("乙方提供免费质保三年。").WarrantyMonths?.Value);
    }

    [Fact]
    public void Fields_in_the_signature_block_complete_the_parties()
    {
        var x = Extract($"""
            甲方：某市教育局
            乙方：某科技有限公司
            第一条 服务内容
            乙方提供软件服务。
            甲方（盖章）：
            法定代表人或授权代表（签字）：
            统一社会信用代码：{ValidUscc}（见营业执照）
            开户银行：某银行某支行
            乙方（盖章）：
            地址：某市科技园8栋
            """);
        Assert.Equal("某市教育局", x.Purchaser.Name?.Value);
        Assert.Null(x.Purchaser.LegalRepresentative);
        Assert.Equal(ValidUscc, x.Purchaser.Uscc?.Value);
        Assert.Equal(ValidUscc, At(x, x.Purchaser.Uscc));
        Assert.Equal("某银行某支行", x.Purchaser.BankName?.Value);
        Assert.Equal("某市科技园8栋", x.Supplier.Address?.Value);
        Assert.Null(x.Supplier.BankName);
    }

    [Fact]
    public void Several_installments_in_one_sentence_are_split_at_their_percents()
    {
        var x = Extract("第一条 合同价款\n合同总价为人民币伍拾万元整（¥500,000.00元）。\n第二条 付款方式\n合同签订后10日内甲方支付合同总价的百分之三十，货物验收合格后支付60%，剩余10%于质保期满后付清。\n");
        Assert.Equal(
            [
                ((decimal?)30m, (decimal?)150_000m, PaymentTriggers.Signing),
                (60m, 300_000m, PaymentTriggers.Acceptance),
                (10m, 50_000m, PaymentTriggers.WarrantyEnd),
            ],
            x.PaymentSchedule.Select(p => (p.Percent, p.Amount, p.Trigger)));
        Assert.Equal("货物验收合格后支付60%", x.Text[x.PaymentSchedule[1].Start..x.PaymentSchedule[1].End]);
    }

    [Fact]
    public void An_installment_stated_as_an_amount_keeps_the_amount_and_no_percent()
    {
        var x = Extract("第二条 付款方式\n合同签订后5个工作日内，甲方支付首期款人民币10万元。\n");
        var only = Assert.Single(x.PaymentSchedule);
        Assert.Equal(((decimal?)null, (decimal?)100_000m, PaymentTriggers.Signing, (int?)5, (bool?)true),
            (only.Percent, only.Amount, only.Trigger, only.DaysAfterTrigger, only.WorkingDays));
    }

    [Fact]
    public void A_bond_written_as_a_chinese_percent_is_read()
    {
        Assert.Equal(10m, Extract("乙方应提交合同金额百分之十的履约保证金。").PerformanceBondPercent?.Value);
    }

    [Fact]
    public void A_contract_signed_on_a_stated_day_and_effective_on_signature_gets_both_dates()
    {
        var x = Extract("本合同于2024年8月8日在某市签订。\n本合同经双方签字盖章后生效。");
        Assert.Equal(new DateOnly(2024, 8, 8), x.SignDate?.Value);
        Assert.Equal("2024年8月8日", At(x, x.SignDate));
        Assert.Equal(new DateOnly(2024, 8, 8), x.EffectiveDate?.Value);
        Assert.True(x.EffectiveDate!.Confidence < 0.9, "derived from the sign date");
    }
}
