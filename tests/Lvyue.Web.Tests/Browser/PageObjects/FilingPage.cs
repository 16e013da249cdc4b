using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser.PageObjects;

/// <summary>What a clerk types into the filing form.</summary>
public sealed record FilingInput
{
    public required string Title { get; init; }
    public required string Number { get; init; }
    /// <summary>The procurement method's label, e.g. 竞争性磋商.</summary>
    public string Method { get; init; } = "竞争性磋商";
    /// <summary>The category's value: Works, Goods or Services.</summary>
    public string Category { get; init; } = "Services";
    /// <summary>The subcategory's label, e.g. 物业管理.</summary>
    public string Subcategory { get; init; } = "物业管理";
    public required string Amount { get; init; }
    public string TaxRate { get; init; } = "6";
    public string SignDate { get; init; } = "2026-02-20";
    public string EffectiveDate { get; init; } = "2026-02-20";
    public string StartDate { get; init; } = "2026-03-01";
    public string EndDate { get; init; } = "2027-02-28";
    /// <summary>Text the budget line's option contains, e.g. 委托业务费.</summary>
    public string BudgetLine { get; init; } = "委托业务费";
    /// <summary>Text the supplier's option contains.</summary>
    public required string Supplier { get; init; }
    public bool KeyProject { get; init; }
    public string PurchaserContact { get; init; } = "李经办";
    public string PurchaserPhone { get; init; } = "0755-82221234";
    public string SupplierContact { get; init; } = "郑经理";
    public string SupplierPhone { get; init; } = "13800138000";
    public string DocumentName { get; init; } = "合同.txt";
    public string DocumentText { get; init; } = Lvyue.Testing.TestFiles.CleanContract;
}

/// <summary>/Contracts/New: the filing form.</summary>
public sealed class FilingPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Contracts/New");

    public ILocator Field(string name) => page.Locator($"#Form_{name}");

    /// <summary>The message shown beside a field (Form.EndDate → its validation message).</summary>
    public ILocator ErrorFor(string name) => page.Locator($"[data-valmsg-for='Form.{name}']");

    public ILocator Errors => page.Locator("[data-testid=form-errors]");

    /// <summary>The subcategory options the form offers for the chosen category (the others are hidden).</summary>
    public async Task<IReadOnlyList<string>> OfferedSubcategoriesAsync() =>
        await Field("SubcategoryId").Locator("option[data-category]").EvaluateAllAsync<string[]>(
            "options => options.filter(o => !o.hidden).map(o => o.textContent.trim())");

    public async Task ChooseCategoryAsync(string category) => await Field("Category").SelectOptionAsync(category);

    /// <summary>Fills every field of the form and chooses the document.</summary>
    public async Task FillAsync(FilingInput input)
    {
        await Field("Title").FillAsync(input.Title);
        await Field("Number").FillAsync(input.Number);
        await Field("ProcurementMethod").SelectOptionAsync(new SelectOptionValue { Label = input.Method });
        await ChooseCategoryAsync(input.Category);
        await Field("SubcategoryId").SelectOptionAsync(new SelectOptionValue { Label = input.Subcategory });
        await Field("Amount").FillAsync(input.Amount);
        await Field("TaxRate").FillAsync(input.TaxRate);
        await Field("SignDate").FillAsync(input.SignDate);
        await Field("EffectiveDate").FillAsync(input.EffectiveDate);
        await Field("StartDate").FillAsync(input.StartDate);
        await Field("EndDate").FillAsync(input.EndDate);
        await SelectContainingAsync(Field("BudgetLineId"), input.BudgetLine);
        await SelectContainingAsync(Field("SupplierIds"), input.Supplier);
        await Field("IsKeyProject").SetCheckedAsync(input.KeyProject);
        await page.Locator("input[name='Form.PurchaserContactName']").FillAsync(input.PurchaserContact);
        await page.Locator("input[name='Form.PurchaserContactPhone']").FillAsync(input.PurchaserPhone);
        await page.Locator("input[name='Form.SupplierContactName']").FillAsync(input.SupplierContact);
        await page.Locator("input[name='Form.SupplierContactPhone']").FillAsync(input.SupplierPhone);
        await page.Locator("#Document").SetInputFilesAsync(new FilePayload
        {
            Name = input.DocumentName, MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(input.DocumentText),
        });
    }

    /// <summary>Saves the draft and waits for the contract page.</summary>
    public async Task SaveDraftAsync()
    {
        await page.Locator("[data-testid=save-draft]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Contracts/\d+$"));
    }

    /// <summary>Saves the draft expecting the form back with errors.</summary>
    public async Task SaveDraftExpectingErrorsAsync()
    {
        await page.Locator("[data-testid=save-draft]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Errors.Locator("li").First.WaitForAsync();
    }

    private static async Task SelectContainingAsync(ILocator select, string text)
    {
        var value = await select.Locator("option").Filter(new() { HasText = text }).First.GetAttributeAsync("value")
                    ?? throw new InvalidOperationException($"no option contains '{text}'");
        await select.SelectOptionAsync(value);
    }
}
