using Lvyue.Common;

namespace Lvyue.Performance.Payments;

/// <summary>A supplier party of a contract as the payment checks see it.</summary>
public sealed record SupplierFacts(long Id, string Name, string? BankAccount, bool IsSme);

/// <summary>What the cross-checks of one payment need to know about it and its contract.</summary>
public sealed record PaymentFacts
{
    public required string ContractNumber { get; init; }
    /// <summary>The contract amount now, approved changes included.</summary>
    public decimal ContractAmount { get; init; }
    /// <summary>What was paid on the contract before this payment.</summary>
    public decimal PaidBefore { get; init; }
    public decimal Amount { get; init; }
    public DateOnly PayDate { get; init; }
    public required string PayeeName { get; init; }
    public string? PayeeAccount { get; init; }
    public IReadOnlyList<SupplierFacts> Suppliers { get; init; } = [];
    /// <summary>The payment's milestone counts from an acceptance (验收合格后付款).</summary>
    public bool DependsOnAcceptance { get; init; }
    /// <summary>The contract's first passed acceptance (合格 or 合格但存在问题).</summary>
    public DateOnly? AcceptedOn { get; init; }
    /// <summary>The contract's first met delivery or completion milestone.</summary>
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>The payment term the contract agrees, in days from delivery or acceptance, when known.</summary>
    public int? AgreedDays { get; init; }
}

/// <summary>An alert a check raises, before it is stored.</summary>
public sealed record AlertDraft(AlertKind Kind, string Message, string MessageEn, decimal? Amount = null, int? DaysLate = null, decimal? Interest = null);

/// <summary>
/// The cross-checks of a payment against its contract, as pure functions of <see cref="PaymentFacts"/>:
/// paid before a required acceptance; cumulative payments above the contract amount (approved changes
/// included); a payee who is not a supplier of the contract (by name or bank account); and an SME
/// paid later than the legal term — 30 days from delivery (保障中小企业款项支付条例 第九条), or from the
/// acceptance when payment depends on it (第十条), or the agreed term but never more than 60 days —
/// with the interest owed at the default daily rate of 0.05% (万分之五, 第十七条).
/// </summary>
public static class PaymentChecks
{
    /// <summary>第九条: 30 days unless agreed otherwise.</summary>
    public const int DefaultTermDays = 30;
    /// <summary>第九条: an agreed term may not exceed 60 days.</summary>
    public const int MaxTermDays = 60;
    /// <summary>第十七条: 未作约定的，按照每日利率万分之五支付逾期利息.</summary>
    public const decimal DailyInterestRate = 0.0005m;

    public static List<AlertDraft> Evaluate(PaymentFacts f)
    {
        var alerts = new List<AlertDraft>();
        if (f.DependsOnAcceptance && (f.AcceptedOn is not { } acc || f.PayDate < acc))
            alerts.Add(new AlertDraft(AlertKind.PaidBeforeAcceptance,
                $"合同{f.ContractNumber}的款项{Money.Format(f.Amount)}以验收合格为支付条件，但于{f.PayDate:yyyy-MM-dd}支付时" +
                (f.AcceptedOn is { } a1 ? $"尚未验收（{a1:yyyy-MM-dd}才验收合格）" : "尚无验收合格记录"),
                $"Contract {f.ContractNumber}: {Money.Format(f.Amount)} depends on acceptance but was paid on {f.PayDate:yyyy-MM-dd} " +
                (f.AcceptedOn is { } a2 ? $"before the acceptance of {a2:yyyy-MM-dd}" : "with no passed acceptance recorded"), f.Amount));

        var total = f.PaidBefore + f.Amount;
        if (total > f.ContractAmount)
        {
            var excess = total - f.ContractAmount;
            alerts.Add(new AlertDraft(AlertKind.Overpaid,
                $"合同{f.ContractNumber}累计支付{Money.Format(total)}，超过合同金额（含已批准变更）{Money.Format(f.ContractAmount)}共{Money.Format(excess)}",
                $"Contract {f.ContractNumber}: payments total {Money.Format(total)}, {Money.Format(excess)} above the contract amount (approved changes included) of {Money.Format(f.ContractAmount)}",
                excess));
        }

        var payee = FindPayee(f);
        if (payee is null && f.Suppliers.Count > 0)
            alerts.Add(new AlertDraft(AlertKind.PayeeNotSupplier,
                $"合同{f.ContractNumber}的收款人“{f.PayeeName}”{(f.PayeeAccount is null ? "" : $"（账号{f.PayeeAccount}）")}不是合同供应商（{string.Join("、", f.Suppliers.Select(s => s.Name))}）",
                $"Contract {f.ContractNumber}: the payee '{f.PayeeName}' is not a supplier of the contract ({string.Join(", ", f.Suppliers.Select(s => s.Name))})",
                f.Amount));

        if (SmeLateness(f, payee) is { } late)
            alerts.Add(late);
        return alerts;
    }

