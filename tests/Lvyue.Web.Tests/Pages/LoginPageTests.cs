using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Pages;

/// <summary>/Account/Login: CSRF protection, wrong passwords and the 等保 lockout.</summary>
[Collection(ApiCollection.Name)]
public sealed class LoginPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Login_RefusesAPostWithoutTheAntiforgeryToken(string provider)
    {
        var app = await hosts.For(provider);
        var form = new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = Lvyue.Demo.DemoSeeder.DemoPassword };
        var audits = await AuditCountAsync(app);

        using var stranger = new WebSession(app.NewClient());
        using var noCookie = await stranger.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));
        using var session = new WebSession(app.NewClient());
        await session.GetTextAsync("/Account/Login");
        using var noToken = await session.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, noCookie.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain(noToken.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("lvyue.auth="));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetJsonAsync("/api/v1/me")).Status);
        Assert.Equal(audits, await AuditCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Login_RefusesAWrongPasswordWithAMessage(string provider)
    {
        var app = await hosts.For(provider);
        using var session = new WebSession(app.NewClient());

        using var response = await session.LoginAsync("clerk2", "Wrong#Password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetJsonAsync("/api/v1/me")).Status);
        using var ok = await session.LoginAsync("clerk2", Lvyue.Demo.DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Login_LocksTheAccountAfterFiveWrongPasswordsSoEvenTheRightOneFails(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");
        var name = AccountSteps.NewUserName("lock");
        const string password = "Lock#Test2026";
        await AccountSteps.CreateInspectorOkAsync(sysadmin, facts.RegionId, name, password);
        using var session = new WebSession(app.NewClient());

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await session.LoginAsync(name, $"Wrong#{i}pass");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await session.LoginAsync(name, password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        Assert.Contains("账号已锁定15分钟", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetJsonAsync("/api/v1/me")).Status);
        var user = await AccountSteps.FindAsync(app, name);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"locked until {user.LockoutEnd}");
        await using var s = app.Database.AsSystem();
        Assert.True(await s.Db.AuditEntries.AnyAsync(a => a.Actor == name && a.Action == "login.lockedout"));
    }

    private static async Task<int> AuditCountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.AuditEntries.CountAsync();
    }
}
