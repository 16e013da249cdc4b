using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Performance;

/// <summary>
/// The overdue register (逾期执行库): by unit and supplier, sorted by risk; supervisors mark close watch,
/// record interviews (约谈) and actions, and set the region's grace. Units see their own entries.
/// </summary>
[Authorize(Policy = Auth.Policies.ContractReaders)]
public sealed class OverdueModel(LvyueDbContext db, OverdueRegister register) : LvyuePage(db)
{
    public OverduePage Register { get; private set; } = null!;
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<(long Id, string Name)> Suppliers { get; private set; } = [];
    public int Grace { get; private set; }
    public bool CanSupervise => Scope.HasRole(Roles.Supervisor);
    public long? SelectedMilestone { get; private set; }
    public IReadOnlyList<SupervisionActionRow> Actions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public long? SupplierId { get; set; }
    [BindProperty(SupportsGet = true)] public ResponsibleParty? Responsible { get; set; }
    [BindProperty(SupportsGet = true)] public bool CloseWatch { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public long? Show { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCloseWatchAsync(long milestoneId, bool on) =>
        await ActAsync(() => register.SetCloseWatchAsync(milestoneId, on, HttpContext.RequestAborted),
            on ? T("已列为重点关注", "Marked for close watch") : T("已取消重点关注", "Close watch removed"), milestoneId);

    public async Task<IActionResult> OnPostActionAsync(long milestoneId, SupervisionActionKind kind, DateOnly? date, string? note) =>
        await ActAsync(() => register.RecordActionAsync(milestoneId, kind, date, note, null, HttpContext.RequestAborted),
            kind == SupervisionActionKind.Interview ? T("已记录约谈", "Interview recorded") : T("已记录督办", "Action recorded"), milestoneId);

    public async Task<IActionResult> OnPostGraceAsync(int graceWorkingDays)
    {
        if (Scope.RegionId is not { } region) return Forbid();
        return await ActAsync(() => register.SetGraceAsync(region, graceWorkingDays, HttpContext.RequestAborted),
            T($"容错期已设为{graceWorkingDays}个工作日", $"The grace is now {graceWorkingDays} working days"), null);
    }

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, long? milestoneId)
    {
        try
        {
            await action();
            Flash = done;
            return RedirectToPage(new { UnitId, SupplierId, Responsible, CloseWatch, MinDays, Q, Sort, P, Show = milestoneId });
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
        var ct = HttpContext.RequestAborted;
        try
        {
            Register = await register.PageAsync(new OverdueFilter
            {
                BudgetUnitId = UnitId, SupplierId = SupplierId, Responsible = Responsible, CloseWatchOnly = CloseWatch,
                MinDays = MinDays, Q = Q, Sort = Sort, Desc = true, Page = P, PageSize = 50,
            }, ct);
        }
        catch (DomainException e)
        {
            ShowRefusal(e);
            Register = new OverduePage([], 0, 1, 50, 0, ChinaTime.Today(Db.Clock));
        }
        Units = (await Db.BudgetUnits.AsNoTracking().Where(u => Scope.RegionId == null || u.RegionId == Scope.RegionId)
            .Where(u => Scope.BudgetUnitId == null || u.Id == Scope.BudgetUnitId).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        var supplierIds = Register.Rows.Where(r => r.SupplierId is not null).Select(r => r.SupplierId!.Value).Append(SupplierId ?? 0).Distinct().ToList();
        Suppliers = (await Db.Suppliers.AsNoTracking().Where(x => supplierIds.Contains(x.Id)).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => (x.Id, x.Name)).ToList();
        var region = Scope.RegionId ?? Scope.UnitRegionId;
        Grace = region is { } r ? await register.GraceAsync(r, ct) : PerformancePolicy.DefaultGraceWorkingDays;
        if (Show is { } m)
        {
            SelectedMilestone = m;
            Actions = await register.ActionsAsync(m, ct);
        }
    }
}
