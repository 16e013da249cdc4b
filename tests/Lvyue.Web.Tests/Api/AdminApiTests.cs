using System.Net;
using System.Text;
using Lvyue.Integration;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>
/// /api/v1/admin/tokens and /api/v1/audit: API tokens and their scopes, and the separation of the
/// three administrators (等保三员分立): the system administrator sees no contract, the audit
/// administrator only the audit log.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AdminApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_LedgerReadTokenReadsTheRegionButCannotFileAContract(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");
        var secret = await IssueAsync(sysadmin, new { name = "采购系统（只读）", scopes = new[] { ApiScopes.ReadLedger }, regionId = facts.RegionId });
        using var system = app.WithToken(secret);

        var ledger = await system.GetOkAsync("/api/v1/contracts?pageSize=1");
        Assert.True(ledger["total"]!.GetValue<int>() >= LvyueApp.DemoContracts);
        var before = await StoreSnapshot.TakeAsync(app);
        using var post = await system.PostJsonAsync("/api/v1/contracts", facts.Contract(DemoFacts.NewNumber("TOK")));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_FilingTokenFilesForItsUnitOnlyAndUploadsWithoutAntiforgery(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");
        var secret = await IssueAsync(sysadmin, new { name = "电子卖场", scopes = new[] { ApiScopes.FileContracts }, budgetUnitId = facts.UnitId });
        using var system = app.WithToken(secret);

        var id = await ApiSteps.CreateAsync(system, facts.Contract(DemoFacts.NewNumber("TOK")));
        using (var upload = await system.PostFileAsync($"/api/v1/contracts/{id}/documents", "合同.txt", Encoding.UTF8.GetBytes("电子卖场订单合同")))
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var before = await StoreSnapshot.TakeAsync(app);
        using (var other = await system.PostJsonAsync("/api/v1/contracts", facts.OtherContract(DemoFacts.NewNumber("TOK"))))
            await Problems.AssertProblemAsync(other, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesARevokedTokenWith401(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");
        var secret = await IssueAsync(sysadmin, new { name = "国库支付系统", scopes = new[] { ApiScopes.ReadLedger }, regionId = facts.RegionId });
        using var system = app.WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await system.GetJsonAsync("/api/v1/contracts")).Status);
        var tokenId = (await sysadmin.GetOkAsync("/api/v1/admin/tokens")).AsArray()
            .Single(t => secret.StartsWith(t!["prefix"]!.GetValue<string>()) && t["name"]!.GetValue<string>() == "国库支付系统")!["id"]!.GetValue<long>();

        using (var revoke = await sysadmin.Client.DeleteAsync($"/api/v1/admin/tokens/{tokenId}"))
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var after = await system.Client.GetAsync("/api/v1/contracts");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
        using var forged = app.WithToken("lvy_" + new string('0', 48));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetJsonAsync("/api/v1/contracts")).Status);
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesATokenWithAnUnknownScopeAndIssuesNothing(string provider)
    {
        var app = await hosts.For(provider);
        using var sysadmin = await app.LoginAsync("sysadmin");
        var before = await TokenCountAsync(app);

        using var response = await sysadmin.PostJsonAsync("/api/v1/admin/tokens", new { name = "万能令牌", scopes = new[] { "everything:write" } });

        await Problems.AssertFieldErrorAsync(response, "scopes");
        Assert.Equal(before, await TokenCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_OnlyTheSystemAdministratorIssuesTokens(string provider)
    {
        var app = await hosts.For(provider);
        var before = await TokenCountAsync(app);
        foreach (var user in new[] { "clerk", "supervisor", "secadmin", "auditadmin" })
        {
            using var session = await app.LoginAsync(user);
            using var response = await session.PostJsonAsync("/api/v1/admin/tokens", new { name = "x", scopes = new[] { ApiScopes.ReadLedger } });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await TokenCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_GivesTheSystemAdministratorNoContractContent(string provider)
    {
        var app = await hosts.For(provider);
        using var sysadmin = await app.LoginAsync("sysadmin");

        foreach (var url in new[] { "/api/v1/contracts", "/api/v1/contracts/1", "/api/v1/dashboard", "/api/v1/contracts/export?format=xlsx", "/api/v1/approvals" })
        {
            var (status, body) = await sysadmin.GetTextAsync(url);
            Assert.True(status == HttpStatusCode.Forbidden, $"{url} answered {(int)status}");
            Assert.DoesNotContain("合同", body);
        }
        using var page = await sysadmin.Client.GetAsync("/Contracts");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/AccessDenied", page.Headers.Location?.AbsolutePath);
        var (homeStatus, home) = await sysadmin.GetTextAsync("/");
        Assert.Equal(HttpStatusCode.OK, homeStatus);
        Assert.DoesNotContain("data-chart", home);
    }

    [Theory, BothDatabases]
    public async Task Api_AuditAdminSeesTheAuditLogButNoContract(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("AUD"), title: "审计可查的合同"));
        using var auditadmin = await app.LoginAsync("auditadmin");

        var entries = (await auditadmin.GetOkAsync($"/api/v1/audit?entityType=Contract&entityId={id}")).AsArray();
        var created = Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "insert")!;
        Assert.Equal("clerk", created["actor"]!.GetValue<string>());
        Assert.Contains("审计可查的合同", created["after"]!.GetValue<string>());
        var logins = (await auditadmin.GetOkAsync("/api/v1/audit?actor=auditadmin&action=login.succeeded")).AsArray();
        Assert.NotEmpty(logins);
        foreach (var url in new[] { "/api/v1/contracts", $"/api/v1/contracts/{id}", "/api/v1/dashboard", "/api/v1/admin/tokens" })
            Assert.True((await auditadmin.GetJsonAsync(url)).Status == HttpStatusCode.Forbidden, url);
        using var clerkAudit = await clerk.Client.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, clerkAudit.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_AnswersAnonymousCallersWith401(string provider)
    {
        var app = await hosts.For(provider);
        using var anonymous = new WebSession(app.NewClient());

        foreach (var url in new[] { "/api/v1/contracts", "/api/v1/audit", "/api/v1/admin/tokens", "/api/v1/me" })
            Assert.True((await anonymous.GetJsonAsync(url)).Status == HttpStatusCode.Unauthorized, url);
    }

    private static async Task<string> IssueAsync(WebSession sysadmin, object request)
    {
        using var response = await sysadmin.PostJsonAsync("/api/v1/admin/tokens", request);
        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        var secret = body!["secret"]!.GetValue<string>();
        Assert.StartsWith("lvy_", secret);
        return secret;
    }

    private static async Task<int> TokenCountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.ApiTokens.CountAsync();
    }
}
