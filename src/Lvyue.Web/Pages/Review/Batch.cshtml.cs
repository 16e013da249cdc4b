using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Batch;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Review;

/// <summary>
/// 批量重新审查 / Re-review: the finance supervisor re-reviews every contract's current document versions of the region
/// with the rule set in force (after a rule or profile change) and follows each batch's progress (done/total, documents
/// whose findings changed, findings added and resolved); the page refreshes an active batch from the API.
/// </summary>
[Authorize(Roles = Roles.Supervisor)]
public sealed class BatchModel(LvyueDbContext db, ReviewBatchService batches) : LvyuePage(db)
{
    public IReadOnlyList<ReviewBatch> Batches { get; private set; } = [];

    /// <summary>Why the re-review is started (e.g. which rules changed).</summary>
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Batches = await batches.ListAsync(ct: ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        try
        {
            var b = await batches.StartAsync(Note, ct: ct);
            Flash = b.Total == 0
                ? T("区域内没有可审查的合同文件", "The region has no contract documents to review")
                : T($"已开始重新审查 {b.Total} 份合同文件", $"Re-review of {b.Total} contract documents started");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            AddErrors(e);
            Batches = await batches.ListAsync(ct: ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        try
        {
            await batches.CancelAsync(id, ct);
            Flash = T("已取消批量审查，已完成的文件保留新的审查结果", "Batch cancelled; the documents done keep their new reviews");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, async () => { Batches = await batches.ListAsync(ct: ct); return true; });
        }
    }

    private static string T(string zh, string en) => Lvyue.Web.Localization.Tr.T(zh, en);
}
