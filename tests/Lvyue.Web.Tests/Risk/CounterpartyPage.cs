using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Risk;

/// <summary>Page object of /Counterparties (相对方核查): the search and a supplier's check.</summary>
public sealed class CounterpartyPage(IPage page)
{
    /// <summary>Opens the check from the navigation bar.</summary>
    public async Task OpenFromNavAsync()
    {
        await page.Locator("[data-nav-menu=credit]").ClickAsync(); // the 评价与信用 menu of the navigation bar
        await page.Locator("[data-nav=counterparties]").ClickAsync();
        await page.Locator("[data-testid=counterparty-search]").WaitForAsync();
    }

    /// <summary>Searches by name or USCC.</summary>
    public async Task SearchAsync(string query)
    {
        await page.Locator("#Q").FillAsync(query);
        await page.Locator("[data-testid=counterparty-submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Opens the check of the listed supplier with this USCC.</summary>
    public async Task OpenCheckAsync(string uscc)
    {
        await page.Locator($"[data-testid=counterparty-matches] a[href='/Counterparties/Check/{uscc}']").ClickAsync();
        await page.Locator("[data-testid=counterparty-level]").WaitForAsync();
    }

    public ILocator Name => page.Locator("[data-testid=counterparty-name]");
    public ILocator Level => page.Locator("[data-testid=counterparty-level]");
    public ILocator ContractCount => page.Locator("[data-testid=counterparty-contract-count]");
    public ILocator Matches => page.Locator("[data-testid=counterparty-matches] tbody tr");
    public ILocator Errors => page.Locator("[data-testid=counterparty-errors]");

    /// <summary>Switches the page to English with the navigation bar's link.</summary>
    public async Task SwitchToEnglishAsync()
    {
        await page.Locator("a[href^='/culture/en']").ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
    }
}
