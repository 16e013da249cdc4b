namespace Lvyue.Notary;

/// <summary>The event kinds the platform records in the notarization log (the leaf's <c>kind</c>).</summary>
public static class NotaryKinds
{
    /// <summary>A contract was submitted for filing (备案): attrs <c>level</c>.</summary>
    public const string ContractSubmitted = "contract.submitted";

    /// <summary>A document version was stored: digests <c>sha256</c>, <c>sm3</c>; attrs <c>version</c>, <c>size</c>.</summary>
    public const string DocumentStored = "document.stored";

    /// <summary>A filing was approved (the contract is filed): attrs <c>level</c>, <c>from</c>, <c>to</c>.</summary>
    public const string FilingApproved = "approval.approved";

    /// <summary>A filing was returned to its clerk: attrs <c>level</c>, <c>from</c>, <c>to</c>.</summary>
    public const string FilingReturned = "approval.returned";

    /// <summary>A contract's status changed after filing (performing, completed, terminated): attrs <c>from</c>, <c>to</c>.</summary>
    public const string StatusChanged = "contract.status";

    /// <summary>The Chinese and English label of a kind, the kind itself when unknown.</summary>
    public static (string Zh, string En) Label(string kind) => kind switch
    {
        ContractSubmitted => ("提交备案", "Submitted for filing"),
        DocumentStored => ("文件存证", "Document stored"),
        FilingApproved => ("审批通过", "Filing approved"),
        FilingReturned => ("审批退回", "Filing returned"),
        StatusChanged => ("状态变更", "Status changed"),
        _ => (kind, kind),
    };
}
