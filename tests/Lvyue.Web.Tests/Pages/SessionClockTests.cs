using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Pages;

/// <summary>
/// Hosts whose clock the tests move (a <see cref="TestClock"/> is the app's <see cref="TimeProvider"/>), with
/// idle sessions ending after 20 minutes instead of the default 30.
/// </summary>
public sealed class ClockedHosts : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Security:IdleTimeoutMinutes"] = "20",
    };

    private readonly HostPool _pool = new(Settings, () => new TestClock());

    public Task<LvyueApp> For(string provider) => _pool.For(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

/// <summary>
/// Idle sessions end when the configured time has passed. (The end of a lockout cannot be shown this way:
/// ASP.NET Core Identity reads the system clock, not the <see cref="TimeProvider"/>.)
/// </summary>
public sealed class SessionClockTests(ClockedHosts hosts) : IClassFixture<ClockedHosts>
{
    [Theory, BothDatabases]
    public async Task Session_EndsAfterTheConfiguredIdleTimeButNotWhileInUse(string provider)
    {
        var app = await hosts.For(provider);
        var clock = (TestClock)app.Services.GetRequiredService<TimeProvider>();
        using var clerk = await app.LoginAsync("clerk");

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetJsonAsync("/api/v1/me")).Status);
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetJsonAsync("/api/v1/me")).Status);
        clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetJsonAsync("/api/v1/me")).Status);
        using var page = await clerk.Client.GetAsync("/Contracts");
        Assert.Equal("/Account/Login", page.Headers.Location?.AbsolutePath);
    }
}
