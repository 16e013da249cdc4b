using Lvyue.Web.Tests.Browser;
using Lvyue.Web.Tests.Browser.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Review.Profiles;

/// <summary>A supervisor adds a region rule in a real browser (Chromium) on the SQLite host: refused with the reason, then saved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RuleProfileBrowserTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_SupervisorAddsARegionRule_ACatastrophicRegexIsRefusedWithTheReason_ThenTheFixedRuleIsSavedAsANewVersion()
    {
        var app = await hosts.App();
        await using var session = await hosts.NewSessionAsync(app, nameof(Browser_SupervisorAddsARegionRule_ACatastrophicRegexIsRefusedWithTheReason_ThenTheFixedRuleIsSavedAsANewVersion));
        await session.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("supervisor");
            var rules = new RuleProfilePage(page);
            await rules.OpenFromNavAsync();
            await page.WaitForURLAsync("**/Review/Rules");
            await Expect(rules.StatsTable).ToBeVisibleAsync();
            await rules.ProfileLink.ClickAsync();
            await page.WaitForURLAsync("**/Review/Profile");

            const string id = "R440303-BRW-001";
            const string trigger = "第一条 适用条款\n本合同适用示例专用条款。\n---\n第二条 其他\n另行约定示例专用条款。";
            const string pass = "第一条 适用条款\n本合同适用通用条款。";
            await rules.AddRuleAsync(id, "low", regex: true, "(示例+)+专用", "出现了示例专用条款。", "A sample-only clause.", trigger, pass);
            await Expect(rules.Errors).ToContainTextAsync("灾难性回溯");
            await Expect(page.Locator("#Patterns")).ToHaveValueAsync("(示例+)+专用");
            await Expect(rules.RegionRule(id)).ToHaveCountAsync(0);

            await rules.AddRuleAsync(id, "low", regex: true, "示例专用条款", "出现了示例专用条款。", "A sample-only clause.", trigger, pass);
            await page.WaitForURLAsync("**/Review/Profile");
            await Expect(rules.Flash).ToContainTextAsync("3个示例全部通过");
            await Expect(rules.RegionRule(id)).ToBeVisibleAsync();
            await Expect(rules.History.First).ToContainTextAsync($"新增本区规则 {id}");

            await rules.RegionRule(id).Locator($"a[href='/Review/Rule/{id}']").ClickAsync();
            await page.WaitForURLAsync($"**/Review/Rule/{id}");
            await Expect(rules.Examples).ToHaveCountAsync(3);
            await Expect(page.Locator("[data-testid=example][data-ok=false]")).ToHaveCountAsync(0);
        });
    }
}
