using System.Globalization;
using Lvyue.Contracts;

namespace Lvyue.Web.Localization;

/// <summary>
/// Bilingual text for pages: <c>@T("合同台账", "Ledger")</c> keeps each Chinese string beside its English
/// one. Chinese is the default; English when the request culture is English.
/// </summary>
public static class Tr
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;

    public static string T((string Zh, string En) pair) => IsEnglish ? pair.En : pair.Zh;

    public static string Label(Category c) => T(Labels.Categories[c]);
    public static string Label(ContractStatus s) => T(Labels.Statuses[s]);
    public static string Label(ProcurementMethod m) => T(Labels.Methods[m]);
    public static string Label(Confidentiality c) => T(Labels.Confidentialities[c]);
    public static string Label(ApprovalLevel l) => l == ApprovalLevel.UnitLeader ? T("单位负责人", "Unit leader") : T("主管部门（财政局）", "Supervising authority");
    public static string Label(ApprovalState s) => s switch
    {
        ApprovalState.Pending => T("待审批", "Pending"),
        ApprovalState.Approved => T("已同意", "Approved"),
        _ => T("已退回", "Returned"),
    };

    /// <summary>The CSS badge colour of a status.</summary>
    public static string Badge(ContractStatus s) => s switch
    {
        ContractStatus.Draft => "secondary",
        ContractStatus.PendingApproval => "warning",
        ContractStatus.Filed => "info",
        ContractStatus.Performing => "primary",
        ContractStatus.Completed => "success",
        _ => "danger",
    };
}
