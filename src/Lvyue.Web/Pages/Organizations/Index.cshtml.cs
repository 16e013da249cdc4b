using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Organizations;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Organizations;

/// <summary>Budget units with their department trees and budget lines (预算指标) with committed and available balances.</summary>
public sealed class IndexModel(LvyueDbContext db, OrganizationService orgs, IAuthorizationService authz) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<BudgetUnit> Units { get; private set; } = [];
    public List<Region> Regions { get; private set; } = [];
    public BudgetUnit? Selected { get; private set; }
    public List<BudgetLine> Lines { get; private set; } = [];
    public bool CanWrite { get; private set; }

    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public long? RegionId { get; set; }
    [BindProperty] public long? ParentId { get; set; }
    [BindProperty] public decimal NewAmount { get; set; }
    [BindProperty] public int NewYear { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostUnitAsync() => WriteAsync(async ct =>
    {
        var u = await orgs.CreateBudgetUnitAsync(RegionId ?? 0, NewCode, NewName, ct);
        UnitId = u.Id;
        return T($"已新增预算单位“{u.Name}”", $"Budget unit '{u.Name}' added");
    });

    public Task<IActionResult> OnPostDepartmentAsync() => WriteAsync(async ct =>
    {
        var d = await orgs.AddDepartmentAsync(UnitId ?? 0, ParentId, NewName, ct);
        return T($"已新增部门“{d.Name}”", $"Department '{d.Name}' added");
    });

    public Task<IActionResult> OnPostLineAsync() => WriteAsync(async ct =>
    {
        var l = await orgs.CreateBudgetLineAsync(new BudgetLineInput(UnitId ?? 0, NewYear, NewCode, NewName, NewAmount), ct);
        return T($"已新增预算指标“{l.Name}”", $"Budget line '{l.Name}' added");
    });

    private async Task<IActionResult> WriteAsync(Func<CancellationToken, Task<string>> action)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.BudgetWriters)).Succeeded) return Forbid();
        try
        {
            Flash = await action(HttpContext.RequestAborted);
            return RedirectToPage(new { UnitId, Year });
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        CanWrite = (await authz.AuthorizeAsync(User, Policies.BudgetWriters)).Succeeded;
        var units = Db.BudgetUnits.AsNoTracking().Include(u => u.Departments).AsQueryable();
        if (Scope.BudgetUnitId is { } own) units = units.Where(u => u.Id == own);
        else if (Scope.RegionId is { } region) units = units.Where(u => u.RegionId == region);
        Units = await units.OrderBy(u => u.RegionId).ThenBy(u => u.Code).ToListAsync();
        Regions = await Db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync();
        Selected = Units.FirstOrDefault(u => u.Id == UnitId) ?? Units.FirstOrDefault();
        if (Selected is null) return;
        UnitId = Selected.Id;
        var lines = Db.BudgetLines.AsNoTracking().Where(l => l.BudgetUnitId == Selected.Id);
        if (Year is { } y) lines = lines.Where(l => l.Year == y);
        Lines = await lines.OrderByDescending(l => l.Year).ThenBy(l => l.Code).ToListAsync();
        if (NewYear == 0) NewYear = ChinaTime.Today(Db.Clock).Year;
    }

    /// <summary>Departments of the selected unit in tree order with their depth.</summary>
    public IEnumerable<(Department Dept, int Depth)> Tree()
    {
        if (Selected is null) yield break;
        var byParent = Selected.Departments.ToLookup(d => d.ParentId);
        var stack = new Stack<(Department, int)>(byParent[null].OrderByDescending(d => d.Id).Select(d => (d, 0)));
        while (stack.Count > 0)
        {
            var (d, depth) = stack.Pop();
            yield return (d, depth);
            foreach (var child in byParent[d.Id].OrderByDescending(c => c.Id)) stack.Push((child, depth + 1));
        }
    }
}
