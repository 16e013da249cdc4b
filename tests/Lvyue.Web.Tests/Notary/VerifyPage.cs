using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Notary;

/// <summary>Page object of /Verify, the public notarization verifier.</summary>
public sealed class VerifyPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Verify");

    /// <summary>Uploads a file (a document, or a receipt named *.json) and submits.</summary>
    public async Task CheckFileAsync(string name, byte[] content)
    {
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
        await page.Locator("[data-testid=verify-submit]").ClickAsync();
        await page.Locator("[data-testid=verify-result]").WaitForAsync();
    }

    public ILocator Valid => page.Locator("[data-testid=verdict-valid]");
    public ILocator NotFound => page.Locator("[data-testid=verdict-notfound]");
    public ILocator Invalid => page.Locator("[data-testid=verdict-invalid]");
    public ILocator Kind => page.Locator("[data-testid=entry-kind]");

    /// <summary>Switches the page to English with the navigation bar's link.</summary>
    public async Task SwitchToEnglishAsync()
    {
        await page.Locator("a[href^='/culture/en']").ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
    }
}
