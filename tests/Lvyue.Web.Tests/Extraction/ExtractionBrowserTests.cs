using System.Text.RegularExpressions;
using Lvyue.Web.Tests.Browser;
using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Extraction;

/// <summary>Choosing the contract document on the filing form pre-fills the form and highlights the words (Chromium, SQLite host).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExtractionBrowserTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ChoosingTheDocumentPrefillsTheFormHighlightsTheWordsAndFilingStoresTheFieldsAsAccepted()
    {
        var app = await hosts.App();
        var facts = await app.Facts;
        var number = DemoFacts.NewNumber("EXB");
        var docx = ExtractionFixtures.Docx(ExtractionFixtures.Lines(facts, number));
        long id = 0;

        await using (var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ChoosingTheDocumentPrefillsTheFormHighlightsTheWordsAndFilingStoresTheFieldsAsAccepted)))
        {
            await clerk.RunAsync(async page =>
            {
                await new LoginPage(page).LoginAsync("clerk");
                var filing = new FilingPage(page);
                await filing.GotoAsync();
                await page.Locator("#Document").SetInputFilesAsync(new FilePayload
                {
                    Name = "合同.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx,
                });

                await Expect(filing.Field("Title")).ToHaveValueAsync("示范区教育局物业管理服务合同");
                await Expect(filing.Field("Number")).ToHaveValueAsync(number);
                await Expect(filing.Field("Amount")).ToHaveValueAsync("58000");
                await Expect(filing.Field("SignDate")).ToHaveValueAsync("2026-02-20");
                await Expect(filing.Field("EndDate")).ToHaveValueAsync("2027-02-28");
                await Expect(filing.Field("SupplierIds")).ToHaveValuesAsync([facts.SupplierId.ToString()]);
                await Expect(page.Locator("input[name='Form.SupplierContactPhone']")).ToHaveValueAsync("13800138000");
                var notes = page.Locator("[data-testid=extract-note]");
                await Expect(notes.First).ToHaveTextAsync(new Regex(@"^来自合同文本，置信度 \d+%$"));
                Assert.True(await notes.CountAsync() >= 10, "fewer than 10 fields are marked as pre-filled");

                var panel = page.Locator("[data-testid=extract-panel]");
                await Expect(panel).ToBeVisibleAsync();
                var amount = panel.Locator("mark[data-field=amountTotal]");
                await Expect(amount).ToBeVisibleAsync();
                await Expect(amount).ToContainTextAsync("58,000.00");
                await panel.Locator("[data-testid=extract-fields] button[data-field=supplier]").ClickAsync();
                var supplier = panel.Locator("mark[data-field=supplier]");
                await Expect(supplier).ToHaveTextAsync(facts.SupplierUscc);
                await Expect(supplier).ToHaveClassAsync(new Regex("bg-warning"));

                await filing.Field("SubcategoryId").SelectOptionAsync(new SelectOptionValue { Label = "物业管理" });
                var line = await filing.Field("BudgetLineId").Locator("option").Filter(new() { HasText = "委托业务费" }).First.GetAttributeAsync("value");
                await filing.Field("BudgetLineId").SelectOptionAsync(line!);
                await filing.SaveDraftAsync();
                id = long.Parse(page.Url.Split('/')[^1]);
            });
        }

        await using var s = app.Database.AsSystem();
        var rows = await s.Db.ExtractionCorrections.AsNoTracking().Where(c => c.ContractId == id).ToListAsync();
        Assert.True(rows.Count >= 10, $"{rows.Count} rows stored");
        Assert.All(rows, r => Assert.False(r.Corrected, $"{r.Field}: {r.ExtractedValue} → {r.FinalValue}"));
        Assert.Contains(rows, r => r.Field == "supplier" && r.FinalValue == facts.SupplierId.ToString());
    }
}
