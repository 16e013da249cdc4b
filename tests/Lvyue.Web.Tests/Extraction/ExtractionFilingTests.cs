using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Extraction;

/// <summary>Filing from a pre-filled form stores, per pre-filled field, whether the clerk accepted or corrected it; the page of rates shows them.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExtractionFilingTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Filing_WithOneCorrectedFieldStoresOneCorrectedAndTheOthersAccepted(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("EXF");
        var docx = ExtractionFixtures.Docx(ExtractionFixtures.Lines(facts, number));
        using var extracted = await clerk.PostFileAsync("/api/v1/extract", "合同.docx", docx);
        Assert.Equal(HttpStatusCode.OK, extracted.StatusCode);
        var fields = (await WebSession.ReadJsonAsync(extracted))!["fields"]!.AsArray()
            .Select(f => (Key: f!["key"]!.GetValue<string>(), Input: f["input"]!.GetValue<string>(), Value: f["value"]!.GetValue<string>())).ToList();
        Assert.True(fields.Count >= 10, $"only {fields.Count} fields pre-filled");

        var (_, page) = await clerk.GetTextAsync("/Contracts/New");
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        Add("__RequestVerificationToken", WebSession.AntiforgeryToken(page));
        foreach (var f in fields) Add(f.Input, f.Key == "title" ? "示范区教育局办公楼物业管理服务合同" : f.Value);
        Add("Form.ProcurementMethod", "CompetitiveConsultation");
        Add("Form.SubcategoryId", facts.ServicesSubcategoryId.ToString());
        Add("Form.BudgetLineId", facts.LineId.ToString());
        Add("SubmitNow", "false");
        Add("ExtractionPrefilled", string.Join(",", fields.Select(f => f.Key)));
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "Document", "合同.docx");
        using var response = await clerk.Client.PostAsync("/Contracts/New", form);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, AccountSteps.FormErrors(await response.Content.ReadAsStringAsync()));
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var s = app.Database.AsSystem();
        var rows = await s.Db.ExtractionCorrections.AsNoTracking().Where(c => c.ContractId == id).ToListAsync();
        var sha = await s.Db.ContractDocuments.AsNoTracking().Where(d => d.ContractId == id).Select(d => d.Sha256).SingleAsync();
        Assert.Equal(fields.Select(f => f.Key).Order(StringComparer.Ordinal), rows.Select(r => r.Field).Order(StringComparer.Ordinal));
        var corrected = Assert.Single(rows, r => r.Corrected);
        Assert.Equal("title", corrected.Field);
        Assert.Equal("示范区教育局物业管理服务合同", corrected.ExtractedValue);
        Assert.Equal("示范区教育局办公楼物业管理服务合同", corrected.FinalValue);
        Assert.Equal(fields.Count - 1, rows.Count(r => !r.Corrected));
        Assert.All(rows, r => Assert.Equal(sha, r.DocumentSha256));
        Assert.All(rows, r => Assert.Equal("clerk", r.RecordedBy));
        Assert.All(rows.Where(r => !r.Corrected), r => Assert.Equal(r.ExtractedValue, r.FinalValue));

        using var admin = await app.LoginAsync("sysadmin");
        var (status, rates) = await admin.GetTextAsync("/Extraction");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-field=\"title\"", rates, StringComparison.Ordinal);
        Assert.DoesNotContain("示范区教育局办公楼物业管理服务合同", rates, StringComparison.Ordinal);
        using var supervisor = await app.LoginAsync("supervisor");
        var (supervisorStatus, region) = await supervisor.GetTextAsync("/Extraction");
        Assert.Equal(HttpStatusCode.OK, supervisorStatus);
        Assert.Contains("data-field=\"title\"", region, StringComparison.Ordinal);
        Assert.Contains("示范区教育局办公楼物业管理服务合同", region, StringComparison.Ordinal);
        var (clerkStatus, _) = await clerk.GetTextAsync("/Extraction");
        Assert.NotEqual(HttpStatusCode.OK, clerkStatus);
    }

    [Theory, BothDatabases]
    public async Task Filing_TypedByHandStoresNoCorrections(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("EXH");
        var (_, page) = await clerk.GetTextAsync("/Contracts/New");
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        Add("__RequestVerificationToken", WebSession.AntiforgeryToken(page));
        Add("Form.Title", "手工填写的物业管理服务合同");
        Add("Form.Number", number);
        Add("Form.ProcurementMethod", "CompetitiveConsultation");
        Add("Form.Category", "Services");
        Add("Form.SubcategoryId", facts.ServicesSubcategoryId.ToString());
        Add("Form.Amount", "58000");
        Add("Form.BudgetLineId", facts.LineId.ToString());
        Add("Form.SupplierIds", facts.SupplierId.ToString());
        Add("SubmitNow", "false");
        form.Add(new ByteArrayContent(ExtractionFixtures.Docx(ExtractionFixtures.Lines(facts, number))), "Document", "合同.docx");
        using var response = await clerk.Client.PostAsync("/Contracts/New", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var s = app.Database.AsSystem();
        Assert.False(await s.Db.ExtractionCorrections.AnyAsync(c => c.ContractId == id));
    }
}
