using Lvyue.Web.Tests.Browser.PageObjects;
using Lvyue.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Lvyue.Web.Tests.Browser;

/// <summary>Scoring a contract in a real browser (Chromium) on the SQLite host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationJourneyTests(BrowserHosts hosts)
{
    [Fact]
    public async Task Browser_ClerkFillsAnAssessmentSeesTheLiveTotalThenTheSavedTotalAndTheStarRating()
    {
        var app = await hosts.App();
        var id = await EvaluationWebSteps.PerformingContractAsync(app, "BRW");
        await using var clerk = await hosts.NewSessionAsync(app, nameof(Browser_ClerkFillsAnAssessmentSeesTheLiveTotalThenTheSavedTotalAndTheStarRating));
        await clerk.RunAsync(async page =>
        {
            await new LoginPage(page).LoginAsync("clerk");
            var form = new EvaluationPage(page);
            await form.GotoAssessAsync(id);
            await Expect(form.ScoreInputs).ToHaveCountAsync(7);
            await form.SetPeriodAsync("2026-09");
            await form.ScoreAllAsync(90m);
            await Expect(form.LiveTotal).ToHaveTextAsync("90.00");
            await form.ScoreAsync("quality", 60m);       // weight 30: 60×30% + 90×70% = 81
            await Expect(form.LiveTotal).ToHaveTextAsync("81.00");

            await form.SubmitAsync();

            await Expect(form.Flash).ToContainTextAsync("总分81");
            await Expect(form.Totals).ToHaveTextAsync(["81.00"]);
            await Expect(form.PolicyEvents.First).ToContainTextAsync("考核扣款");
            await Expect(form.SupplierStars).ToHaveAttributeAsync("data-stars", new System.Text.RegularExpressions.Regex("^[1-5]\\.[05]$"));
        });
    }
}
