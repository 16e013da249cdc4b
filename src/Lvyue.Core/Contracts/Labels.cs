namespace Lvyue.Contracts;

/// <summary>Chinese and English display names of the contract vocabularies, and their parsing from either.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<Category, (string Zh, string En)> Categories = new Dictionary<Category, (string, string)>
    {
        [Category.Works] = ("工程", "Works"),
        [Category.Goods] = ("货物", "Goods"),
        [Category.Services] = ("服务", "Services"),
    };

    public static readonly IReadOnlyDictionary<ProcurementMethod, (string Zh, string En)> Methods = new Dictionary<ProcurementMethod, (string, string)>
    {
        [ProcurementMethod.OpenTender] = ("公开招标", "Open tender"),
        [ProcurementMethod.InvitedTender] = ("邀请招标", "Invited tender"),
        [ProcurementMethod.CompetitiveNegotiation] = ("竞争性谈判", "Competitive negotiation"),
        [ProcurementMethod.CompetitiveConsultation] = ("竞争性磋商", "Competitive consultation"),
        [ProcurementMethod.RequestForQuotation] = ("询价", "Request for quotation"),
        [ProcurementMethod.SingleSource] = ("单一来源", "Single source"),
        [ProcurementMethod.FrameworkAgreement] = ("框架协议", "Framework agreement"),
        [ProcurementMethod.SelfProcurement] = ("自行采购", "Self-procurement"),
    };

    public static readonly IReadOnlyDictionary<ContractStatus, (string Zh, string En)> Statuses = new Dictionary<ContractStatus, (string, string)>
    {
        [ContractStatus.Draft] = ("草稿", "Draft"),
        [ContractStatus.PendingApproval] = ("待审批", "Pending approval"),
        [ContractStatus.Filed] = ("已备案", "Filed"),
        [ContractStatus.Performing] = ("履行中", "Performing"),
        [ContractStatus.Completed] = ("已完成", "Completed"),
        [ContractStatus.Terminated] = ("已终止", "Terminated"),
    };

    public static readonly IReadOnlyDictionary<Confidentiality, (string Zh, string En)> Confidentialities = new Dictionary<Confidentiality, (string, string)>
    {
        [Confidentiality.Public] = ("公开", "Public"),
        [Confidentiality.CommercialSecret] = ("商业秘密", "Commercial secret"),
        [Confidentiality.StateSecret] = ("国家秘密", "State secret"),
    };

    /// <summary>Parses an enum from its code name, Chinese or English label (as import files write them).</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, (string Zh, string En)> labels, string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        foreach (var (key, (zh, en)) in labels)
        {
            if (text == zh || string.Equals(text, en, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text, key.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }
        return false;
    }
}
