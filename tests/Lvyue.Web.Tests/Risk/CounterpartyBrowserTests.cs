using Lvyue.Contracts;
using Lvyue.Web.Tests.Browser;
using Lvyue.Web.Tests.Browser.PageObjects;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Risk;

/// <summary>相对方核查 in a real browser (Chromium): a unit's clerk finds a supplier from the nav and reads its check, in Chinese and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CounterpartyBrowserTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_AClerkSearchesASupplierAndReadsItsCheck()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        int count;
        await using (var s = app.Database.AsSystem())
        {
            var filed = new[] { ContractStatus.Filed, ContractStatus.Performing, ContractStatus.Completed, ContractStatus.Terminated };
            count = await s.Db.Contracts.AsNoTracking()
                .CountAsync(c => c.RegionId == facts.RegionId && filed.Contains(c.Status) && c.Suppliers.Any(x => x.SupplierId == facts.SupplierId));
        }

        await using var session = await hosts.NewSessionAsync(app, nameof(Browser_AClerkSearchesASupplierAndReadsItsCheck));
        await session.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            var check = new CounterpartyPage(page);
            await check.OpenFromNavAsync();
            await check.SearchAsync("x");
            await Expect(check.Errors).ToContainTextAsync("至少2个字");
            await check.SearchAsync(facts.SupplierName[..4]);
            await Expect(check.Matches.First).ToBeVisibleAsync();
            await check.OpenCheckAsync(facts.SupplierUscc);
            await Expect(check.Name).ToHaveTextAsync(facts.SupplierName);
            await Expect(check.ContractCount).ToHaveTextAsync(count.ToString());
            await Expect(check.Level).ToContainTextAsync(new System.Text.RegularExpressions.Regex("高风险|需关注|未发现风险"));

            await check.SwitchToEnglishAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Counterparty check");
            await Expect(check.Level).ToContainTextAsync(new System.Text.RegularExpressions.Regex("High risk|Look closer|No risk found"));
        });
    }
}
