using Lvyue.Review.Clauses;

namespace Lvyue.Review.Extraction;

/// <summary>One extracted value with how sure the extractor is of it and the words it came from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Confidence">0–1: 0.9 and above for a labelled value read as written; lower for derived or inconsistent values.</param>
/// <param name="Start">Start of the source span in the normalized text (inclusive).</param>
/// <param name="End">End of the source span in the normalized text (exclusive).</param>
public sealed record Extracted<T>(T Value, double Confidence, int Start, int End);

/// <summary>A contracting party as the contract names it. Every field is null when the contract does not state it.</summary>
public sealed class ExtractedParty
{
    /// <summary>The party's name.</summary>
    public Extracted<string>? Name { get; internal set; }

    /// <summary>The unified social credit code (统一社会信用代码); an invalid check character gives confidence 0.2.</summary>
    public Extracted<string>? Uscc { get; internal set; }

    /// <summary>The legal representative (法定代表人).</summary>
    public Extracted<string>? LegalRepresentative { get; internal set; }

    /// <summary>The address (地址, 住所).</summary>
    public Extracted<string>? Address { get; internal set; }

    /// <summary>The contact person (联系人).</summary>
    public Extracted<string>? ContactName { get; internal set; }

    /// <summary>The telephone (联系电话, 电话).</summary>
    public Extracted<string>? ContactPhone { get; internal set; }

    /// <summary>The e-mail address.</summary>
    public Extracted<string>? ContactEmail { get; internal set; }

    /// <summary>The bank (开户银行).</summary>
    public Extracted<string>? BankName { get; internal set; }

    /// <summary>The bank account number (账号).</summary>
    public Extracted<string>? BankAccount { get; internal set; }

    /// <summary>The fields by their JSON names, for span listings.</summary>
    public IEnumerable<(string Name, Extracted<string>? Field)> Fields()
    {
        yield return ("name", Name);
        yield return ("uscc", Uscc);
        yield return ("legalRepresentative", LegalRepresentative);
        yield return ("address", Address);
        yield return ("contactName", ContactName);
        yield return ("contactPhone", ContactPhone);
        yield return ("contactEmail", ContactEmail);
        yield return ("bankName", BankName);
        yield return ("bankAccount", BankAccount);
    }
}

/// <summary>What starts the clock of a payment installment; the codes are those of the extraction contract.</summary>
public static class PaymentTriggers
{
    /// <summary>Contract signing (合同签订后).</summary>
    public const string Signing = "signing";
    /// <summary>Delivery (到货, 交货, 交付).</summary>
    public const string Delivery = "delivery";
    /// <summary>Acceptance (验收合格, 终验).</summary>
    public const string Acceptance = "acceptance";
    /// <summary>Receipt of the invoice (收到发票后).</summary>
    public const string Invoice = "invoice";
    /// <summary>A fixed date.</summary>
    public const string Date = "date";
    /// <summary>A recurring or elapsed period (按月, 按季度, 满6个月).</summary>
    public const string Period = "period";
    /// <summary>The end of the warranty (质保期满).</summary>
    public const string WarrantyEnd = "warranty_end";
    /// <summary>Anything else.</summary>
    public const string Other = "other";
}

/// <summary>One installment of the payment schedule.</summary>
/// <param name="Sequence">1-based position in the schedule.</param>
/// <param name="Percent">Percent of the total (30 means 30%), or null.</param>
/// <param name="Amount">Amount in yuan: as written, or computed from the total when only a percent is given; null when neither is known.</param>
/// <param name="Trigger">One of the <see cref="PaymentTriggers"/> codes.</param>
/// <param name="DaysAfterTrigger">Days allowed after the trigger, or null.</param>
/// <param name="WorkingDays">True for working days, false for calendar days, null when no days are stated.</param>
/// <param name="DueDate">A fixed due date, or null (a relative due date stays a rule).</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Start">Start of the installment's words in the normalized text.</param>
/// <param name="End">End (exclusive) of the installment's words.</param>
public sealed record PaymentInstallment(int Sequence, decimal? Percent, decimal? Amount, string Trigger, int? DaysAfterTrigger,
    bool? WorkingDays, DateOnly? DueDate, double Confidence, int Start, int End);

/// <summary>A contract's ledger as extracted from its normalized text. Every field is null when the contract does not state it.</summary>
public sealed class LedgerExtraction
{
    /// <summary>The normalized text the spans point into.</summary>
    public required string Text { get; init; }

    /// <summary>The contract's title.</summary>
    public Extracted<string>? Title { get; internal set; }

    /// <summary>The contract number (合同编号).</summary>
    public Extracted<string>? ContractNumber { get; internal set; }

    /// <summary>works, goods or services.</summary>
    public Extracted<string>? Category { get; internal set; }

    /// <summary>The purchaser (甲方, 采购人, 发包人).</summary>
    public ExtractedParty Purchaser { get; } = new();

    /// <summary>The supplier (乙方, 供应商, 承包人).</summary>
    public ExtractedParty Supplier { get; } = new();

    /// <summary>The total amount in yuan.</summary>
    public Extracted<decimal>? AmountTotal { get; internal set; }

