using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/credit/determinations and /sanctions: propose, confirm with documents, restriction; refusals write nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreditDeterminationApiTests(ApiHosts hosts)
{
    private static async Task<int> CountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.DishonestyDeterminations.CountAsync() + await s.Db.Sanctions.CountAsync() + await s.Db.CreditRecords.CountAsync();
    }

    [Theory, BothDatabases]
    public async Task Api_SupervisorProposesTheCreditOfficeConfirmsAndTheSupplierIsRestrictedWithADocument(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using var credit = await app.LoginAsync("credit");
        var proposal = new { subject = "Supplier", subjectId = facts.OtherSupplierId, contractId = (long?)null, facts = "伪造业绩证明参与投标。", basis = "《政府采购法》第七十七条第一款", restrictionMonths = 12 };
        var before = await CountAsync(app);

        using (var noBasis = await supervisor.PostJsonAsync("/api/v1/credit/determinations", proposal with { basis = "" }))
            await Problems.AssertFieldErrorAsync(noBasis, "basis");
        using (var unknown = await supervisor.PostJsonAsync("/api/v1/credit/determinations", proposal with { subjectId = 987654321L }))
            await Problems.AssertFieldErrorAsync(unknown, "subjectId");
        using (var byCredit = await credit.PostJsonAsync("/api/v1/credit/determinations", proposal))
            await Problems.AssertProblemAsync(byCredit, HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync(app));

        long id;
        using (var proposed = await supervisor.PostJsonAsync("/api/v1/credit/determinations", proposal))
        {
            var body = await WebSession.ReadJsonAsync(proposed);
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
            id = body!["id"]!.GetValue<long>();
        }
        using (var bySupervisor = await supervisor.PostJsonAsync($"/api/v1/credit/determinations/{id}/confirm", new { note = "自行确认" }))
            await Problems.AssertProblemAsync(bySupervisor, HttpStatusCode.Forbidden);
        using (var confirmed = await credit.PostJsonAsync($"/api/v1/credit/determinations/{id}/confirm", new { note = "同意" }))
        {
            var body = await WebSession.ReadJsonAsync(confirmed);
            Assert.True(confirmed.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
            Assert.Equal("Confirmed", body!["state"]!.GetValue<string>());
            Assert.Contains("信用认定〔", body["number"]!.GetValue<string>());
        }

        using var pdf = await credit.Client.GetAsync($"/api/v1/credit/determinations/{id}/document?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        var restricted = await supervisor.GetOkAsync($"/api/v1/credit/sanctions?supplierId={facts.OtherSupplierId}");
        Assert.True(restricted["restricted"]!.GetValue<bool>());
        var profile = await credit.GetOkAsync($"/api/v1/credit/suppliers/{facts.OtherSupplierId}");
        Assert.Equal("差", profile["grades"]!.AsArray().First()!["label"]!.GetValue<string>());
        using var clerk = await app.LoginAsync("clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetJsonAsync($"/api/v1/credit/determinations/{id}")).Status);
    }
}
