using Lvyue.Review.Extraction;
using Lvyue.Tests.Review.Clauses;

namespace Lvyue.Tests.Review.Extraction;

/// <summary>The ledger of each of the four contract fixtures, against ground truth read from the fixture text.</summary>
public sealed class LedgerExtractorFixtureTests
{
    private static LedgerExtraction Extract(string fixture) => LedgerExtractor.Extract(ClauseFixtures.Normalized(fixture));

    private static void SpanIs<T>(LedgerExtraction x, Extracted<T>? field, string expected)
    {
        Assert.NotNull(field);
        Assert.Equal(expected, x.Text[field.Start..field.End]);
    }

    [Fact]
    public void The_goods_procurement_contract_yields_its_whole_ledger()
    {
        var x = Extract("goods-procurement.txt");
        Assert.Equal("政府采购合同(货物类)", x.Title?.Value);
        Assert.Equal("SZCG-2024-0317", x.ContractNumber?.Value);
        Assert.Equal("goods", x.Category?.Value);
        Assert.Equal("某市第一人民医院", x.Purchaser.Name?.Value);
        Assert.Equal("某医疗设备有限公司", x.Supplier.Name?.Value);
        Assert.Null(x.Purchaser.Uscc);
        Assert.Equal(1_200_000.00m, x.AmountTotal?.Value);
        Assert.Equal("壹佰贰拾万元整", x.AmountInWords?.Value);
        Assert.True(x.TaxInclusive?.Value);
        Assert.Equal(0.13m, x.TaxRate?.Value);
        Assert.Equal(new DateOnly(2024, 2, 20), x.SignDate?.Value);
        Assert.Equal(new DateOnly(2024, 2, 20), x.EffectiveDate?.Value);
        Assert.Null(x.StartDate);
        Assert.Null(x.EndDate);
        Assert.Equal(
            [
                (1, (decimal?)30m, (decimal?)360_000m, PaymentTriggers.Signing, (int?)10, (bool?)true),
                (2, 65m, 780_000m, PaymentTriggers.Acceptance, 15, true),
                (3, 5m, 60_000m, PaymentTriggers.WarrantyEnd, null, null),
            ],
            x.PaymentSchedule.Select(p => (p.Sequence, p.Percent, p.Amount, p.Trigger, p.DaysAfterTrigger, p.WorkingDays)));
        Assert.Equal(5m, x.PerformanceBondPercent?.Value);
        Assert.Null(x.PerformanceBondAmount);
        Assert.Equal(5m, x.RetentionPercent?.Value);
        Assert.Equal(36, x.WarrantyMonths?.Value);
        Assert.Equal(0.0005m, x.LiquidatedDamagesRatePerDay?.Value);
        Assert.Equal("arbitration", x.DisputeResolution?.Value);
        Assert.Equal("某市仲裁委员会", x.DisputeVenue?.Value);
        SpanIs(x, x.AmountTotal, "¥1,200,000.00元");
        SpanIs(x, x.AmountInWords, "壹佰贰拾万元整");
        SpanIs(x, x.SignDate, "2024年2月20日");
        SpanIs(x, x.DisputeVenue, "某市仲裁委员会");
        SpanIs(x, x.LiquidatedDamagesRatePerDay, "万分之五");
    }

