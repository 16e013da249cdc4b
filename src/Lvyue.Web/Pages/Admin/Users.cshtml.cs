using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Admin;

/// <summary>Accounts: the system administrator creates and disables, the security administrator unlocks and resets passwords.</summary>
public sealed class UsersModel(LvyueDbContext db, AccountService accounts) : LvyuePage(db)
{
    /// <summary>An account row with its role and lock state.</summary>
    public sealed record Row(AppUser User, string? Role, bool LockedOut);

    public List<Row> Rows { get; private set; } = [];
    public List<(long Id, string Name)> Regions { get; private set; } = [];
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<(long Id, string Name)> Suppliers { get; private set; } = [];
    [BindProperty] public NewAccountForm Form { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }
    public bool IsSystemAdmin => User.IsInRole(Roles.SystemAdmin);
    public bool IsSecurityAdmin => User.IsInRole(Roles.SecurityAdmin);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCreateAsync() => Act(IsSystemAdmin, async () =>
    {
        var u = await accounts.CreateAsync(new NewAccount(Form.UserName, Form.DisplayName, Form.Role, Form.RegionId, Form.BudgetUnitId, Form.SupplierId, Form.Password, Form.Email));
        return T($"已创建账号 {u.UserName}", $"Account {u.UserName} created");
    });

    public Task<IActionResult> OnPostActiveAsync(string id, bool active) => Act(IsSystemAdmin, async () =>
    {
        await accounts.SetActiveAsync(id, active);
        return active ? T("账号已启用", "Account enabled") : T("账号已停用", "Account disabled");
    });

    public Task<IActionResult> OnPostUnlockAsync(string id) => Act(IsSecurityAdmin, async () =>
    {
        await accounts.UnlockAsync(id);
        return T("账号已解锁", "Account unlocked");
    });

    public Task<IActionResult> OnPostResetAsync(string id) => Act(IsSecurityAdmin, async () =>
    {
        await accounts.ResetPasswordAsync(id, NewPassword);
        return T("密码已重置", "Password reset");
    });

    private async Task<IActionResult> Act(bool allowed, Func<Task<string>> action)
    {
        if (!allowed) return Forbid();
        try
        {
            Flash = await action();
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            AddErrors(e, "Form.");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var roleOf = await (from ur in Db.UserRoles join r in Db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var now = Db.Clock.GetUtcNow();
        Rows = (await Db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync())
            .Select(u => new Row(u, roleOf.FirstOrDefault(x => x.UserId == u.Id)?.Name, u.LockoutEnd is { } end && end > now)).ToList();
        Regions = (await Db.Regions.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync()).Select(r => (r.Id, r.Name)).ToList();
        Units = (await Db.BudgetUnits.AsNoTracking().OrderBy(u => u.Code).Select(r => new { r.Id, r.Name }).ToListAsync()).Select(r => (r.Id, r.Name)).ToList();
        Suppliers = (await Db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Take(1000).Select(r => new { r.Id, r.Name }).ToListAsync()).Select(r => (r.Id, r.Name)).ToList();
    }

    public string OrgName(AppUser u) =>
        u.BudgetUnitId is { } b ? Units.FirstOrDefault(x => x.Id == b).Name ?? ""
        : u.SupplierId is { } s ? Suppliers.FirstOrDefault(x => x.Id == s).Name ?? ""
        : u.RegionId is { } r ? Regions.FirstOrDefault(x => x.Id == r).Name ?? "" : T("平台", "Platform");
}

/// <summary>The new-account form.</summary>
public sealed class NewAccountForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public long? RegionId { get; set; }
    public long? BudgetUnitId { get; set; }
    public long? SupplierId { get; set; }
    public string? Password { get; set; }
    public string? Email { get; set; }
}
