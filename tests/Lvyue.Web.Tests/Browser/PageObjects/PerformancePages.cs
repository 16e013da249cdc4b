using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>/Performance/Schedule/{id}: a contract's milestones, the add form and the status forms.</summary>
public sealed class PerformanceSchedulePage(IPage page)
{
    public async Task GotoAsync(long contractId) => await page.GotoAsync($"/Performance/Schedule/{contractId}");

    public ILocator Rows => page.Locator("[data-testid=milestone-row]");

    public ILocator RowOf(string title) => Rows.Filter(new() { HasText = title });

    public ILocator Flash => page.Locator("[data-testid=flash]");

    public ILocator Errors => page.Locator("[data-testid=schedule-errors]");

    /// <summary>Adds a milestone with a fixed due date through the form.</summary>
    public async Task AddAsync(string kind, string title, DateOnly due, string? amount, string responsible)
    {
        var form = page.Locator("[data-testid=add-milestone]");
        await form.Locator("select[name='Add.Kind']").SelectOptionAsync(kind);
        await form.Locator("input[name='Add.Title']").FillAsync(title);
        if (amount is not null) await form.Locator("input[name='Add.Amount']").FillAsync(amount);
        await form.Locator("select[name='Add.Responsible']").SelectOptionAsync(responsible);
        await form.Locator("select[name='Add.Mode']").SelectOptionAsync("date");
        await form.Locator("input[name='Add.DueDate']").FillAsync(due.ToString("yyyy-MM-dd"));
        await form.Locator("[data-testid=add-submit]").ClickAsync();
    }

    /// <summary>Records a status for the milestone titled <paramref name="title"/>.</summary>
    public async Task RecordStatusAsync(string title, string status, string note)
    {
        var row = RowOf(title);
        var id = await row.GetAttributeAsync("data-milestone");
        await row.Locator("[data-testid=record-status]").ClickAsync();
        var form = page.Locator($"#st{id} form");
        await form.Locator("[data-testid=status-select]").SelectOptionAsync(status);
        await form.Locator("[data-testid=status-note]").FillAsync(note);
        await form.Locator("[data-testid=save-status]").ClickAsync();
        await Flash.WaitForAsync();
    }
}

/// <summary>/Performance/Overdue: the overdue register with its supervision forms.</summary>
public sealed class PerformanceOverduePage(IPage page)
{
    public async Task GotoAsync(string query = "") => await page.GotoAsync("/Performance/Overdue" + query);

    public ILocator Rows => page.Locator("[data-testid=overdue-row]");

    public ILocator RowOf(string contractNumber) => Rows.Filter(new() { HasText = contractNumber });

    public ILocator Flash => page.Locator("[data-testid=flash]");

    public ILocator Actions => page.Locator("[data-testid=actions] li");

    /// <summary>Records an interview (约谈) on the row of <paramref name="contractNumber"/>.</summary>
    public async Task InterviewAsync(string contractNumber, string note)
    {
        var row = RowOf(contractNumber);
        var id = await row.GetAttributeAsync("data-milestone");
        await row.Locator("[data-testid=open-action]").ClickAsync();
        var form = page.Locator($"#act{id} form");
        await form.Locator("[data-testid=action-note]").FillAsync(note);
        await form.Locator("[data-testid=save-action]").ClickAsync();
        await Flash.WaitForAsync();
    }

    public async Task ToggleCloseWatchAsync(string contractNumber)
    {
        await RowOf(contractNumber).Locator("[data-testid=toggle-close-watch]").ClickAsync();
        await Flash.WaitForAsync();
    }
}
