using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>/Contracts/New with a restricted supplier: the form comes back showing the restriction beside the supplier choice, nothing written.</summary>
[Collection(ApiCollection.Name)]
public sealed class FilingSanctionPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Filing_FormShowsTheRestrictionOfAChosenSupplierAndRefusesIt(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var (supplierId, supplierName, number) = await FilingSanctionApiTests.RestrictedSupplierAsync(app, facts);
        using var clerk = await app.LoginAsync("clerk");
        var (_, page) = await clerk.GetTextAsync("/Contracts/New");
        var before = await StoreSnapshot.TakeAsync(app);
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        Add("__RequestVerificationToken", WebSession.AntiforgeryToken(page));
        Add("Form.Title", "受限供应商的物业管理服务合同");
        Add("Form.Number", DemoFacts.NewNumber("SANF"));
        Add("Form.ProcurementMethod", "CompetitiveConsultation");
        Add("Form.Category", "Services");
        Add("Form.SubcategoryId", facts.ServicesSubcategoryId.ToString());
        Add("Form.Amount", "61000");
        Add("Form.TaxRate", "6");
        Add("Form.SignDate", "2026-02-20");
        Add("Form.StartDate", "2026-03-01");
        Add("Form.EndDate", "2027-02-28");
        Add("Form.BudgetLineId", facts.LineId.ToString());
        Add("Form.SupplierIds", supplierId.ToString());
        Add("SubmitNow", "false");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("物业管理服务合同\n甲方：示范区教育局\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "Document", "合同.txt");

        using var response = await clerk.Client.PostAsync("/Contracts/New", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"supplier-restricted\"", html);
        Assert.Contains("限制参与政府采购至2026-12-31", html);
        Assert.Contains("data-testid=\"star-rating\"", html);
        Assert.Contains(number, html); // the refusal under the supplier choice names the determination
        Assert.Contains(supplierName, html);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }
}
