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

    /// <summary>A change (变更) of a contract was approved and applied: attrs <c>change</c>, <c>seq</c>, <c>change-kind</c>, <c>noncompliant</c>; digest <c>facts.sha256</c>.</summary>
    public const string ChangeApproved = "change.approved";

    /// <summary>An acceptance (验收) was recorded: attrs <c>acceptance</c>, <c>date</c>, <c>result</c>, <c>findings</c>, <c>deviations</c>; digest <c>facts.sha256</c>.</summary>
    public const string AcceptanceRecorded = "acceptance.recorded";

    /// <summary>A treasury payment was recorded (imported from a file or the API): attrs <c>payment</c>, <c>pay-date</c>, <c>match</c>, <c>milestone</c>; digest <c>facts.sha256</c>.</summary>
    public const string PaymentRecorded = "payment.recorded";

    /// <summary>A payment was matched by hand to a contract (and milestone): attrs as <see cref="PaymentRecorded"/>.</summary>
    public const string PaymentMatched = "payment.matched";

    /// <summary>A contract was created by bulk import: attrs <c>status</c>, <c>file-sha256</c> (the imported file).</summary>
    public const string ContractImported = "contract.imported";

    /// <summary>A dishonesty determination (失信认定) was confirmed and published: attrs <c>determination</c>, <c>subject</c>, <c>subject-id</c>, <c>published-on</c>, <c>expires-on</c>, <c>restriction-months</c>; digests of its .docx and PDF.</summary>
    public const string DeterminationConfirmed = "determination.confirmed";

    /// <summary>A determination was revoked on appeal: attrs as <see cref="DeterminationConfirmed"/> with <c>ended-on</c>.</summary>
    public const string DeterminationRevoked = "determination.revoked";

    /// <summary>A determination ended by credit repair (信用修复): attrs as <see cref="DeterminationRevoked"/>.</summary>
    public const string DeterminationRepaired = "determination.repaired";

    /// <summary>A contract was moved into the termination register (终止库): attrs <c>entry</c>, <c>entered-on</c>, <c>supplier</c>; digest <c>facts.sha256</c>.</summary>
    public const string TerminationEntered = "termination.entered";

    /// <summary>The dispute outcome of a termination register entry: attrs <c>entry</c>, <c>outcome</c>, <c>outcome-on</c>; digest <c>facts.sha256</c>.</summary>
    public const string TerminationOutcome = "termination.outcome";

    /// <summary>An interview (约谈) on an overdue milestone: attrs <c>action</c>, <c>milestone</c>, <c>date</c>; digest <c>facts.sha256</c>.</summary>
    public const string OverdueInterview = "overdue.interview";

    /// <summary>Another supervision action (督办) on an overdue milestone: attrs as <see cref="OverdueInterview"/>.</summary>
    public const string OverdueAction = "overdue.action";

    /// <summary>A milestone was recorded as met or partially met: attrs <c>milestone</c>, <c>milestone-kind</c>, <c>status</c>, <c>met-on</c>.</summary>
    public const string MilestoneMet = "milestone.met";

    /// <summary>A party signed a contract document version (electronic signature); payload in docs/notary-leaf-format.md.</summary>
    public const string DocumentSigned = Signatures.SignatureNotaryKinds.DocumentSigned;

    /// <summary>Every required party signed: the contract is signed.</summary>
    public const string ContractSigned = Signatures.SignatureNotaryKinds.ContractSigned;

    /// <summary>The Chinese and English label of a kind, the kind itself when unknown.</summary>
    public static (string Zh, string En) Label(string kind) => kind switch
    {
        ContractSubmitted => ("提交备案", "Submitted for filing"),
        DocumentStored => ("文件存证", "Document stored"),
        FilingApproved => ("审批通过", "Filing approved"),
        FilingReturned => ("审批退回", "Filing returned"),
        StatusChanged => ("状态变更", "Status changed"),
        ChangeApproved => ("合同变更生效", "Change approved"),
        AcceptanceRecorded => ("验收记录", "Acceptance recorded"),
        PaymentRecorded => ("国库支付记录", "Payment recorded"),
        PaymentMatched => ("支付人工匹配", "Payment matched"),
        ContractImported => ("批量导入合同", "Contract imported"),
        DeterminationConfirmed => ("失信认定确认并公示", "Determination confirmed and published"),
        DeterminationRevoked => ("失信认定撤销", "Determination revoked"),
        DeterminationRepaired => ("信用修复", "Credit repaired"),
        TerminationEntered => ("移入终止库", "Entered in the termination register"),
        TerminationOutcome => ("终止争议处理结果", "Termination outcome"),
        OverdueInterview => ("逾期约谈", "Overdue interview"),
        OverdueAction => ("逾期督办", "Overdue supervision action"),
        MilestoneMet => ("履约节点达成", "Milestone met"),
        DocumentSigned => ("电子签名", "Document signed"),
        ContractSigned => ("合同签署完成", "Contract signed"),
        _ => (kind, kind),
    };
}
