using DocumentFormat.OpenXml.Packaging;
using Lvyue.Accounts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>The contract review page in a real browser: the hits beside the text, a dismissal, the report download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewPageTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkSeesTheHitsBesideTheText_DismissesOneWithAReason_AndDownloadsTheReport()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var number = DemoFacts.NewNumber("REVB");
        long id;
        // The document is uploaded through the services (this host listens on Kestrel, not the in-memory test server).
        var clerkScope = TenantScope.ForUnit(facts.RegionId, facts.UnitId, "clerk", canWrite: true) with { Roles = [Roles.UnitClerk] };
        await using (var s = app.Database.Scope(clerkScope))
            id = (await s.Filing.CreateAsync(facts.Contract(number), [TestFiles.Txt(ContractReviewApiTests.BondOver10)])).Id;

        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkSeesTheHitsBesideTheText_DismissesOneWithAReason_AndDownloadsTheReport));
        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            await page.GotoAsync($"/Contracts/{id}");
            await page.Locator("[data-testid=review-link]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Contracts/Review/{id}$"));

            // The text with the bond hit highlighted, and the finding beside it with its basis.
            var bondMark = page.Locator("[data-testid=review-text] [data-testid=hit-mark]", new() { HasText = "15%的履约保证金" });
            await Expect(bondMark).ToHaveCountAsync(1);
            var bond = page.Locator("[data-testid=finding][data-rule='CMP-BOND-001']");
            await Expect(bond).ToContainTextAsync("政府采购法实施条例 第四十八条");
            await Expect(bond.Locator("[data-testid=finding-disposition]")).ToHaveTextAsync("待处理");
            var text = await page.Locator("[data-testid=review-text]").BoundingBoxAsync();
            var card = await bond.BoundingBoxAsync();
            Assert.True(card!.X > text!.X + text.Width / 2, "the findings stand beside the text, not under it");
            await Expect(page.Locator("[data-testid=open-high]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=score-compliance]")).ToHaveTextAsync("80");
            var open = int.Parse(await page.Locator("[data-testid=open-count]").InnerTextAsync());
            var findings = await page.Locator("[data-testid=finding]").CountAsync();
            Assert.Equal(findings, open);

            // Clicking the highlighted text goes to its finding.
            await bondMark.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#finding-\\d+$"));

            // A dismissal without a reason is refused on the page; with a reason it is kept and the counts change.
            await bond.Locator("[data-testid=dismiss]").ClickAsync();
            await Expect(page.Locator("[data-testid=review-errors]")).ToContainTextAsync("驳回必须填写原因");
            await Expect(page.Locator("[data-testid=open-count]")).ToHaveTextAsync(open.ToString());
            await bond.Locator("input[name=Reason]").FillAsync("保证金比例经财政局书面同意");
            await bond.Locator("[data-testid=dismiss]").ClickAsync();
            await Expect(bond.Locator("[data-testid=finding-disposition]")).ToHaveTextAsync("已驳回");
            await Expect(bond).ToContainTextAsync("保证金比例经财政局书面同意");
            await Expect(page.Locator("[data-testid=open-count]")).ToHaveTextAsync((open - 1).ToString());
            await Expect(page.Locator("[data-testid=score-compliance]")).ToHaveTextAsync("100");

            // The report as Word: one comment per finding, the dismissal and its reason in the bond's comment.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-docx]").ClickAsync());
            Assert.Equal($"审查报告-{number}-v1.docx", download.SuggestedFilename);
            using var doc = WordprocessingDocument.Open(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())), false);
            var comments = doc.MainDocumentPart!.WordprocessingCommentsPart!.Comments.ChildElements;
            Assert.Equal(findings, comments.Count);
            var bondComment = Assert.Single(comments, c => c.InnerText.Contains("[CMP-BOND-001]"));
            Assert.Contains("已驳回", bondComment.InnerText);
            Assert.Contains("保证金比例经财政局书面同意", bondComment.InnerText);
        });
    }
}
