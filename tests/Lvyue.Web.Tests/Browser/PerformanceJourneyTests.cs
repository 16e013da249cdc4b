using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>The schedule page and the overdue register in a real browser (Chromium), on the SQLite host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PerformanceJourneyTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkKeepsTheScheduleAndTheSupervisorInterviewsOnTheOverdueRegister()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var number = DemoFacts.NewNumber("BRW");
        var today = ChinaTime.Today(TimeProvider.System);
        long id;
        // Set up through the services (the Kestrel host is reached by the browser only): a filed contract with a late delivery.
        await using (var s = app.Database.Scope(TenantScope.ForUnit(facts.RegionId, facts.UnitId, "clerk", canWrite: true) with { Roles = [Roles.UnitClerk] }))
        {
            id = (await s.Filing.CreateAsync(facts.Contract(number, 80_000m), [TestFiles.Txt()])).Id;
            await s.Db.Contracts.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, ContractStatus.Filed));
            await s.Get<MilestoneService>().AddAsync(id, new MilestoneInput
                { Kind = MilestoneKind.Delivery, Title = "首批到货", DueDate = today.AddDays(-20), Amount = 30_000m, ResponsibleParty = ResponsibleParty.Supplier });
        }

        await using (var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkKeepsTheScheduleAndTheSupervisorInterviewsOnTheOverdueRegister) + "-clerk"))
        {
            await clerk.RunAsync(async page =>
            {
                await new LoginPage(page).LoginAsync("clerk");
                await page.GotoAsync($"/Contracts/{id}");
                await page.Locator("[data-testid=schedule-link]").ClickAsync();
                var schedule = new PerformanceSchedulePage(page);
                await Expect(schedule.Rows).ToHaveCountAsync(1);
                await Expect(schedule.RowOf("首批到货").Locator("[data-testid=milestone-status]")).ToHaveTextAsync("到期");

                await schedule.AddAsync("PaymentInstallment", "首付款", today.AddDays(10), "20000", "Purchaser");
                await Expect(schedule.Flash).ToContainTextAsync("已添加1个履约节点");
                await Expect(schedule.Rows).ToHaveCountAsync(2);
                await Expect(page.Locator("[data-testid=installment-total]")).ToHaveTextAsync("¥20,000.00");

                await schedule.AddAsync("PaymentInstallment", "超额付款", today.AddDays(40), "70000", "Purchaser");
                await Expect(schedule.Errors).ToContainTextAsync("超过合同金额");
                await Expect(schedule.Rows).ToHaveCountAsync(2);

                await schedule.RecordStatusAsync("首付款", "Waived", "双方协商取消首付款");
                await Expect(schedule.RowOf("首付款").Locator("[data-testid=milestone-status]")).ToHaveTextAsync("已豁免");
            });
        }

        await using var supervisor = await hosts.NewSessionAsync(app, nameof(Browser_ClerkKeepsTheScheduleAndTheSupervisorInterviewsOnTheOverdueRegister) + "-supervisor");
        await supervisor.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("supervisor");
            var register = new PerformanceOverduePage(page);
            await register.GotoAsync("?Q=" + number);
            var row = register.RowOf(number);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator("[data-testid=days-overdue]")).ToHaveTextAsync("20");
            await Expect(row).ToContainTextAsync("首批到货");

            await register.InterviewAsync(number, "约谈供应商项目经理，承诺一周内到货");
            await Expect(register.Actions).ToContainTextAsync(["约谈供应商项目经理，承诺一周内到货"]);
            await register.ToggleCloseWatchAsync(number);
            await Expect(register.RowOf(number).Locator("[data-testid=close-watch-badge]")).ToBeVisibleAsync();

            await page.GotoAsync($"/Performance/Schedule/{id}");
            await Expect(page.Locator("[data-testid=overdue-badge]")).ToHaveCountAsync(1);
        });
    }
}
