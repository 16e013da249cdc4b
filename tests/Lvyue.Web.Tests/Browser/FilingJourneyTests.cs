using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>What people do in a real browser (Chromium), on the SQLite host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingJourneyTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkFilesAContractWithADocumentFindsItExportsItAndTheLeaderApprovesIt()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var tag = "浏览器" + Guid.NewGuid().ToString("N")[..6];
        var input = new FilingInput
        {
            Title = $"{tag}青少年宫物业管理服务合同", Number = DemoFacts.NewNumber("WEB"), Amount = "186000.50", Supplier = facts.SupplierName, KeyProject = true,
        };
        long id = 0;

        await using (var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkFilesAContractWithADocumentFindsItExportsItAndTheLeaderApprovesIt) + "-clerk"))
        {
            await clerk.RunAsync(async page =>
            {
                await new LoginPage(page).LoginAsync("clerk");
                var filing = new FilingPage(page);
                await filing.GotoAsync();
                await filing.ChooseCategoryAsync("Goods");
                var goods = await filing.OfferedSubcategoriesAsync();
                Assert.Contains("办公设备", goods);
                Assert.DoesNotContain("物业管理", goods);
                await filing.FillAsync(input);
                var services = await filing.OfferedSubcategoriesAsync();
                Assert.Contains("物业管理", services);
                Assert.DoesNotContain("办公设备", services);
                await filing.SaveDraftAsync();

                var contract = new ContractPage(page);
                id = contract.Id;
                await Expect(contract.Title).ToHaveTextAsync(input.Title);
                await Expect(contract.Status).ToHaveTextAsync("草稿");
                await Expect(contract.Amount).ToHaveTextAsync("¥186,000.50");
                await Expect(contract.AmountInCapitals).ToHaveTextAsync("壹拾捌万陆仟元伍角");
                await Expect(contract.Documents).ToHaveCountAsync(1);
                await Expect(contract.Documents.First).ToContainTextAsync("合同.txt");
                await Expect(contract.Documents.First).ToContainTextAsync("v1");
                await contract.SubmitForApprovalAsync();
                await Expect(contract.Status).ToHaveTextAsync("待审批");

                var ledger = new LedgerPage(page);
                await ledger.GotoAsync();
                await ledger.SearchAsync(tag);
                await Expect(ledger.Rows).ToHaveCountAsync(1);
                await Expect(ledger.RowOf(input.Number)).ToContainTextAsync(input.Title);
                await Expect(ledger.RowOf(input.Number)).ToContainTextAsync("¥186,000.50");
                var (bytes, fileName) = await ledger.ExportXlsxAsync();
                Assert.EndsWith(".xlsx", fileName);
                var rows = ExportApiTests.ReadXlsx(bytes);
                var row = Assert.Single(rows.Skip(1));
                Assert.Equal(input.Number, row[0]);
                Assert.Equal(input.Title, row[1]);
                Assert.Equal(186_000.50, (double)row[6], 2);
                Assert.Equal("待审批", row[10]);
            });
        }

        await using var leader = await hosts.NewSessionAsync(app, nameof(Browser_ClerkFilesAContractWithADocumentFindsItExportsItAndTheLeaderApprovesIt) + "-leader");
        await leader.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("leader");
            var approvals = new ApprovalsPage(page);
            await approvals.GotoAsync();
            await Expect(approvals.RowOf(input.Number)).ToContainTextAsync("¥186,000.50");
            await approvals.ApproveAsync(input.Number, "同意备案");
            await Expect(approvals.RowOf(input.Number)).ToHaveCountAsync(0);

            var contract = new ContractPage(page);
            await contract.GotoAsync(id);
            await Expect(contract.Status).ToHaveTextAsync("已备案");
            await Expect(contract.Timeline.First).ToContainTextAsync("leader");
        });
    }

    [Fact]
    public async Task Browser_FilingFormShowsTheEndBeforeStartErrorAndKeepsTheInput()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var input = new FilingInput
        {
            Title = "日期填错的物业管理服务合同", Number = DemoFacts.NewNumber("ERR"), Amount = "52000", Supplier = facts.SupplierName,
            StartDate = "2026-06-01", EndDate = "2026-05-31",
        };
        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_FilingFormShowsTheEndBeforeStartErrorAndKeepsTheInput));

        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            var filing = new FilingPage(page);
            await filing.GotoAsync();
            await filing.FillAsync(input);
            await filing.SaveDraftExpectingErrorsAsync();

            await Expect(filing.ErrorFor("EndDate")).ToHaveTextAsync("结束日期不能早于开始日期");
            await Expect(filing.Field("Title")).ToHaveValueAsync(input.Title);
            await Expect(filing.Field("Number")).ToHaveValueAsync(input.Number);
            await Expect(filing.Field("Amount")).ToHaveValueAsync("52000");
            await Expect(filing.Field("StartDate")).ToHaveValueAsync("2026-06-01");
            await Expect(filing.Field("EndDate")).ToHaveValueAsync("2026-05-31");
            await Expect(filing.Field("SubcategoryId").Locator("option:checked")).ToHaveTextAsync("物业管理");
            await Expect(filing.Field("SupplierIds").Locator("option:checked")).ToContainTextAsync(facts.SupplierName);
        });
        await using var s = app.Database.AsSystem();
        Assert.False(await s.Db.Contracts.AnyAsync(c => c.Number == input.Number));
    }

    [Fact]
    public async Task Browser_DashboardRendersItsEChartsCharts()
    {
        var app = await hosts.App();
        await using var supervisor = await hosts.NewSessionAsync(app, nameof(Browser_DashboardRendersItsEChartsCharts));

        await supervisor.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("supervisor");
            var dashboard = new DashboardPage(page);
            await dashboard.GotoAsync();

            await Expect(dashboard.Charts).ToHaveCountAsync(3);
            await Expect(dashboard.RenderedCharts).ToHaveCountAsync(3);
            var count = int.Parse((await dashboard.ContractCount.InnerTextAsync()).Replace(",", ""));
            Assert.True(count >= LvyueApp.DemoContracts, $"the dashboard counts {count} contracts");
        });
    }

    [Fact]
    public async Task Browser_SwitchingToEnglishShowsEnglishLabels()
    {
        var app = await hosts.App();
        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_SwitchingToEnglishShowsEnglishLabels));

        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            var dashboard = new DashboardPage(page);
            await Expect(dashboard.Heading).ToHaveTextAsync("您好，李经办");

            await dashboard.SwitchLanguageAsync("English");

            await Expect(dashboard.Heading).ToHaveTextAsync("Hello, 李经办");
            await Expect(page.Locator("[data-nav=ledger]")).ToHaveTextAsync("Ledger");
            await Expect(page.Locator("[data-nav=file]")).ToHaveTextAsync("File a contract");
            await new LedgerPage(page).GotoAsync();
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Ledger");
            await Expect(page.Locator("[data-testid=ledger-total]")).ToContainTextAsync("contracts, page 1 of");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            await dashboard.SwitchLanguageAsync("中文");
            await Expect(page.Locator("main h1")).ToHaveTextAsync("合同台账");
        });
    }
}