    /// <summary>The supplier the payment went to: by name (ignoring spaces and the width of brackets), else by bank account.</summary>
    public static SupplierFacts? FindPayee(PaymentFacts f)
    {
        var name = NormalizeName(f.PayeeName);
        var byName = f.Suppliers.FirstOrDefault(s => NormalizeName(s.Name) == name);
        if (byName is not null) return byName;
        var account = NormalizeAccount(f.PayeeAccount);
        return account.Length == 0 ? null : f.Suppliers.FirstOrDefault(s => NormalizeAccount(s.BankAccount) == account);
    }

    private static AlertDraft? SmeLateness(PaymentFacts f, SupplierFacts? payee)
    {
        // The payee when it is a party; otherwise the lead supplier, whose money it is.
        var supplier = payee ?? f.Suppliers.FirstOrDefault();
        if (supplier is null || !supplier.IsSme) return null;
        DateOnly start;
        string basisZh, basisEn;
        if (f.AcceptedOn is { } accepted && (f.DependsOnAcceptance || f.DeliveredOn is null))
        { start = accepted; basisZh = "验收合格之日（第十条）"; basisEn = "acceptance (art. 10)"; }
        else if (f.DeliveredOn is { } delivered)
        { start = delivered; basisZh = "交付之日（第九条）"; basisEn = "delivery (art. 9)"; }
        else return null;
        var term = f.AgreedDays is { } agreed && agreed >= 0 ? Math.Min(agreed, MaxTermDays) : DefaultTermDays;
        var due = start.AddDays(term);
        var days = f.PayDate.DayNumber - due.DayNumber;
        if (days <= 0) return null;
        var interest = Math.Round(f.Amount * DailyInterestRate * days, 2, MidpointRounding.AwayFromZero);
        return new AlertDraft(AlertKind.SmeLatePayment,
            $"向中小企业“{supplier.Name}”支付合同{f.ContractNumber}款项{Money.Format(f.Amount)}逾期{days}天：应自{basisZh}{start:yyyy-MM-dd}起{term}日内（{due:yyyy-MM-dd}前）支付，实际{f.PayDate:yyyy-MM-dd}支付；按每日万分之五应付逾期利息{Money.Format(interest)}（保障中小企业款项支付条例第九、十、十七条）",
            $"SME '{supplier.Name}' was paid {Money.Format(f.Amount)} on contract {f.ContractNumber} {days} days late: due within {term} days of {basisEn} on {start:yyyy-MM-dd}, i.e. by {due:yyyy-MM-dd}, paid {f.PayDate:yyyy-MM-dd}; interest owed at 0.05% per day: {Money.Format(interest)}",
            f.Amount, days, interest);
    }

    /// <summary>A name compared without spaces, with full-width brackets as half-width.</summary>
    public static string NormalizeName(string? s) =>
        (s ?? "").Trim().Replace(" ", "").Replace("\u3000", "").Replace('（', '(').Replace('）', ')').ToLowerInvariant();

    /// <summary>An account number as its digits.</summary>
    public static string NormalizeAccount(string? s) => new((s ?? "").Where(char.IsAsciiDigit).ToArray());
}
