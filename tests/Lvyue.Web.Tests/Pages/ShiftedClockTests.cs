using System.Net;
using Lvyue.Common;
using Lvyue.Testing;
using Lvyue.Web.Hosting;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Pages;

/// <summary>The demo clock (<c>Clock:ShiftDays</c>, <c>Clock:Now</c>): shown on every page, refused in Production.</summary>
public sealed class ShiftedClockTests
{
    [Fact]
    public async Task ShiftedClock_IsRefusedAtStartupInProduction()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => LvyueApp.StartAsync(TestDatabase.Sqlite,
            new Dictionary<string, string?> { ["Clock:ShiftDays"] = "7" }));
        var all = e.ToString();
        Assert.Contains("Clock:ShiftDays", all);
        Assert.Contains("Production", all);
    }

    [Theory, BothDatabases]
    public async Task ShiftedClock_InADemoEnvironment_DrivesTheAppAndIsShownOnEveryPage(string provider)
    {
        await using var app = await LvyueApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["environment"] = "Staging",
            ["Clock:ShiftDays"] = "7",
        });
        var clock = app.Services.GetRequiredService<TimeProvider>();
        Assert.IsType<ShiftedClock>(clock);
        var shifted = ChinaTime.Today(clock);
        Assert.Equal(ChinaTime.Today(TimeProvider.System).AddDays(7), shifted);

        using var anonymous = new WebSession(app.NewClient());
        var (status, login) = await anonymous.GetTextAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"演示时钟：{shifted:yyyy-MM-dd}", login);
        using var clerk = await app.LoginAsync("clerk");
        foreach (var page in new[] { "/", "/Contracts", "/Inbox" })
            Assert.Contains($"演示时钟：{shifted:yyyy-MM-dd}", (await clerk.GetTextAsync(page)).Body);
    }

    [Theory, BothDatabases]
    public async Task WithoutTheSetting_NoBannerIsShown(string provider)
    {
        await using var app = await LvyueApp.StartAsync(provider);
        using var clerk = await app.LoginAsync("clerk");
        Assert.DoesNotContain("演示时钟", (await clerk.GetTextAsync("/")).Body);
        Assert.IsNotType<ShiftedClock>(app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task ClockNow_StartsTheDemoClockAtTheGivenDate()
    {
        await using var app = await LvyueApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Clock:Now"] = "2026-11-29T09:00:00+08:00",
        });
        Assert.Equal(new DateOnly(2026, 11, 29), ChinaTime.Today(app.Services.GetRequiredService<TimeProvider>()));
        using var anonymous = new WebSession(app.NewClient());
        Assert.Contains("演示时钟：2026-11-29", (await anonymous.GetTextAsync("/Account/Login")).Body);
    }

    [Fact]
    public async Task ShiftedClock_WithAValueThatIsNotANumber_StopsTheStartWithTheReason()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => LvyueApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Clock:ShiftDays"] = "next week",
        }));
        Assert.Contains("Clock:ShiftDays 'next week'", e.ToString());
    }
}
