using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Files;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>One contract: its fields, documents with every version, the timeline, and the actions its status allows.</summary>
public sealed class DetailsModel(LvyueDbContext db, FilingService filing, FileStore files, IAuthorizationService authz) : LvyuePage(db)
{
    public Contract Contract { get; private set; } = null!;
    public List<ApprovalTask> Approvals { get; private set; } = [];
    public bool CanWrite { get; private set; }
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public ContractStatus To { get; set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(long id, long docId)
    {
        var d = await Db.ContractDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == docId && x.ContractId == id);
        if (d is null || !files.Exists(d.Sha256)) return NotFound();
        return File(files.Open(d.Sha256), d.ContentType, d.FileName);
    }

    public Task<IActionResult> OnPostUploadAsync(long id) => Act(id, async ct =>
    {
        if (Document is null || Document.Length == 0) throw new DomainException(ErrorKind.Invalid, new Msg("请选择文件", "Choose a file"));
        await using var s = Document.OpenReadStream();
        var d = await filing.AddDocumentAsync(id, new UploadedDocument(Document.FileName, s), ct);
        return T($"已上传 {d.FileName} 第{d.VersionNo}版", $"Uploaded {d.FileName} version {d.VersionNo}");
    });

    public Task<IActionResult> OnPostSubmitAsync(long id) => Act(id, async ct =>
    {
        await filing.SubmitAsync(id, ct);
        return T("已提交审批", "Submitted for approval");
    });

    public Task<IActionResult> OnPostStatusAsync(long id) => Act(id, async ct =>
    {
        await filing.ChangeStatusAsync(id, To, Note, ct);
        return T($"状态已变更为“{Label(To)}”", $"Status changed to {Label(To)}");
    });

    private async Task<IActionResult> Act(long id, Func<CancellationToken, Task<string>> action)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.ContractWriters)).Succeeded) return Forbid();
        try
        {
            Flash = await action(HttpContext.RequestAborted);
            return Redirect($"/Contracts/{id}");
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id));
        }
    }

    private async Task<bool> LoadAsync(long id)
    {
        var c = await ContractDetails.LoadAsync(Db, id, HttpContext.RequestAborted);
        if (c is null) return false;
        Contract = c;
        Approvals = await Db.ApprovalTasks.AsNoTracking().Where(t => t.ContractId == id).OrderByDescending(t => t.Id).ToListAsync();
        CanWrite = Scope.CanWriteContracts && (Scope.All || Scope.BudgetUnitId == c.BudgetUnitId);
        return true;
    }

    public static string EventLabel(string kind) => kind switch
    {
        "created" => T("创建", "Created"),
        "edited" => T("修改", "Edited"),
        "document" => T("上传文件", "Document"),
        "submitted" => T("提交审批", "Submitted"),
        "approved" => T("审批通过，已备案", "Approved and filed"),
        "returned" => T("退回修改", "Returned"),
        "status" => T("状态变更", "Status change"),
        "change-requested" => T("变更申请", "Change requested"),
        "change-approved" => T("变更生效", "Change applied"),
        "change-rejected" => T("变更驳回", "Change rejected"),
        "acceptance" => T("验收", "Acceptance"),
        "payment" => T("支付", "Payment"),
        "alert-resolved" => T("预警处理", "Alert resolved"),
        _ => kind,
    };
}
