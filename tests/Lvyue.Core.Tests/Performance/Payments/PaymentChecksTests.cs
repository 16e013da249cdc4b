using Lvyue.Performance.Payments;

namespace Lvyue.Tests.Performance.Payments;

/// <summary>The SME payment term rules of 保障中小企业款项支付条例 第九、十、十七条, as pure functions.</summary>
public sealed class PaymentChecksTests
{
    private static PaymentFacts Facts(DateOnly paid, int? agreed = null, DateOnly? accepted = null, DateOnly? delivered = null, bool depends = false) => new()
    {
        ContractNumber = "JY-1", ContractAmount = 1_000_000m, Amount = 100_000m, PayDate = paid, PayeeName = "某公司",
        Suppliers = [new SupplierFacts(1, "某公司", null, IsSme: true)], AgreedDays = agreed, AcceptedOn = accepted, DeliveredOn = delivered,
        DependsOnAcceptance = depends,
    };

    [Theory]
    [InlineData(null, 30, 0)]      // 30 days by default: 31 January is the last day
    [InlineData(null, 31, 1)]
    [InlineData(45, 46, 1)]        // an agreed 45 days
    [InlineData(90, 61, 1)]        // an agreed 90 days is capped at 60
    [InlineData(90, 60, 0)]
    public void TheTermCountsFromDelivery_AndAnAgreedTermIsCappedAtSixtyDays(int? agreed, int paidAfterDays, int daysLate)
    {
        var delivered = new DateOnly(2026, 1, 1);
        var alerts = PaymentChecks.Evaluate(Facts(delivered.AddDays(paidAfterDays), agreed, delivered: delivered));
        var late = alerts.SingleOrDefault(a => a.Kind == AlertKind.SmeLatePayment);
        Assert.Equal(daysLate, late?.DaysLate ?? 0);
        if (late is not null) Assert.Equal(100_000m * 0.0005m * daysLate, late.Interest);
    }

    [Fact]
    public void WhenPaymentDependsOnAcceptance_TheTermCountsFromTheAcceptance()
    {
        var f = Facts(new DateOnly(2026, 3, 5), delivered: new DateOnly(2026, 1, 1), accepted: new DateOnly(2026, 2, 20), depends: true);
        Assert.DoesNotContain(PaymentChecks.Evaluate(f), a => a.Kind == AlertKind.SmeLatePayment);
        Assert.Contains(PaymentChecks.Evaluate(f with { DependsOnAcceptance = false }), a => a.Kind == AlertKind.SmeLatePayment);
    }

    [Fact]
    public void ALargeSupplier_OrAPayeeMatchedByAccount_IsNotFlagged()
    {
        var big = Facts(new DateOnly(2026, 6, 1), delivered: new DateOnly(2026, 1, 1)) with { Suppliers = [new SupplierFacts(1, "某公司", "6222000011112222", false)] };
        Assert.Empty(PaymentChecks.Evaluate(big));
        var byAccount = big with { PayeeName = "某公司（代收）", PayeeAccount = "6222 0000 1111 2222" };
        Assert.Empty(PaymentChecks.Evaluate(byAccount));
        Assert.Contains(PaymentChecks.Evaluate(byAccount with { PayeeAccount = "1" }), a => a.Kind == AlertKind.PayeeNotSupplier);
    }
}
