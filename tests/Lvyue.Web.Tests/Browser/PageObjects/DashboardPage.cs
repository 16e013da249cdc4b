using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>The home dashboard with its ECharts charts.</summary>
public sealed class DashboardPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/");

    public ILocator Charts => page.Locator("[data-chart]");

    /// <summary>The charts that dashboard.js has drawn: marked data-rendered and holding a canvas.</summary>
    public ILocator RenderedCharts => page.Locator("[data-chart][data-rendered='true']:has(canvas)");

    public ILocator ContractCount => page.Locator("[data-testid=stat-count]");

    public ILocator Heading => page.Locator("main h1");

    public ILocator Navigation => page.Locator("nav.navbar");

    /// <summary>Switches the language with the navigation bar's link (中文 or English).</summary>
    public async Task SwitchLanguageAsync(string linkText)
    {
        await page.Locator("nav.navbar").GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