    /// <summary>The total in capital numerals as written (壹佰贰拾万元整).</summary>
    public Extracted<string>? AmountInWords { get; internal set; }

    /// <summary>Whether the total includes tax (含税 true, 不含税 false).</summary>
    public Extracted<bool>? TaxInclusive { get; internal set; }

    /// <summary>The VAT rate as a fraction (0.06 for 6%).</summary>
    public Extracted<decimal>? TaxRate { get; internal set; }

    /// <summary>The signing date.</summary>
    public Extracted<DateOnly>? SignDate { get; internal set; }

    /// <summary>The effective date.</summary>
    public Extracted<DateOnly>? EffectiveDate { get; internal set; }

    /// <summary>The start of the term or works.</summary>
    public Extracted<DateOnly>? StartDate { get; internal set; }

    /// <summary>The end of the term or works.</summary>
    public Extracted<DateOnly>? EndDate { get; internal set; }

    /// <summary>The payment installments in contract order.</summary>
    public IReadOnlyList<PaymentInstallment> PaymentSchedule { get; internal set; } = [];

    /// <summary>The performance bond as a percent of the total.</summary>
    public Extracted<decimal>? PerformanceBondPercent { get; internal set; }

    /// <summary>The performance bond as an amount in yuan.</summary>
    public Extracted<decimal>? PerformanceBondAmount { get; internal set; }

    /// <summary>The retention (质量保证金) as a percent.</summary>
    public Extracted<decimal>? RetentionPercent { get; internal set; }

    /// <summary>The warranty period in months.</summary>
    public Extracted<int>? WarrantyMonths { get; internal set; }

    /// <summary>Liquidated damages per day of delay as a fraction (万分之五 is 0.0005).</summary>
    public Extracted<decimal>? LiquidatedDamagesRatePerDay { get; internal set; }

    /// <summary>arbitration or litigation.</summary>
    public Extracted<string>? DisputeResolution { get; internal set; }

    /// <summary>The arbitration commission or court.</summary>
    public Extracted<string>? DisputeVenue { get; internal set; }

    /// <summary>A fixed delivery date (交货时间：2024年4月30日前); a relative one (合同签订后30日内) stays null.</summary>
    public Extracted<DateOnly>? DeliveryDate { get; internal set; }

    /// <summary>The delivery place (交货地点).</summary>
    public Extracted<string>? DeliveryPlace { get; internal set; }

    /// <summary>How many months the retention is held: as stated, or the warranty or defect-liability period it is refunded at the end of.</summary>
    public Extracted<int>? RetentionMonths { get; internal set; }

    /// <summary>The cap of the liquidated damages for delay as a percent of the total (10 means 10%).</summary>
    public Extracted<decimal>? LiquidatedDamagesCapPercent { get; internal set; }

    /// <summary>The governing law as the contract names it (中华人民共和国法律).</summary>
    public Extracted<string>? GoverningLaw { get; internal set; }

    /// <summary>Facts for the rule engine about whether the contract agrees with itself.</summary>
    public ConsistencyFacts Consistency { get; internal set; } = new();

    /// <summary>The classified clauses, parents before children.</summary>
    public IReadOnlyList<ClassifiedClause> Clauses { get; internal set; } = [];

    /// <summary>Every extracted scalar field's span by its JSON name (party fields as purchaser.name …).</summary>
    public IReadOnlyDictionary<string, (int Start, int End)> Spans()
    {
        var spans = new Dictionary<string, (int, int)>();
        void Add<T>(string name, Extracted<T>? f)
        {
            if (f is not null) spans[name] = (f.Start, f.End);
        }
        Add("title", Title);
        Add("contractNumber", ContractNumber);
        Add("category", Category);
        foreach (var (n, f) in Purchaser.Fields()) Add("purchaser." + n, f);
        foreach (var (n, f) in Supplier.Fields()) Add("supplier." + n, f);
        Add("amountTotal", AmountTotal);
        Add("amountInWords", AmountInWords);
        Add("taxInclusive", TaxInclusive);
        Add("taxRate", TaxRate);
        Add("signDate", SignDate);
        Add("effectiveDate", EffectiveDate);
        Add("startDate", StartDate);
        Add("endDate", EndDate);
        for (var i = 0; i < PaymentSchedule.Count; i++)
            spans["paymentSchedule[" + i + "]"] = (PaymentSchedule[i].Start, PaymentSchedule[i].End);
        Add("performanceBondPercent", PerformanceBondPercent);
        Add("performanceBondAmount", PerformanceBondAmount);
        Add("retentionPercent", RetentionPercent);
        Add("warrantyMonths", WarrantyMonths);
        Add("liquidatedDamagesRatePerDay", LiquidatedDamagesRatePerDay);
        Add("disputeResolution", DisputeResolution);
        Add("disputeVenue", DisputeVenue);
        Add("deliveryDate", DeliveryDate);
        Add("deliveryPlace", DeliveryPlace);
        Add("retentionMonths", RetentionMonths);
        Add("liquidatedDamagesCapPercent", LiquidatedDamagesCapPercent);
        Add("governingLaw", GoverningLaw);
        return spans;
    }
}
