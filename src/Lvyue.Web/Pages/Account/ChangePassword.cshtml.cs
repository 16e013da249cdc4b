using Lvyue.Accounts;
using Lvyue.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Account;

/// <summary>A signed-in person changes their own password under the configured policy.</summary>
[Authorize]
public sealed class ChangePasswordModel(LvyueDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn) : LvyuePage(db)
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (New != Confirm)
        {
            ModelState.AddModelError(string.Empty, T("两次输入的新密码不一致", "The new passwords do not match"));
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Current ?? "", New ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(string.Empty, e.Code == "PasswordMismatch" ? T("当前密码不正确", "The current password is wrong") : e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Flash = T("密码已修改", "Password changed");
        return Redirect("/");
    }
}
