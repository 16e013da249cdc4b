using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>Start-up of the real app on an empty database.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartupTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Startup_MigratesTheEmptyDatabaseSeedsTheDemoAndLetsTheClerkLogIn(string provider)
    {
        var app = await hosts.For(provider);
        await using (var s = app.Database.AsSystem())
        {
            Assert.True(await s.Db.Users.AnyAsync(u => u.UserName == "auditadmin"));
            Assert.True(await s.Db.Contracts.CountAsync() >= LvyueApp.DemoContracts);
        }
        using var clerk = await app.LoginAsync("clerk");
        var me = await clerk.GetOkAsync("/api/v1/me");
        Assert.Equal("clerk", me["name"]!.GetValue<string>());
        Assert.Equal((await app.Facts).UnitId, me["scope"]!["budgetUnitId"]!.GetValue<long>());
        var (status, home) = await clerk.GetTextAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("您好，李经办", WebUtility.HtmlDecode(home));
    }
}
