using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Approvals: the approver's queue.</summary>
public sealed class ApprovalsPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Approvals");

    public ILocator Pending => page.Locator("[data-testid=approval-queue] tbody tr");

    public ILocator RowOf(string number) => Pending.Filter(new() { HasText = number });

    public ILocator Flash => page.Locator("[data-testid=flash]");

    /// <summary>Approves the filing numbered <paramref name="number"/> with a note.</summary>
    public async Task ApproveAsync(string number, string note)
    {
        var row = RowOf(number);
        await row.Locator("input[name=Note]").FillAsync(note);
        await row.Locator("[data-testid=approve]").ClickAsync();
        await Flash.WaitForAsync();
    }
}
