using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>Recording an acceptance in a real browser and seeing it on the contract's timeline.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AcceptanceJourneyTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkRecordsAnAcceptanceWithFindings_AndTheTimelineShowsIt()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        // The contract is filed through the services (this host listens on Kestrel, not the in-memory test server).
        long id;
        var clerkScope = TenantScope.ForUnit(facts.RegionId, facts.UnitId, "clerk", canWrite: true) with { Roles = [Roles.UnitClerk] };
        var leaderScope = TenantScope.ForUnit(facts.RegionId, facts.UnitId, "leader", canWrite: true) with { Roles = [Roles.UnitLeader] };
        ApprovalTask task;
        await using (var s = app.Database.Scope(clerkScope))
        {
            var c = await s.Filing.CreateAsync(facts.Contract(DemoFacts.NewNumber("ACC"), 80_000m), [TestFiles.Txt()]);
            task = await s.Filing.SubmitAsync(c.Id);
            id = c.Id;
        }
        await using (var s = app.Database.Scope(leaderScope)) await s.Filing.ApproveAsync(task.Id, "同意");

        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkRecordsAnAcceptanceWithFindings_AndTheTimelineShowsIt));
        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            await page.GotoAsync($"/Performance/Acceptance?contractId={id}");
            // First a "passed" acceptance with a deviating finding: refused on the form, nothing saved.
            await page.FillAsync("#Date", "2026-03-01");
            await page.SelectOptionAsync("#Result", "Passed");
            await page.FillAsync("#Participants", "采购人：李经办；供应商：郑经理");
            await page.FillAsync("[data-testid=finding-item-0]", "人员配置");
            await page.FillAsync("[data-testid=finding-standard-0]", "不少于8人");
            await page.SelectOptionAsync("[data-testid=finding-result-0]", "Deviates");
            await page.ClickAsync("[data-testid=record-acceptance]");
            await Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("不能为“验收合格”");
            await Expect(page.Locator("[data-testid=acceptance-record]")).ToHaveCountAsync(0);

            await page.SelectOptionAsync("#Result", "PassedWithIssues");
            await page.ClickAsync("[data-testid=record-acceptance]");
            await Expect(page.Locator("[data-testid=acceptance-record]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=acceptance-record]")).ToContainTextAsync("合格但存在问题");
            await Expect(page.Locator("[data-testid=acceptance-record]")).ToContainTextAsync("不少于8人");

            var contract = new ContractPage(page);
            await contract.GotoAsync(id);
            await Expect(contract.Timeline.Filter(new() { HasText = "验收（2026-03-01）" })).ToHaveCountAsync(1);
        });
    }
}
