using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>
/// Hosts started with their own <c>Security:*</c> settings: 3 failures lock for an hour, passwords need
/// 10 characters (no more: the demo seeded at start uses the 10-character demo password).
/// </summary>
public sealed class ConfiguredSecurityHosts : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Security:LockoutFailures"] = "3",
        ["Security:LockoutMinutes"] = "60",
        ["Security:PasswordMinLength"] = "10",
    };

    private readonly HostPool _pool = new(Settings);

    public Task<LvyueApp> For(string provider) => _pool.For(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

/// <summary>The password policy and lockout follow the <c>Security:*</c> configuration.</summary>
public sealed class ConfiguredSecurityTests(ConfiguredSecurityHosts hosts) : IClassFixture<ConfiguredSecurityHosts>
{
    [Theory, BothDatabases]
    public async Task Security_SettingsDecideTheLockoutThresholdDurationAndPasswordLength(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");

        var shortName = AccountSteps.NewUserName("short");
        using (var tooShort = await AccountSteps.CreateInspectorAsync(sysadmin, facts.RegionId, shortName, "Abcd#123x"))
        {
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Assert.Contains("密码长度不足", AccountSteps.FormErrors(await tooShort.Content.ReadAsStringAsync()));
        }
        Assert.Null(await AccountSteps.FindAsync(app, shortName));

        var name = AccountSteps.NewUserName("conf");
        const string password = "Abcd#1234xyz";
        await AccountSteps.CreateInspectorOkAsync(sysadmin, facts.RegionId, name, password);
        using var session = new WebSession(app.NewClient());
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await session.LoginAsync(name, $"Wrong#{i}password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await session.LoginAsync(name, password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("连续3次登录失败，账号已锁定60分钟", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        var user = await AccountSteps.FindAsync(app, name);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(59), $"locked until {user.LockoutEnd}");
    }
}
