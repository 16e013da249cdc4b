using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Account/Login.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Account/Login");

    /// <summary>Logs in and waits for the home page.</summary>
    public async Task LoginAsync(string userName, string password = Lvyue.Demo.DemoSeeder.DemoPassword)
    {
        await GotoAsync();
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=whoami]").WaitForAsync();
    }

    /// <summary>Logs out through the navigation bar's form.</summary>
    public async Task LogoutAsync()
    {
        await page.Locator("form[action='/Account/Logout'] button").ClickAsync();
        await page.Locator("#userName").WaitForAsync();
    }
}
