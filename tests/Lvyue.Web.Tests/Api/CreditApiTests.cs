using System.Net;
using Lvyue.Performance;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using static Lvyue.Web.Tests.Hosting.EvaluationWebSteps;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/credit: grades and records of suppliers and units, recording performance events, the pull feed.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreditApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_CreditOfficeRecordsAPerformanceEventAndTheUnitIsGraded(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var id = await PerformingContractAsync(app, "CRD");
        var source = "overdue:web-" + Guid.NewGuid().ToString("N")[..8];
        await using (var s = app.Database.AsSystem())
        {
            s.Db.CreditEvents.Add(new CreditEvent
            {
                RegionId = facts.RegionId, PartyKind = CreditPartyKind.Purchaser, PartyId = facts.UnitId, Kind = CreditEvent.OverdueCompleted,
                OccurredOn = new DateOnly(2026, 6, 1), ContractId = id, Source = source, CountsAsDishonest = false, CreatedAt = DateTime.UtcNow,
            });
            await s.Db.SaveChangesAsync();
        }
        using var clerk = await app.LoginAsync("clerk");
        using (var byClerk = await clerk.PostJsonAsync("/api/v1/credit/sync", null))
            await Problems.AssertProblemAsync(byClerk, HttpStatusCode.Forbidden);
        using var credit = await app.LoginAsync("credit");

        using (var sync = await credit.PostJsonAsync("/api/v1/credit/sync", null))
        {
            var body = await WebSession.ReadJsonAsync(sync);
            Assert.True(sync.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
            Assert.True(body!["added"]!.GetValue<int>() >= 0); // the recurring credit.sync job may have recorded it first
        }

        var unit = await credit.GetOkAsync($"/api/v1/credit/units/{facts.UnitId}");
        Assert.Contains(unit["records"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "overdue_supervised" && !r["counted"]!.GetValue<bool>() && r["contractId"]!.GetValue<long>() == id);
        Assert.NotEmpty(unit["grades"]!.AsArray());
        var feed = await credit.GetOkAsync("/api/v1/credit/records?afterId=0&take=5000");
        Assert.Contains(feed["records"]!.AsArray(), r => r!["subject"]!.GetValue<string>() == "BudgetUnit" && r["contractId"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetJsonAsync("/api/v1/credit/records")).Status);
    }

    [Theory, BothDatabases]
    public async Task Api_ASupplierIsGradedAfterItsAssessment(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var id = await PerformingContractAsync(app, "GRD");
        var scores = await UniformScoresAsync(app, 95m);
        using var clerk = await app.LoginAsync("clerk");
        using (var created = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-06-01", scores }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var profile = await clerk.GetOkAsync($"/api/v1/credit/suppliers/{facts.SupplierId}");

        var grade = profile["grades"]!.AsArray().First()!;
        Assert.NotNull(grade["evaluationScore"]);
        Assert.Contains(grade["label"]!.GetValue<string>(), new[] { "优", "良", "中", "差" });
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetJsonAsync("/api/v1/credit/suppliers/987654321")).Status);
    }

    [Theory, BothDatabases]
    public async Task Api_GivesTheCreditReportAsPdfAndDocxAndTheRewardListsToTheCreditOffice(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        using var credit = await app.LoginAsync("credit");

        using (var pdf = await clerk.Client.GetAsync($"/api/v1/credit/suppliers/{facts.SupplierId}/report"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        }
        using (var docx = await clerk.Client.GetAsync($"/api/v1/credit/units/{facts.UnitId}/report?format=docx"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            var bytes = await docx.Content.ReadAsByteArrayAsync();
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Contains(facts.UnitName, doc.MainDocumentPart!.Document.Body!.InnerText);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetTextAsync("/api/v1/credit/suppliers/987654321/report")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetTextAsync("/api/v1/credit/lists/credit-loan-referral")).Status);
        var (status, csv) = await credit.GetTextAsync("/api/v1/credit/lists/credit-loan-referral?year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("id,name,uscc,score", csv.TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.NotFound, (await credit.GetTextAsync("/api/v1/credit/lists/nonsense")).Status);
    }
}
