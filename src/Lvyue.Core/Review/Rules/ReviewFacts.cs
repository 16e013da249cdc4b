using System.Text.RegularExpressions;
using Lvyue.Organizations;
using Lvyue.Review.Extraction;

namespace Lvyue.Review.Rules;

/// <summary>One fact about a contract a rule's <c>field</c> condition reads: a number, a text or a flag, with its span.</summary>
/// <param name="Number">The numeric value, for numeric facts.</param>
/// <param name="Text">The text value, for text facts.</param>
/// <param name="Flag">The value of a consistency flag.</param>
/// <param name="Start">Start of the words the fact comes from.</param>
/// <param name="End">End (exclusive) of those words.</param>
public sealed record ReviewFact(decimal? Number, string? Text, bool Flag, int Start, int End);

/// <summary>A date of the contract a <c>compare</c> condition reads (start, end, signing …), with its span.</summary>
/// <param name="Value">The date.</param>
/// <param name="Start">Start of the words the date comes from.</param>
/// <param name="End">End (exclusive) of those words.</param>
public sealed record ReviewDateFact(DateOnly Value, int Start, int End);

/// <summary>
/// The facts rules read with <c>field:</c>, computed once per document from the ledger extraction: the extracted
/// values, shares derived from them and the consistency flags. <see cref="Names"/> lists every name with its meaning
/// (also in rules/README.md); a rule naming any other field is refused at load.
/// </summary>
public sealed partial class ReviewFacts
{
    /// <summary>Every fact name with its kind and meaning.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["category"] = "text: works | goods | services (extracted from the title or the opening)",
        ["amountTotal"] = "number: total amount in yuan",
        ["taxRatePercent"] = "number: VAT rate in percent (6 for 6%)",
        ["performanceBondPercent"] = "number: performance bond in percent as written",
        ["performanceBondAmount"] = "number: performance bond in yuan as written",
        ["performanceBondShare"] = "number: performance bond in percent of the total (as written, or amount / total)",
        ["retentionPercent"] = "number: retention (质量保证金) in percent",
        ["warrantyMonths"] = "number: warranty period in months",
        ["ldRatePerDay"] = "number: liquidated damages per day of delay as a fraction (万分之五 = 0.0005)",
        ["prepaymentPercent"] = "number: percent of the total paid on signing (installments triggered by signing)",
        ["warrantyHoldbackPercent"] = "number: percent of the total paid only at the end of the warranty",
        ["installmentCount"] = "number: installments in the payment schedule",
        ["installmentPercentSum"] = "number: sum of the installments' percents (when every installment states one)",
        ["maxPaymentDays"] = "number: longest period, in calendar days (working days × 7/5), allowed after delivery, acceptance or invoice",
        ["termMonths"] = "number: months from the start date to the end date",
        ["disputeResolution"] = "text: arbitration | litigation",
        ["amountWordsMismatch"] = "flag: the amount in capitals differs from the amount in figures",
        ["installmentsNot100"] = "flag: the installments' percents do not add up to 100",
        ["installmentAmountsMismatch"] = "flag: the installments' amounts, all stated, do not add up to the total",
        ["dateOrderInvalid"] = "flag: the end date is before the start date",
        ["effectiveBeforeSign"] = "flag: the effective date is before the sign date",
        ["purchaserUsccInvalid"] = "flag: the purchaser's USCC fails the GB 32100 check",
        ["supplierUsccInvalid"] = "flag: the supplier's USCC fails the GB 32100 check",
        ["samePartyBothSides"] = "flag: purchaser and supplier have the same name or USCC",
        ["purchaserNameInconsistent"] = "flag: the purchaser is named differently in two party lines (甲方：… / 甲方（盖章）：…)",
        ["supplierNameInconsistent"] = "flag: the supplier is named differently in two party lines",
    };

    /// <summary>Every date a <c>compare</c> expression can name, with its meaning.</summary>
    public static IReadOnlyDictionary<string, string> DateNames { get; } = new Dictionary<string, string>
    {
        ["signDate"] = "date: the date of signing",
        ["effectiveDate"] = "date: the date the contract takes effect",
        ["startDate"] = "date: the start of the performance (service) period",
        ["endDate"] = "date: the end of the performance (service) period",
        ["deliveryDate"] = "date: the delivery or completion date",
    };

    private readonly Dictionary<string, ReviewFact> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReviewDateFact> _dates = new(StringComparer.Ordinal);

    /// <summary>The date named <paramref name="name"/> (<see cref="DateNames"/>), or null when the contract does not state it.</summary>
    public ReviewDateFact? GetDate(string name) => _dates.GetValueOrDefault(name);

    /// <summary>The fact named <paramref name="name"/>, or null when the contract does not state it.</summary>
    public ReviewFact? Get(string name) => _facts.GetValueOrDefault(name);

    /// <summary>The facts the contract states, by name.</summary>
    public IReadOnlyDictionary<string, ReviewFact> All => _facts;

    /// <summary>Computes the facts of an extracted ledger.</summary>
    public static ReviewFacts From(LedgerExtraction x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var f = new ReviewFacts();
        f.Text("category", x.Category);
        f.Num("amountTotal", x.AmountTotal);
        if (x.TaxRate is { } tr) f.Set("taxRatePercent", tr.Value * 100, tr.Start, tr.End);
        f.Num("performanceBondPercent", x.PerformanceBondPercent);
        f.Num("performanceBondAmount", x.PerformanceBondAmount);
        if (x.PerformanceBondPercent is { } bp) f.Set("performanceBondShare", bp.Value, bp.Start, bp.End);
        else if (x.PerformanceBondAmount is { } ba && x.AmountTotal is { Value: > 0 } total)
            f.Set("performanceBondShare", Math.Round(ba.Value / total.Value * 100, 4), ba.Start, ba.End);
        f.Num("retentionPercent", x.RetentionPercent);
        if (x.WarrantyMonths is { } wm) f.Set("warrantyMonths", wm.Value, wm.Start, wm.End);
        f.Num("ldRatePerDay", x.LiquidatedDamagesRatePerDay);
        f.Text("disputeResolution", x.DisputeResolution);
        Schedule(x, f);
        Dates(x, f);
        Parties(x, f);
        if (x.AmountInWords is { } words && x.AmountTotal is { } figures && ChineseAmount.Parse(words.Value) is { } parsed)
            f.Flag("amountWordsMismatch", parsed != figures.Value, Math.Min(words.Start, figures.Start), Math.Max(words.End, figures.End));
        return f;
    }

    private static void Schedule(LedgerExtraction x, ReviewFacts f)
    {
        var s = x.PaymentSchedule;
        if (s.Count == 0) return;
        int first = s[0].Start, last = s[^1].End;
        f.Set("installmentCount", s.Count, first, last);
        var signing = s.Where(p => p.Trigger == PaymentTriggers.Signing && p.Percent is not null).ToList();
        if (signing.Count > 0) f.Set("prepaymentPercent", signing.Sum(p => p.Percent!.Value), signing[0].Start, signing[^1].End);
        var holdback = s.Where(p => p.Trigger == PaymentTriggers.WarrantyEnd && p.Percent is not null).ToList();
        if (holdback.Count > 0) f.Set("warrantyHoldbackPercent", holdback.Sum(p => p.Percent!.Value), holdback[0].Start, holdback[^1].End);
        if (s.All(p => p.Percent is not null))
        {
            var sum = s.Sum(p => p.Percent!.Value);
            f.Set("installmentPercentSum", sum, first, last);
            if (s.Count > 1) f.Flag("installmentsNot100", sum != 100m, first, last);
        }
        else if (s.Count > 1 && x.AmountTotal is { } total && s.All(p => p.Amount is not null && p.Percent is null))
            f.Flag("installmentAmountsMismatch", s.Sum(p => p.Amount!.Value) != total.Value, first, last);
        PaymentInstallment? longest = null;
        decimal longestDays = 0;
        foreach (var p in s)
        {
            if (p.DaysAfterTrigger is not { } d) continue;
            if (p.Trigger is not (PaymentTriggers.Acceptance or PaymentTriggers.Delivery or PaymentTriggers.Invoice)) continue;
            var days = p.WorkingDays == true ? Math.Ceiling(d * 7m / 5m) : d;
            if (longest is null || days > longestDays)
            {
                longest = p;
                longestDays = days;
            }
        }
        if (longest is not null) f.Set("maxPaymentDays", longestDays, longest.Start, longest.End);
    }

    private static void Dates(LedgerExtraction x, ReviewFacts f)
    {
        foreach (var (name, d) in new[] { ("signDate", x.SignDate), ("effectiveDate", x.EffectiveDate), ("startDate", x.StartDate), ("endDate", x.EndDate), ("deliveryDate", x.DeliveryDate) })
            if (d is not null) f._dates[name] = new ReviewDateFact(d.Value, d.Start, d.End);
        if (x.StartDate is { } start && x.EndDate is { } end)
        {
            var span = (Math.Min(start.Start, end.Start), Math.Max(start.End, end.End));
            f.Flag("dateOrderInvalid", end.Value < start.Value, span.Item1, span.Item2);
            if (end.Value >= start.Value)
            {
                // Whole months: the largest m with start + m months - 1 day on or before the end (1 Jan – 31 Dec is 12).
                var months = (end.Value.Year - start.Value.Year) * 12 + end.Value.Month - start.Value.Month + 1;
                while (months > 0 && start.Value.AddMonths(months).AddDays(-1) > end.Value) months--;
                f.Set("termMonths", Math.Max(0, months), span.Item1, span.Item2);
            }
        }
        if (x.EffectiveDate is { } eff && x.SignDate is { } sign && eff.Start != sign.Start)
            f.Flag("effectiveBeforeSign", eff.Value < sign.Value, Math.Min(eff.Start, sign.Start), Math.Max(eff.End, sign.End));
    }

    private static void Parties(LedgerExtraction x, ReviewFacts f)
    {
        if (x.Purchaser.Uscc is { } pu) f.Flag("purchaserUsccInvalid", !Uscc.IsValid(pu.Value), pu.Start, pu.End);
        if (x.Supplier.Uscc is { } su) f.Flag("supplierUsccInvalid", !Uscc.IsValid(su.Value), su.Start, su.End);
        if (x.Purchaser.Name is { } pn && x.Supplier.Name is { } sn)
        {
            var same = pn.Value == sn.Value
                || (x.Purchaser.Uscc is { } a && x.Supplier.Uscc is { } b && string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase));
            f.Flag("samePartyBothSides", same, sn.Start, sn.End);
        }
        NameConsistency(x.Text, PurchaserLine(), "purchaserNameInconsistent", f);
        NameConsistency(x.Text, SupplierLine(), "supplierNameInconsistent", f);
    }

    private static void NameConsistency(string text, Regex line, string fact, ReviewFacts f)
    {
        string? firstName = null;
        foreach (Match m in line.Matches(text))
        {
            var name = m.Groups["n"].Value;
            if (firstName is null)
            {
                firstName = name;
                continue;
            }
            if (name != firstName)
            {
                f.Flag(fact, true, m.Groups["n"].Index, m.Groups["n"].Index + m.Groups["n"].Length);
                return;
            }
        }
        if (firstName is not null) f.Flag(fact, false, 0, 0);
    }

    private const string Org = @"(?<n>[\u4e00-\u9fa5()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|局|委员会|中心|医院|学校|大学|学院|研究院|研究所|事务所|政府|办公室|街道办事处|管理处|站|所|院|馆|厂|集团|合作社))";

    [GeneratedRegex(@"(?m)^(?:甲方|采购人|发包人|买方|委托方)(?:\((?:盖章|公章|签章)\))?(?:名称)?[:]\s*" + Org + @"\s*$")]
    private static partial Regex PurchaserLine();

    [GeneratedRegex(@"(?m)^(?:乙方|供应商|承包人|卖方|受托方|服务方)(?:\((?:盖章|公章|签章)\))?(?:名称)?[:]\s*" + Org + @"\s*$")]
    private static partial Regex SupplierLine();

    private void Set(string name, decimal value, int start, int end) => _facts[name] = new ReviewFact(value, null, false, start, end);

    private void Num(string name, Extracted<decimal>? e)
    {
        if (e is not null) Set(name, e.Value, e.Start, e.End);
    }

    private void Text(string name, Extracted<string>? e)
    {
        if (e is not null) _facts[name] = new ReviewFact(null, e.Value, false, e.Start, e.End);
    }

    private void Flag(string name, bool value, int start, int end) => _facts[name] = new ReviewFact(null, null, value, start, end);
}
