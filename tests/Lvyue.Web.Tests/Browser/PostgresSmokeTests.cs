using Lvyue.Testing;
using Lvyue.Web.Tests.Browser.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>The browser against the app on PostgreSQL: log in, search the ledger in Chinese, see the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PostgresSmokeTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_OnPostgres_TheClerkSearchesTheLedgerAndSeesTheDashboard()
    {
        var app = await hosts.App(TestDatabase.Postgres);
        var facts = await app.Facts;
        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_OnPostgres_TheClerkSearchesTheLedgerAndSeesTheDashboard));

        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            var dashboard = new DashboardPage(page);
            await Expect(dashboard.RenderedCharts).ToHaveCountAsync(3);

            var ledger = new LedgerPage(page);
            await ledger.GotoAsync();
            await ledger.SearchAsync(facts.UnitName);
            var rows = await ledger.Rows.CountAsync();
            Assert.True(rows > 0, "the clerk's unit has demo contracts");
            for (var i = 0; i < rows; i++) await Expect(ledger.Rows.Nth(i)).ToContainTextAsync(facts.UnitName);
        });
    }
}
