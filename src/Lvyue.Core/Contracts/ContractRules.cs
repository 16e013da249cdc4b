using System.Text.RegularExpressions;
using Lvyue.Common;

namespace Lvyue.Contracts;

/// <summary>The field checks of a filing that need no database: lengths, amounts, dates, contacts.</summary>
public static partial class ContractRules
{
    /// <summary>Above this a contract amount is refused as absurd (1,000亿元).</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    public static void Check(ContractInput i, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(i.Title)) errors.Add("title", "请填写合同名称", "The title is required");
        else if (i.Title.Trim().Length > 300) errors.Add("title", "合同名称不能超过300字", "The title may not exceed 300 characters");
        if (string.IsNullOrWhiteSpace(i.Number)) errors.Add("number", "请填写合同编号", "The contract number is required");
        else if (i.Number.Trim().Length > 64) errors.Add("number", "合同编号不能超过64个字符", "The contract number may not exceed 64 characters");

        if (i.Amount <= 0) errors.Add("amount", "合同金额必须大于0", "The amount must be greater than zero");
        else if (i.Amount > MaxAmount) errors.Add("amount", "合同金额超出合理范围（不超过1000亿元）", "The amount is beyond any plausible contract (at most CNY 100 billion)");
        else if (decimal.Round(i.Amount, 2) != i.Amount) errors.Add("amount", "合同金额最多保留两位小数（到分）", "The amount may have at most two decimals (fen)");
        if (i.TaxRate is { } r && (r < 0 || r > 17)) errors.Add("taxRate", "税率应在0%至17%之间", "The tax rate must be between 0% and 17%");

        CheckYear(i.SignDate, "signDate", errors);
        CheckYear(i.EffectiveDate, "effectiveDate", errors);
        CheckYear(i.StartDate, "startDate", errors);
        CheckYear(i.EndDate, "endDate", errors);
        if (i.StartDate is { } s && i.EndDate is { } e && e < s)
            errors.Add("endDate", "结束日期不能早于开始日期", "The end date cannot be before the start date");
        if (i.SignDate is { } sd && i.EndDate is { } ed && ed < sd)
            errors.Add("endDate", "结束日期不能早于签订日期", "The end date cannot be before the signing date");
        if (i.SignDate is { } sd2 && i.EffectiveDate is { } ef && ef < sd2)
            errors.Add("effectiveDate", "生效日期不能早于签订日期", "The effective date cannot be before the signing date");

        if (i.SupplierIds.Count == 0) errors.Add("supplierIds", "请选择至少一个供应商", "Choose at least one supplier");
        else if (i.SupplierIds.Distinct().Count() != i.SupplierIds.Count) errors.Add("supplierIds", "供应商重复", "A supplier is listed twice");

        CheckContact(i.PurchaserContactName, i.PurchaserContactPhone, i.PurchaserContactEmail, "purchaserContact", errors);
        CheckContact(i.SupplierContactName, i.SupplierContactPhone, i.SupplierContactEmail, "supplierContact", errors);
    }

    private static void CheckYear(DateOnly? d, string field, ErrorBag errors)
    {
        if (d is { } v && (v.Year < 1990 || v.Year > 2100))
            errors.Add(field, "日期超出合理范围（1990年至2100年）", "The date is out of range (1990 to 2100)");
    }

    private static void CheckContact(string? name, string? phone, string? email, string prefix, ErrorBag errors)
    {
        if (name is { Length: > 50 }) errors.Add(prefix + "Name", "联系人姓名过长", "The contact name is too long");
        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
            errors.Add(prefix + "Phone", "联系电话格式不正确", "The phone number is not valid");
        if (!string.IsNullOrWhiteSpace(email) && !EmailPattern().IsMatch(email.Trim()))
            errors.Add(prefix + "Email", "电子邮箱格式不正确", "The email address is not valid");
    }

    /// <summary>Mobile (1xxxxxxxxxx) or landline (0755-12345678, with optional extension).</summary>
    [GeneratedRegex(@"^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
