using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Credit;

/// <summary>失信认定: supervisors propose, the credit office confirms or rejects, parties appeal, the credit office decides appeals and repairs.</summary>
public sealed class DeterminationsModel(LvyueDbContext db, DeterminationService determinations) : LvyuePage(db)
{
    public List<DishonestyDetermination> Rows { get; private set; } = [];
    [BindProperty] public long SupplierId { get; set; }
    [BindProperty] public long? ContractId { get; set; }
    [BindProperty] public string? Facts { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public int RestrictionMonths { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);
    public bool IsCreditOffice => User.IsInRole(Roles.CreditOffice);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostProposeAsync() => Act(async ct =>
    {
        var d = await determinations.ProposeAsync(new DeterminationInput(CreditSubject.Supplier, SupplierId, ContractId, Facts, Basis, null, null, RestrictionMonths), ct);
        return T($"已提出对“{d.SubjectName}”的失信认定，待信用办确认", $"Determination on {d.SubjectName} proposed; awaiting the credit office");
    });

    public Task<IActionResult> OnPostConfirmAsync(long id) => Act(async ct => T($"已确认并公布：{(await determinations.ConfirmAsync(id, Note, ct)).Number}", "Confirmed and published"));
    public Task<IActionResult> OnPostRejectAsync(long id) => Act(async ct => { await determinations.RejectAsync(id, Note, ct); return T("已不予确认", "Rejected"); });
    public Task<IActionResult> OnPostAppealAsync(long id) => Act(async ct => { await determinations.AppealAsync(id, Note, ct); return T("申诉已提交", "Appeal filed"); });
    public Task<IActionResult> OnPostUpholdAsync(long id) => Act(async ct => { await determinations.DecideAppealAsync(id, false, Note, ct); return T("申诉不成立，维持认定", "Appeal dismissed"); });
    public Task<IActionResult> OnPostRevokeAsync(long id) => Act(async ct => { await determinations.DecideAppealAsync(id, true, Note, ct); return T("申诉成立，已撤销认定", "Appeal upheld: revoked"); });
    public Task<IActionResult> OnPostRepairAsync(long id) => Act(async ct => { await determinations.RepairAsync(id, Note, ct); return T("已完成信用修复", "Credit repaired"); });

    private async Task<IActionResult> Act(Func<CancellationToken, Task<string>> action)
    {
        try
        {
            Flash = await action(HttpContext.RequestAborted);
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            ShowRefusal(e);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var q = Db.DishonestyDeterminations.AsNoTracking();
        if (!Scope.All)
        {
            if (Scope.RegionId is { } r) q = q.Where(x => x.RegionId == r);
            else if (Scope.SupplierId is { } s) q = q.Where(x => x.Subject == CreditSubject.Supplier && x.SubjectId == s);
            else if (Scope.BudgetUnitId is { } u) q = q.Where(x => x.Subject == CreditSubject.BudgetUnit && x.SubjectId == u);
            else q = q.Where(_ => false);
        }
        Rows = await q.OrderByDescending(x => x.Id).Take(200).ToListAsync();
    }
}
