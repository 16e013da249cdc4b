using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Evaluation/Assess (the assessment form) and /Evaluation/Contract/{id} (the contract's assessments and the supplier's stars).</summary>
public sealed class EvaluationPage(IPage page)
{
    public async Task GotoAssessAsync(long contractId) => await page.GotoAsync($"/Evaluation/Assess?contractId={contractId}");

    public ILocator ScoreInputs => page.Locator("#assess-form input.score");
    public ILocator LiveTotal => page.Locator("[data-testid=live-total]");
    public ILocator Assessments => page.Locator("[data-testid=assessments] tbody tr");
    public ILocator Totals => page.Locator("[data-testid=assessment-total]");
    public ILocator SupplierStars => page.Locator("[data-testid=supplier-rating] [data-testid=star-rating]");
    public ILocator PolicyEvents => page.Locator("[data-testid=policy-event]");
    public ILocator Flash => page.Locator("[data-testid=flash]");

    public async Task SetPeriodAsync(string yyyyMm) => await page.Locator("#Period").FillAsync(yyyyMm);

    public async Task ScoreAsync(string code, decimal score) =>
        await page.Locator($"#score-{code}").FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Scores every item alike.</summary>
    public async Task ScoreAllAsync(decimal score)
    {
        for (var i = 0; i < await ScoreInputs.CountAsync(); i++)
            await ScoreInputs.Nth(i).FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task SubmitAsync()
    {
        await page.Locator("[data-testid=save-assessment]").ClickAsync();
        await page.WaitForURLAsync("**/Evaluation/Contract/*");
    }
}
