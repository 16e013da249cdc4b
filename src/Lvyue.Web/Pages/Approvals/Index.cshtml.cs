using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Approvals;

/// <summary>The approval queue: unit leaders approve below the authority band, the finance bureau at or above it.</summary>
public sealed class IndexModel(LvyueDbContext db, FilingService filing) : LvyuePage(db)
{
    public List<ApprovalDto> Pending { get; private set; } = [];
    public List<ApprovalDto> Decided { get; private set; } = [];
    /// <summary>Per pending contract: unanswered high-severity review findings (they hold up approval) and an unreadable document.</summary>
    public Dictionary<long, (int OpenHigh, bool Unreadable)> Review { get; private set; } = [];
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostApproveAsync(long taskId) => DecideAsync(taskId, approve: true);

    public Task<IActionResult> OnPostReturnAsync(long taskId) => DecideAsync(taskId, approve: false);

    private async Task<IActionResult> DecideAsync(long taskId, bool approve)
    {
        try
        {
            var c = approve ? await filing.ApproveAsync(taskId, Note, HttpContext.RequestAborted)
                            : await filing.ReturnAsync(taskId, Note, HttpContext.RequestAborted);
            Flash = approve ? T($"已同意，合同“{c.Title}”已备案", $"Approved: '{c.Title}' is filed")
                            : T($"已退回“{c.Title}”", $"Returned '{c.Title}'");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var q = ApprovalsApi.ForCurrentUser(Db, HttpContext);
        var rows = await q.OrderByDescending(t => t.CreatedAt).Take(300)
            .Select(t => new ApprovalDto(t.Id, t.ContractId, t.Contract!.Number, t.Contract.Title, t.Contract.Amount, t.Level, t.State, t.CreatedAt, t.DecidedAt, t.DecidedBy, t.Reason))
            .ToListAsync();
        Pending = rows.Where(r => r.State == ApprovalState.Pending).ToList();
        Decided = rows.Where(r => r.State != ApprovalState.Pending).Take(50).ToList();
        Review = await Lvyue.Review.Reports.ReviewGate.StatusAsync(Db, [.. Pending.Select(p => p.ContractId)], HttpContext.RequestAborted);
    }
}