    [Fact]
    public void The_construction_contract_yields_its_agreement_dates_price_and_special_terms()
    {
        var x = Extract("construction-gf2017.txt");
        Assert.Equal("建设工程施工合同", x.Title?.Value);
        Assert.Null(x.ContractNumber);
        Assert.Equal("works", x.Category?.Value);
        Assert.Equal("某市城市管理局", x.Purchaser.Name?.Value);
        Assert.Equal("某建设集团有限公司", x.Supplier.Name?.Value);
        Assert.Equal(12_345_600.00m, x.AmountTotal?.Value);
        Assert.Equal("壹仟贰佰叁拾肆万伍仟陆佰元整", x.AmountInWords?.Value);
        Assert.Null(x.TaxRate);
        Assert.Null(x.SignDate);
        Assert.Null(x.EffectiveDate);
        Assert.Equal(new DateOnly(2024, 4, 1), x.StartDate?.Value);
        Assert.Equal(new DateOnly(2024, 10, 31), x.EndDate?.Value);
        var monthly = Assert.Single(x.PaymentSchedule);
        Assert.Equal((null, PaymentTriggers.Period, 14, false), (monthly.Percent, monthly.Trigger, monthly.DaysAfterTrigger, monthly.WorkingDays));
        Assert.Equal(10m, x.PerformanceBondPercent?.Value);
        Assert.Equal(3m, x.RetentionPercent?.Value);
        Assert.True(x.RetentionPercent!.Confidence < 0.9, "不得超过3% is a cap, reported with less confidence");
        Assert.Equal(24, x.WarrantyMonths?.Value);
        Assert.Null(x.LiquidatedDamagesRatePerDay);
        Assert.Equal("litigation", x.DisputeResolution?.Value);
        Assert.Equal("工程所在地人民法院", x.DisputeVenue?.Value);
        SpanIs(x, x.StartDate, "2024年4月1日");
        SpanIs(x, x.EndDate, "2024年10月31日");
    }

    [Fact]
    public void The_it_operations_contract_reads_its_payment_table_and_service_period()
    {
        var x = Extract("it-operations.txt");
        Assert.Equal("信息系统运维服务合同", x.Title?.Value);
        Assert.Equal("services", x.Category?.Value);
        Assert.Equal("某市政务服务数据管理局", x.Purchaser.Name?.Value);
        Assert.Equal("某信息技术股份有限公司", x.Supplier.Name?.Value);
        Assert.Equal(600_000.00m, x.AmountTotal?.Value);
        Assert.Equal("陆拾万元整", x.AmountInWords?.Value);
        Assert.Equal(0.06m, x.TaxRate?.Value);
        Assert.True(x.TaxInclusive?.Value);
        Assert.Equal(new DateOnly(2024, 3, 1), x.StartDate?.Value);
        Assert.Equal(new DateOnly(2025, 2, 28), x.EndDate?.Value);
        Assert.Null(x.SignDate);
        Assert.Equal(
            [
                (1, (decimal?)30m, (decimal?)180_000m, PaymentTriggers.Signing, (int?)10, (bool?)true),
                (2, 40m, 240_000m, PaymentTriggers.Period, null, null),
                (3, 30m, 180_000m, PaymentTriggers.Acceptance, null, null),
            ],
            x.PaymentSchedule.Select(p => (p.Sequence, p.Percent, p.Amount, p.Trigger, p.DaysAfterTrigger, p.WorkingDays)));
        Assert.Null(x.PerformanceBondPercent);
        Assert.Null(x.RetentionPercent);
        Assert.Null(x.WarrantyMonths);
        Assert.Null(x.LiquidatedDamagesRatePerDay);
        Assert.Equal(("litigation", "甲方所在地人民法院"), (x.DisputeResolution?.Value, x.DisputeVenue?.Value));
    }

    [Fact]
    public void The_property_services_agreement_reads_its_quarterly_payment_and_has_no_dispute_clause()
    {
        var x = Extract("property-services.txt");
        Assert.Equal("物业服务委托协议", x.Title?.Value);
        Assert.Equal("services", x.Category?.Value);
        Assert.Equal("某区人民法院", x.Purchaser.Name?.Value);
        Assert.Equal("某物业管理有限公司", x.Supplier.Name?.Value);
        Assert.Equal(480_000.00m, x.AmountTotal?.Value);
        Assert.Equal("肆拾捌万元整", x.AmountInWords?.Value);
        Assert.True(x.TaxInclusive?.Value);
        Assert.Null(x.TaxRate);
        Assert.Equal(new DateOnly(2024, 1, 1), x.StartDate?.Value);
        Assert.Equal(new DateOnly(2024, 12, 31), x.EndDate?.Value);
        var quarterly = Assert.Single(x.PaymentSchedule);
        Assert.Equal((null, PaymentTriggers.Period, 15, true), (quarterly.Percent, quarterly.Trigger, quarterly.DaysAfterTrigger, quarterly.WorkingDays));
        Assert.Null(x.LiquidatedDamagesRatePerDay);
        Assert.Null(x.DisputeResolution);
        Assert.Null(x.DisputeVenue);
        SpanIs(x, x.Purchaser.Name, "某区人民法院");
    }
}
