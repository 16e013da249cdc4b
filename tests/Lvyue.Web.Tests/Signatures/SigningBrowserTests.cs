using System.Text;
using Lvyue.Web.Tests.Browser;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Signatures;

/// <summary>In Chromium: the clerk signs from the contract page with SM2, then the supplier with ECDSA; the contract shows 已签署.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SigningBrowserTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkThenSupplierSignFromTheContractPage()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var clerkScope = Lvyue.Accounts.TenantScope.ForUnit(facts.RegionId, facts.UnitId, "clerk", canWrite: true) with { Roles = [Lvyue.Accounts.Roles.UnitClerk] };
        long id;
        await using (var scope = app.Database.Scope(clerkScope))
            id = (await scope.Filing.CreateAsync(facts.Contract(DemoFacts.NewNumber("BSG")),
                [new Lvyue.Contracts.UploadedDocument("合同.txt", new MemoryStream(Encoding.UTF8.GetBytes("浏览器电子签署合同 " + Guid.NewGuid())))])).Id;

        await using (var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkThenSupplierSignFromTheContractPage) + "-clerk"))
        {
            await clerk.RunAsync(async page =>
            {
                await new LoginPage(page).LoginAsync("clerk");
                await page.GotoAsync($"/Contracts/{id}");
                await page.Locator("[data-testid=signatures-link]").ClickAsync();
                await page.WaitForURLAsync($"**/Signatures/{id}");
                await Expect(page.Locator("[data-testid=signing-state]")).ToContainTextAsync("未完成签署");
                await page.Locator("[data-testid=sign-form] select").SelectOptionAsync("sm2");
                await page.Locator("[data-testid=sign-submit]").ClickAsync();
                await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync("已签署");
                await Expect(page.Locator("[data-testid=party-purchaser]")).ToContainTextAsync("SM2/SM3");
                await Expect(page.Locator("[data-testid=signature-valid]")).ToHaveCountAsync(1);
            });
        }
        await using var supplier = await hosts.NewSessionAsync(app, nameof(Browser_ClerkThenSupplierSignFromTheContractPage) + "-supplier");
        await supplier.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("supplier");
            await page.GotoAsync($"/Signatures/{id}");
            await page.Locator("[data-testid=sign-form] select").SelectOptionAsync("ecdsa");
            await page.Locator("[data-testid=sign-submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=signing-state]")).ToContainTextAsync("已签署");
            await Expect(page.Locator("[data-testid=signature-valid]")).ToHaveCountAsync(2);
            await page.GotoAsync($"/Contracts/{id}");
            await Expect(page.Locator("[data-testid=contract-signed]")).ToBeVisibleAsync();
        });
    }
}
