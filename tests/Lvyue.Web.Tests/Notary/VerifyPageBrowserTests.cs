using System.Text;
using Lvyue.Web.Tests.Browser;
using Lvyue.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Notary;

/// <summary>The public verification page in a real browser (Chromium), without logging in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifyPageBrowserTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_AnyoneVerifiesANotarizedDocumentAndSeesAChangedOneIsNotFoundInEnglish()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var text = "浏览器存证核验合同 " + Guid.NewGuid();
        var bytes = Encoding.UTF8.GetBytes(text);
        var clerkScope = Lvyue.Accounts.TenantScope.ForUnit(facts.RegionId, facts.UnitId, "clerk", canWrite: true) with { Roles = [Lvyue.Accounts.Roles.UnitClerk] };
        await using (var clerk = app.Database.Scope(clerkScope))
            await clerk.Filing.CreateAsync(facts.Contract(DemoFacts.NewNumber("BRV")), [new Lvyue.Contracts.UploadedDocument("合同.txt", new MemoryStream(bytes))]);

        await using var visitor = await hosts.NewSessionAsync(app, nameof(Browser_AnyoneVerifiesANotarizedDocumentAndSeesAChangedOneIsNotFoundInEnglish));
        await visitor.RunAsync(async page =>
        {
            var verify = new VerifyPage(page);
            await page.GotoAsync("/");
            await page.Locator("[data-testid=nav-verify]").ClickAsync(); // reachable without logging in
            await page.WaitForURLAsync("**/Verify");
            await verify.CheckFileAsync("合同.txt", bytes);
            await Expect(verify.Valid).ToHaveCountAsync(1);
            await Expect(verify.Valid).ToContainTextAsync("已存证");
            await Expect(verify.Kind).ToContainTextAsync("文件存证");

            await verify.SwitchToEnglishAsync();
            var changed = bytes.ToArray();
            changed[0] ^= 0x20;
            await verify.CheckFileAsync("contract.txt", changed);
            await Expect(verify.NotFound).ToContainTextAsync("Not found");
            await Expect(verify.Valid).ToHaveCountAsync(0);
        });
    }
}
