using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>Filing a contract: the form, its document, and optionally submitting it for approval at once.</summary>
[Authorize(Policy = Policies.ContractWriters)]
public sealed class NewModel(LvyueDbContext db, FilingService filing) : LvyuePage(db)
{
    [BindProperty] public ContractForm Form { get; set; } = new();
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public bool SubmitNow { get; set; }
    /// <summary>The fields the browser pre-filled from the document (comma-separated keys; see Pages/Extraction).</summary>
    [BindProperty] public string? ExtractionPrefilled { get; set; }
    public FormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Scope.BudgetUnitId is not { } unit) return Forbid();
        Options = await FormOptions.LoadAsync(Db, unit, HttpContext.RequestAborted);
        Form.PurchaserContactName = User.FindFirst(LvyueClaims.DisplayName)?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Scope.BudgetUnitId is not { } unit) return Forbid();
        var ct = HttpContext.RequestAborted;
        ModelState.Clear(); // the service validates; binding errors of blank numbers are reported by it in context
        if (Document is null || Document.Length == 0)
            ModelState.AddModelError("Document", T("请上传合同文本（.docx、.pdf 或 .txt）", "Upload the contract document (.docx, .pdf or .txt)"));
        else
        {
            try
            {
                var prefill = await Extraction.FilingCorrections.PrepareAsync(Db, Document, ExtractionPrefilled, ct);
                // One write: the contract, its submission and the measurement of the pre-filled fields, or nothing.
                await using var tx = await Db.Database.BeginTransactionAsync(ct);
                await using var stream = Document.OpenReadStream();
                var c = await filing.CreateAsync(Form.ToInput(unit), [new UploadedDocument(Document.FileName, stream)], ct);
                if (SubmitNow) await filing.SubmitAsync(c.Id, ct);
                await Extraction.FilingCorrections.RecordAsync(Db, c.Id, Form, prefill, Db.Scope.Actor, ct);
                await tx.CommitAsync(ct);
                Flash = SubmitNow ? T($"合同“{c.Title}”已提交审批", $"Contract '{c.Title}' submitted for approval")
                                  : T($"合同“{c.Title}”已保存为草稿", $"Contract '{c.Title}' saved as a draft");
                return Redirect($"/Contracts/{c.Id}");
            }
            catch (DomainException e)
            {
                Db.ChangeTracker.Clear(); // the transaction was rolled back: nothing of this attempt was written
                AddErrors(e, "Form.");
                if (e.Errors.ContainsKey("documents")) ModelState.AddModelError("Document", e.Errors["documents"][0].Text);
            }
        }
        if (Document is { Length: > 0 } && ModelState["Document"] is null)
            ModelState.AddModelError("Document", T("请修改上面的错误后重新选择合同文本（浏览器不会保留已选文件）", "Correct the errors above, then choose the document again (browsers do not keep a chosen file)"));
        Options = await FormOptions.LoadAsync(Db, unit, ct);
        return Page();
    }
}
