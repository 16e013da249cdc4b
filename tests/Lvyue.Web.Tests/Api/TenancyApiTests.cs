using System.Net;
using System.Text;
using Lvyue.Contracts;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>Tenancy over HTTP: a clerk sees and changes only its unit, a supplier only the contracts it is party to.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenancyApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_RefusesCrossTenantContract(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk2 = await app.LoginAsync("clerk2");
        var theirs = await ApiSteps.CreateAsync(clerk2, facts.OtherContract(DemoFacts.NewNumber("B")));
        using var clerk = await app.LoginAsync("clerk");
        var before = await StoreSnapshot.TakeAsync(app);
        var version = await VersionAsync(app, theirs);

        using (var read = await clerk.Client.GetAsync($"/api/v1/contracts/{theirs}"))
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using (var update = await clerk.PutJsonAsync($"/api/v1/contracts/{theirs}", facts.Contract("HIJACK") with { Title = "被篡改的合同" }))
            Assert.Equal("未找到合同", (await Problems.AssertProblemAsync(update, HttpStatusCode.NotFound))["title"]!.GetValue<string>());
        using (var update = await clerk.PutJsonAsync($"/api/v1/contracts/{theirs}?culture=en", facts.Contract("HIJACK") with { Title = "被篡改的合同" }))
            Assert.Equal("Contract not found", (await Problems.AssertProblemAsync(update, HttpStatusCode.NotFound))["title"]!.GetValue<string>());
        using (var upload = await clerk.PostFileAsync($"/api/v1/contracts/{theirs}/documents", "合同.txt", Encoding.UTF8.GetBytes("篡改")))
            await Problems.AssertProblemAsync(upload, HttpStatusCode.NotFound);
        using (var submit = await clerk.PostJsonAsync($"/api/v1/contracts/{theirs}/submit", null))
            await Problems.AssertProblemAsync(submit, HttpStatusCode.NotFound);
        var (pageStatus, _) = await clerk.GetTextAsync($"/Contracts/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, pageStatus);

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal(version, await VersionAsync(app, theirs));
        var unchanged = await clerk2.GetOkAsync($"/api/v1/contracts/{theirs}");
        Assert.Equal("示范区卫生健康局绿化养护服务合同", unchanged["title"]!.GetValue<string>());
        Assert.Equal("Draft", unchanged["status"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAClerkFilingForAnotherUnit(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostJsonAsync("/api/v1/contracts", facts.OtherContract(DemoFacts.NewNumber("B")));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_ShowsASupplierOnlyTheContractsItIsPartyTo(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var ours = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("S")));
        var notOurs = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("S")) with { SupplierIds = [facts.OtherSupplierId] });
        using var supplier = await app.LoginAsync("supplier");

        Assert.Equal(ours, (await supplier.GetOkAsync($"/api/v1/contracts/{ours}"))["id"]!.GetValue<long>());
        using (var hidden = await supplier.Client.GetAsync($"/api/v1/contracts/{notOurs}"))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supplier.GetTextAsync($"/Contracts/{ours}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetTextAsync($"/Contracts/{notOurs}")).Status);
        var ledger = await supplier.GetOkAsync("/api/v1/contracts?pageSize=500");
        int expected;
        await using (var s = app.Database.AsSystem())
            expected = await s.Db.Contracts.CountAsync(c => c.Suppliers.Any(x => x.SupplierId == facts.SupplierId));
        Assert.Equal(expected, ledger["total"]!.GetValue<int>());
        Assert.All(ContractsApiTests.Rows(ledger), r => Assert.Contains(facts.SupplierName, r["suppliers"]!.GetValue<string>()));
        Assert.DoesNotContain(ContractsApiTests.Rows(ledger), r => r["id"]!.GetValue<long>() == notOurs);
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesFilingBySupplierLeaderAndSupervisor(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var before = await StoreSnapshot.TakeAsync(app);
        foreach (var user in new[] { "supplier", "leader", "supervisor" })
        {
            using var session = await app.LoginAsync(user);
            using var response = await session.PostJsonAsync("/api/v1/contracts", facts.Contract(DemoFacts.NewNumber("NO")));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} got {(int)response.StatusCode}");
        }
        Assert.Equal(before with { AuditEntries = 0 }, await StoreSnapshot.TakeAsync(app) with { AuditEntries = 0 });
    }

    private static async Task<long> VersionAsync(LvyueApp app, long id)
    {
        await using var s = app.Database.AsSystem();
        return (await s.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id)).Version;
    }
}
