using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Contracts: the ledger with its search box, table and export.</summary>
public sealed class LedgerPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Contracts");

    public ILocator Rows => page.Locator("[data-testid=ledger-table] tbody tr");
    public ILocator Total => page.Locator("[data-testid=ledger-total]");

    /// <summary>Types into the search box and applies it.</summary>
    public async Task SearchAsync(string text)
    {
        await page.Locator("[data-testid=ledger-search]").FillAsync(text);
        await page.Locator("[data-testid=ledger-apply]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]Q=[^&]"));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The row of the contract numbered <paramref name="number"/>.</summary>
    public ILocator RowOf(string number) => Rows.Filter(new() { HasText = number });

    /// <summary>Clicks the .xlsx export of the filtered ledger; returns the downloaded file's bytes and suggested name.</summary>
    public async Task<(byte[] Bytes, string FileName)> ExportXlsxAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-xlsx]").ClickAsync());
        var path = await download.PathAsync();
        return (await File.ReadAllBytesAsync(path), download.SuggestedFilename);
    }
}
