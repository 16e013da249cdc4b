using Lvyue.Common;
using Lvyue.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Accounts;

/// <summary>A new account as the system administrator enters it.</summary>
public sealed record NewAccount(string? UserName, string? DisplayName, string? Role, long? RegionId, long? BudgetUnitId, long? SupplierId, string? Password, string? Email);

/// <summary>
/// Account administration under the separation of duties of 等保: the system administrator creates and
/// disables accounts, the security administrator unlocks them and resets passwords. Neither sees contracts.
/// </summary>
public sealed class AccountService(LvyueDbContext db, UserManager<AppUser> users)
{
    public async Task<AppUser> CreateAsync(NewAccount a, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        if (string.IsNullOrWhiteSpace(a.UserName) || a.UserName.Trim().Length is < 3 or > 50)
            errors.Add("userName", "用户名应为3至50个字符", "The user name must have 3 to 50 characters");
        if (string.IsNullOrWhiteSpace(a.DisplayName)) errors.Add("displayName", "请填写姓名", "Give the person's name");
        if (a.Role is null || !Roles.All.Contains(a.Role)) errors.Add("role", "请选择角色", "Choose a role");
        else if (Roles.UnitRoles.Contains(a.Role) && (a.BudgetUnitId is null || !await db.BudgetUnits.AnyAsync(u => u.Id == a.BudgetUnitId, ct)))
            errors.Add("budgetUnitId", "单位角色必须指定预算单位", "A unit role needs its budget unit");
        else if (Roles.RegionRoles.Contains(a.Role) && (a.RegionId is null || !await db.Regions.AnyAsync(r => r.Id == a.RegionId, ct)))
            errors.Add("regionId", "监管角色必须指定区域", "A supervising role needs its region");
        else if (a.Role == Roles.Supplier && (a.SupplierId is null || !await db.Suppliers.AnyAsync(s => s.Id == a.SupplierId, ct)))
            errors.Add("supplierId", "供应商角色必须指定供应商", "A supplier account needs its supplier");
        errors.ThrowIfAny();

        var regionId = a.RegionId;
        if (a.BudgetUnitId is { } unit) regionId = await db.BudgetUnits.Where(u => u.Id == unit).Select(u => (long?)u.RegionId).FirstAsync(ct);
        var user = new AppUser
        {
            UserName = a.UserName!.Trim(), DisplayName = a.DisplayName!.Trim(), Email = string.IsNullOrWhiteSpace(a.Email) ? null : a.Email.Trim(),
            RegionId = Roles.UnitRoles.Contains(a.Role!) || Roles.RegionRoles.Contains(a.Role!) ? regionId : null,
            BudgetUnitId = Roles.UnitRoles.Contains(a.Role!) ? a.BudgetUnitId : null,
            SupplierId = a.Role == Roles.Supplier ? a.SupplierId : null,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, a.Password ?? ""), "password");
        Check(await users.AddToRoleAsync(user, a.Role!), "role");
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task SetActiveAsync(string id, bool active)
    {
        var user = await Find(id);
        user.IsActive = active;
        Check(await users.UpdateAsync(user), "isActive");
        if (!active) await users.UpdateSecurityStampAsync(user); // ends the person's sessions
    }

    public async Task UnlockAsync(string id)
    {
        var user = await Find(id);
        Check(await users.SetLockoutEndDateAsync(user, null), "lockout");
        Check(await users.ResetAccessFailedCountAsync(user), "lockout");
    }

    public async Task ResetPasswordAsync(string id, string? password)
    {
        var user = await Find(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password ?? ""), "password");
    }

    private async Task<AppUser> Find(string id) => await users.FindByIdAsync(id) ?? throw DomainException.NotFound("账号|account");

    private static void Check(IdentityResult r, string field)
    {
        if (r.Succeeded) return;
        var msgs = r.Errors.Select(e => e.Code switch
        {
            "DuplicateUserName" => new Msg("用户名已存在", "The user name is taken"),
            "PasswordTooShort" => new Msg("密码长度不足", "The password is too short"),
            _ => Msg.FromPair(e.Description.Replace(" / ", "|")),
        }).ToArray();
        throw new DomainException(ErrorKind.Invalid, msgs[0], new Dictionary<string, Msg[]> { [field] = msgs });
    }
}
