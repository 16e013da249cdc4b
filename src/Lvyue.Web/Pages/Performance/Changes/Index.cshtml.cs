using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Performance.Changes;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance.Changes;

/// <summary>A contract's changes (变更): the list with before/after, the request form for its clerk, approve/reject for its leader.</summary>
[Authorize(Policy = Policies.ContractReaders)]
public sealed class IndexModel(LvyueDbContext db, ChangeService changes) : LvyuePage(db)
{
    public Contract Contract { get; private set; } = null!;
    public List<ContractChange> Changes { get; private set; } = [];
    public Dictionary<long, string> SupplierNames { get; private set; } = [];
    public bool CanRequest { get; private set; }
    public bool CanDecide { get; private set; }
    [BindProperty] public ChangeKind Kind { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public decimal? NewAmount { get; set; }
    [BindProperty] public DateOnly? NewEndDate { get; set; }
    [BindProperty] public long? NewSupplierId { get; set; }
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(long contractId) => await LoadAsync(contractId) ? Page() : NotFound();

    public Task<IActionResult> OnPostRequestAsync(long contractId) => Act(contractId, async ct =>
    {
        await using var s = Document is { Length: > 0 } ? Document.OpenReadStream() : null;
        var c = await changes.RequestAsync(contractId, new ChangeInput
        {
            Kind = Kind, Reason = Reason, Description = Description, NewAmount = Kind == ChangeKind.Amount ? NewAmount : null,
            NewEndDate = Kind == ChangeKind.Term ? NewEndDate : null, NewSupplierId = Kind == ChangeKind.Parties ? NewSupplierId : null,
        }, s is null ? null : new UploadedDocument(Document!.FileName, s), ct);
        return T($"已提交第{c.SequenceNo}次变更申请", $"Change {c.SequenceNo} requested");
    });

    public Task<IActionResult> OnPostApproveAsync(long contractId, long changeId) => Act(contractId, async ct =>
    {
        var c = await changes.ApproveAsync(changeId, Note, ct);
        return c.NonCompliant ? T("变更已批准并生效；累计增加金额超过原合同金额10%，已标记为不合规", "Approved and applied; the cumulative increase exceeds 10% and is flagged non-compliant")
                              : T("变更已批准并生效", "Change approved and applied");
    });

    public Task<IActionResult> OnPostRejectAsync(long contractId, long changeId) => Act(contractId, async ct =>
    {
        await changes.RejectAsync(changeId, Note, ct);
        return T("变更已驳回", "Change rejected");
    });

    private async Task<IActionResult> Act(long contractId, Func<CancellationToken, Task<string>> action)
    {
        try
        {
            Flash = await action(HttpContext.RequestAborted);
            return Redirect($"/Performance/Changes?contractId={contractId}");
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
        Changes = await changes.ListAsync(contractId, HttpContext.RequestAborted);
        var ids = Changes.SelectMany(x => new[] { x.SupplierIdBefore, x.SupplierIdAfter }).Where(x => x is not null).Select(x => x!.Value).Distinct().ToList();
        SupplierNames = await Db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var open = c.Status is ContractStatus.Filed or ContractStatus.Performing;
        CanRequest = open && Scope.CanWriteContracts && Scope.BudgetUnitId == c.BudgetUnitId && Scope.HasRole(Accounts.Roles.UnitClerk);
        CanDecide = open && Scope.HasRole(Accounts.Roles.UnitLeader) && Scope.BudgetUnitId == c.BudgetUnitId;
        return true;
    }

    /// <summary>The suppliers to choose from in a parties change.</summary>
    public async Task<List<(long Id, string Name)>> SuppliersAsync() =>
        (await Db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Take(500).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();
}
