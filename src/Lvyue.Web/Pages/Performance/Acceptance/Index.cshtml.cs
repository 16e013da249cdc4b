using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Performance.Acceptance;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance.Acceptance;

/// <summary>A contract's acceptances (验收): the records with their findings, and the form to record one.</summary>
[Authorize(Policy = Policies.ContractReaders)]
public sealed class IndexModel(LvyueDbContext db, AcceptanceService acceptance) : LvyuePage(db)
{
    public const int FindingRows = 5;

    public Contract Contract { get; private set; } = null!;
    public List<AcceptanceRecord> Records { get; private set; } = [];
    public bool CanRecord { get; private set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public AcceptanceResult? Result { get; set; }
    [BindProperty] public string? Participants { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<FindingForm> Findings { get; set; } = [];
    [BindProperty] public IFormFile? Report { get; set; }

    /// <summary>One row of the findings table.</summary>
    public sealed class FindingForm
    {
        public string? Item { get; set; }
        public string? Standard { get; set; }
        public FindingResult? Result { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long contractId) => await LoadAsync(contractId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long contractId)
    {
        try
        {
            await using var s = Report is { Length: > 0 } ? Report.OpenReadStream() : null;
            var input = new AcceptanceInput
            {
                Date = Date, Result = Result, Participants = Participants, Summary = Summary,
                Findings = Findings.Select(f => new FindingInput(f.Item, f.Standard, f.Result, f.Note)).ToList(),
            };
            await acceptance.RecordAsync(contractId, input, s is null ? null : new UploadedDocument(Report!.FileName, s), HttpContext.RequestAborted);
            Flash = T("验收记录已保存", "Acceptance recorded");
            return Redirect($"/Performance/Acceptance?contractId={contractId}");
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(contractId));
        }
    }

    private async Task<bool> LoadAsync(long contractId)
    {
        var c = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == contractId);
        if (c is null) return false;
        Contract = c;
        Records = await acceptance.ListAsync(contractId, HttpContext.RequestAborted);
        CanRecord = c.Status is ContractStatus.Filed or ContractStatus.Performing or ContractStatus.Completed
                    && Scope.CanWriteContracts && Scope.BudgetUnitId == c.BudgetUnitId && Scope.HasRole(Accounts.Roles.UnitClerk);
        while (Findings.Count < FindingRows) Findings.Add(new FindingForm());
        return true;
    }

    public static string Label(AcceptanceResult r) => T(AcceptanceService.ResultLabels[r].Zh, AcceptanceService.ResultLabels[r].En);
    public static string Label(FindingResult r) => T(AcceptanceService.FindingLabels[r].Zh, AcceptanceService.FindingLabels[r].En);
}
