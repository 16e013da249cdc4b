using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Pages;

/// <summary>The change, acceptance and payment pages over HTTP: forms that write, refusals that do not, who sees what.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChangesPagesTests(ApiHosts hosts)
{
    private static async Task<long> FiledAsync(LvyueApp app)
    {
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        using var leader = await app.LoginAsync("leader");
        var (id, task) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber("CHG"), 50_000m));
        using var approve = await leader.PostJsonAsync($"/api/v1/approvals/{task}/approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        return id;
    }

    [Theory, BothDatabases]
    public async Task Pages_ClerkRequestsAChangeTheLeaderApprovesIt_AndANegativeAmountIsRefusedWithoutWriting(string provider)
    {
        var app = await hosts.For(provider);
        var id = await FiledAsync(app);
        var url = $"/Performance/Changes?contractId={id}";
        using var clerk = await app.LoginAsync("clerk");

        using (var negative = await clerk.PostFormAsync(url, url + "&handler=Request",
                   new() { ["Kind"] = "Amount", ["NewAmount"] = "-1", ["Reason"] = "减少" }))
        {
            Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
            Assert.Contains("不能为负数", WebUtility.HtmlDecode(await negative.Content.ReadAsStringAsync()));
        }
        await using (var s = app.Database.AsSystem()) Assert.False(await s.Db.ContractChanges.AnyAsync(c => c.ContractId == id));

        using (var request = await clerk.PostFormAsync(url, url + "&handler=Request",
                   new() { ["Kind"] = "Amount", ["NewAmount"] = "56000.50", ["Reason"] = "增加保洁面积", ["NewEndDate"] = "", ["NewSupplierId"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        long changeId;
        await using (var s = app.Database.AsSystem()) changeId = (await s.Db.ContractChanges.SingleAsync(c => c.ContractId == id)).Id;

        using var clerk2 = await app.LoginAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetTextAsync(url)).Status);
        using var leader = await app.LoginAsync("leader");
        var (status, page) = await leader.GetTextAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"approve-change\"", page);
        using (var approve = await leader.PostFormAsync(url, url + "&handler=Approve", new() { ["changeId"] = changeId.ToString(), ["Note"] = "同意" }))
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        await using var check = app.Database.AsSystem();
        Assert.Equal(56_000.50m, (await check.Db.Contracts.SingleAsync(c => c.Id == id)).Amount);
        var (_, details) = await clerk.GetTextAsync($"/Contracts/{id}");
        Assert.Contains("变更生效", details);
        Assert.Contains($"/Performance/Changes?contractId={id}", details);
    }

    [Theory, BothDatabases]
    public async Task Pages_AcceptanceFormRecords_AndThePaymentsPageOffersTheTemplateToSupervisorsOnly(string provider)
    {
        var app = await hosts.For(provider);
        var id = await FiledAsync(app);
        var url = $"/Performance/Acceptance?contractId={id}";
        using var clerk = await app.LoginAsync("clerk");
        using (var post = await clerk.PostFormAsync(url, url, new()
               {
                   ["Date"] = "2026-03-01", ["Result"] = "Passed", ["Participants"] = "李经办、郑经理",
                   ["Findings[0].Item"] = "保洁面积", ["Findings[0].Standard"] = "12,000平方米", ["Findings[0].Result"] = "Conforms",
               }))
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        await using (var s = app.Database.AsSystem())
            Assert.Single((await s.Db.AcceptanceRecords.Include(a => a.Findings).SingleAsync(a => a.ContractId == id)).Findings);

        using var supervisor = await app.LoginAsync("supervisor");
        using (var template = await supervisor.Client.GetAsync("/Performance/Payments?handler=Template"))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        }
        var (ok, payments) = await supervisor.GetTextAsync("/Performance/Payments");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("导入国库支付数据", payments);
        using var supplier = await app.LoginAsync("supplier");
        var (_, supplierPage) = await supplier.GetTextAsync("/Performance/Payments");
        Assert.DoesNotContain("导入国库支付数据", supplierPage);
    }
}
