using Lvyue.Accounts;
using Lvyue.Audit;
using Lvyue.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Account;

/// <summary>Password sign-in with lockout (等保: 5 failures lock the account for 15 minutes, configurable); every attempt is audited.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, LvyueDbContext db, SecurityOptions security) : LvyuePage(db)
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, T("请输入用户名和密码", "Enter your user name and password"));
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is { IsActive: false })
        {
            await AuditAsync("login.disabled");
            ModelState.AddModelError(string.Empty, T("账号已停用，请联系系统管理员", "This account is disabled; contact the system administrator"));
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync("login.succeeded");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            await AuditAsync("login.lockedout");
            ModelState.AddModelError(string.Empty, T($"连续{security.LockoutFailures}次登录失败，账号已锁定{security.LockoutMinutes}分钟",
                $"The account is locked for {security.LockoutMinutes} minutes after {security.LockoutFailures} failed attempts"));
            return Page();
        }
        await AuditAsync("login.failed");
        ModelState.AddModelError(string.Empty, T("用户名或密码错误", "Wrong user name or password"));
        return Page();
    }

    private async Task AuditAsync(string action)
    {
        Db.AuditEntries.Add(new AuditEntry
        {
            At = Db.Clock.GetUtcNow().UtcDateTime, Actor = UserName?.Trim() ?? "", Action = action, EntityType = "Session",
            Ip = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await Db.SaveChangesAsync();
    }
}
