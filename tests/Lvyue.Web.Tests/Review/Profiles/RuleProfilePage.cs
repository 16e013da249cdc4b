using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Review.Profiles;

/// <summary>/Review/Rules (审查规则与驳回率), /Review/Profile (规则配置) and /Review/Rule/{id} as a browser sees them.</summary>
public sealed class RuleProfilePage(IPage page)
{
    public ILocator NavLink => page.Locator("a[data-nav=review-rules]");

    /// <summary>Opens 审查规则 from the 智能审查 menu of the navigation bar.</summary>
    public async Task OpenFromNavAsync()
    {
        await page.Locator("[data-nav-menu=review]").ClickAsync();
        await NavLink.ClickAsync();
    }
    public ILocator StatsTable => page.Locator("[data-testid=rule-stats]");
    public ILocator ProfileLink => page.Locator("[data-testid=profile-link]");
    public ILocator Errors => page.Locator("[data-testid=profile-errors]");
    public ILocator Flash => page.Locator("[data-testid=flash]");
    public ILocator History => page.Locator("[data-testid=history] [data-testid=version]");
    public ILocator Examples => page.Locator("[data-testid=rule-examples] [data-testid=example]");

    public ILocator RegionRule(string id) => page.Locator($"[data-testid=region-rule][data-rule='{id}']");

    /// <summary>Fills the add-rule form (whole text, words or regular expressions) and submits it.</summary>
    public async Task AddRuleAsync(string id, string severity, bool regex, string pattern, string messageZh, string messageEn, string trigger, string pass)
    {
        await page.Locator("#Id").FillAsync(id);
        await page.Locator("#Severity").SelectOptionAsync(severity);
        await page.Locator(regex ? "#match-regex" : "#match-text").CheckAsync();
        await page.Locator("#Patterns").FillAsync(pattern);
        await page.Locator("#MessageZh").FillAsync(messageZh);
        await page.Locator("#MessageEn").FillAsync(messageEn);
        await page.Locator("#Trigger").FillAsync(trigger);
        await page.Locator("#Pass").FillAsync(pass);
        await page.Locator("[data-testid=save-rule]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
