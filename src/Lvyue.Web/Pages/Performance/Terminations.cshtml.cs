using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance;

/// <summary>The termination register (终止库): contracts that could not be completed and the outcome of their disputes.</summary>
[Authorize(Policy = Auth.Policies.ContractReaders)]
public sealed class TerminationsModel(LvyueDbContext db, TerminationRegister register) : LvyuePage(db)
{
    public IReadOnlyList<TerminationRow> Rows { get; private set; } = [];
    public bool CanSupervise => Scope.HasRole(Roles.Supervisor);
    public DateOnly Today => ChinaTime.Today(Db.Clock);

    public async Task OnGetAsync() => Rows = await register.ListAsync(null, null, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostOutcomeAsync(long entryId, BreachingParty outcome, DateOnly? on, string? note)
    {
        try
        {
            await register.RecordOutcomeAsync(entryId, outcome, on, note, HttpContext.RequestAborted);
            Flash = T("已记录争议处理结果并推送信用", "The outcome is recorded and handed to credit");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
            await OnGetAsync();
            return Page();
        }
    }
}
