using System.Globalization;
using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Pages;

/// <summary>/Contracts/New posted as a browser posts it (multipart, with its antiforgery token).</summary>
[Collection(ApiCollection.Name)]
public sealed class FilingPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Filing_FilesAContractWithItsDocumentThroughTheForm(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("FORM");

        using var response = await PostFormAsync(clerk, facts, number, 61_000m);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var contract = await clerk.GetOkAsync($"/api/v1/contracts/{id}");
        Assert.Equal(number, contract["number"]!.GetValue<string>());
        Assert.Equal("合同.txt", contract["documents"]![0]!["fileName"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesAContractBeyondTheBudgetAndStoresNeitherRowsNorItsDocument(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        decimal available;
        await using (var s = app.Database.AsSystem())
            available = (await s.Db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == facts.LineId)).Available;
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await PostFormAsync(clerk, facts, DemoFacts.NewNumber("FORM"), available + 1m);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("预算指标余额不足", AccountSteps.FormErrors(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(WebSession clerk, DemoFacts facts, string number, decimal amount)
    {
        var (_, page) = await clerk.GetTextAsync("/Contracts/New");
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        Add("__RequestVerificationToken", WebSession.AntiforgeryToken(page));
        Add("Form.Title", "表单备案的物业管理服务合同");
        Add("Form.Number", number);
        Add("Form.ProcurementMethod", "CompetitiveConsultation");
        Add("Form.Category", "Services");
        Add("Form.SubcategoryId", facts.ServicesSubcategoryId.ToString());
        Add("Form.Amount", amount.ToString(CultureInfo.InvariantCulture));
        Add("Form.TaxRate", "6");
        Add("Form.SignDate", "2026-02-20");
        Add("Form.StartDate", "2026-03-01");
        Add("Form.EndDate", "2027-02-28");
        Add("Form.BudgetLineId", facts.LineId.ToString());
        Add("Form.SupplierIds", facts.SupplierId.ToString());
        Add("SubmitNow", "false");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"物业管理服务合同 {number}\n甲方：示范区教育局\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "Document", "合同.txt");
        return await clerk.Client.PostAsync("/Contracts/New", form);
    }
}
