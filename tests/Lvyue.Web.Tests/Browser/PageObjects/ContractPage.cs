using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Contracts/{id}: a contract's fields, documents and timeline.</summary>
public sealed class ContractPage(IPage page)
{
    public async Task GotoAsync(long id) => await page.GotoAsync($"/Contracts/{id}");

    /// <summary>The contract id of the page now shown.</summary>
    public long Id => long.Parse(new Uri(page.Url).Segments[^1]);

    public ILocator Title => page.Locator("[data-testid=contract-title]");
    public ILocator Status => page.Locator("[data-testid=contract-status]");
    public ILocator Amount => page.Locator("[data-testid=contract-amount]");
    public ILocator AmountInCapitals => page.Locator("[data-testid=amount-capitals]");
    public ILocator Documents => page.Locator("[data-testid=documents] tbody tr");
    public ILocator Timeline => page.Locator("[data-testid=timeline] li");
    public ILocator Flash => page.Locator("[data-testid=flash]");

    /// <summary>Submits the draft for approval with the page's button.</summary>
    public async Task SubmitForApprovalAsync()
    {
        await page.Locator("[data-testid=submit]").ClickAsync();
        await Flash.WaitForAsync();
    }
}
