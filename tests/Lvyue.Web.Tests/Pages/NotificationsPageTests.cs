using System.Net;
using Lvyue.Notifications;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Pages;

/// <summary>Hosts whose job runner sweeps every second (to see the background service at work).</summary>
public sealed class FastSweepHosts : IAsyncLifetime
{
    private readonly HostPool _pool = new(new Dictionary<string, string?> { ["Jobs:SweepSeconds"] = "1", ["Jobs:PollSeconds"] = "1" });
    public Task<LvyueApp> For(string provider) => _pool.For(provider);
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

public sealed class NotificationsPageTests(FastSweepHosts hosts) : IClassFixture<FastSweepHosts>
{
    [Theory, BothDatabases]
    public async Task JobRunner_SweepsInTheBackground_IntoTheInbox(string provider)
    {
        var app = await hosts.For(provider);
        var (_, milestone) = (await JobsSteps.MilestonesAsync(app, 1, inDays: 7)).Single();
        var clerk = await JobsSteps.UserIdAsync(app, "clerk");

        var found = false;
        for (var i = 0; i < 300 && !found; i++)
        {
            await using var s = app.Database.AsSystem();
            found = await s.Db.InboxItems.AnyAsync(x => x.MilestoneId == milestone && x.UserId == clerk);
            if (!found) await Task.Delay(200);
        }
        Assert.True(found, "the job runner did not sweep the reminder into the clerk's inbox within a minute");
        await using var check = app.Database.AsSystem();
        Assert.Single(await check.Db.Jobs.AsNoTracking().Where(j => j.UniqueName == "sweep:reminders").ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task FailedDelivery_IsListedWithItsErrorForTheUnitAndTheSupervisorOnly(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        await using (var s = app.Database.AsSystem())
        {
            s.Db.NotificationDeliveries.Add(new NotificationDelivery
            {
                Channel = NotificationChannel.Webhook, Recipient = "9", RecipientName = "国库支付系统", Subject = "milestone.reminder",
                Body = "{}", RegionId = facts.RegionId, BudgetUnitId = facts.UnitId, Status = DeliveryStatus.Failed, Attempts = 6,
                LastError = "HttpRequestException: http://127.0.0.1:9/hook answered 500 Internal Server Error", CreatedAt = DateTime.UtcNow,
            });
            await s.Db.SaveChangesAsync();
        }

        using var clerk = await app.LoginAsync("clerk");
        var (status, page) = await clerk.GetTextAsync("/Notifications?Status=Failed");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("answered 500 Internal Server Error", page);
        Assert.Contains("data-status=\"Failed\"", page);
        using var supervisor = await app.LoginAsync("supervisor");
        Assert.Contains("answered 500 Internal Server Error", (await supervisor.GetTextAsync("/Notifications?Status=Failed")).Body);
        var api = await supervisor.GetOkAsync("/api/v1/notifications/deliveries?status=Failed");
        Assert.Contains(api.AsArray(), d => d!["lastError"]!.GetValue<string>().Contains("answered 500"));
        using var other = await app.LoginAsync("clerk2");
        Assert.DoesNotContain("answered 500 Internal Server Error", (await other.GetTextAsync("/Notifications?Status=Failed")).Body);
    }

    [Theory, BothDatabases]
    public async Task Settings_SupervisorSetsOffsetsAndAddsAWebhook_BadDaysAreRefused(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");

        using (var ok = await supervisor.PostFormAsync("/Notifications/Settings", "/Notifications/Settings?handler=Offsets",
                   new() { ["Kind"] = "PaymentInstallment", ["OffsetDays"] = "10, 3, 0" }))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using (var bad = await supervisor.PostFormAsync("/Notifications/Settings", "/Notifications/Settings?handler=Offsets",
                   new() { ["Kind"] = "Delivery", ["OffsetDays"] = "7,abc" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("提醒天数无效", await bad.Content.ReadAsStringAsync());
        }
        using (var hook = await supervisor.PostFormAsync("/Notifications/Settings", "/Notifications/Settings?handler=Endpoint",
                   new() { ["EndpointName"] = "监管大数据平台", ["EndpointUrl"] = "http://127.0.0.1:9/hook" }))
            Assert.Contains("data-testid=\"webhook-secret\"", await hook.Content.ReadAsStringAsync());

        await using var s = app.Database.AsSystem();
        var rows = await s.Db.ReminderSettings.AsNoTracking().Where(r => r.RegionId == facts.RegionId).ToListAsync();
        Assert.Equal("10,3,0", Assert.Single(rows, r => r.Kind == Lvyue.Performance.MilestoneKind.PaymentInstallment).OffsetDays);
        Assert.DoesNotContain(rows, r => r.Kind == Lvyue.Performance.MilestoneKind.Delivery);
        Assert.Single(await s.Db.WebhookEndpoints.AsNoTracking().Where(e => e.Name == "监管大数据平台" && e.RegionId == facts.RegionId).ToListAsync());

        using var clerk = await app.LoginAsync("clerk");
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetTextAsync("/Notifications/Settings")).Status);
    }

    [Theory, BothDatabases]
    public async Task Settings_SystemAdministratorKeepsTheEndpointsOfEveryRegion(string provider)
    {
        var app = await hosts.For(provider);
        using var sysadmin = await app.LoginAsync("sysadmin");
        var (status, page) = await sysadmin.GetTextAsync("/Notifications/Settings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("data-testid=\"reminder-settings\"", page);

        using var hook = await sysadmin.PostFormAsync("/Notifications/Settings", "/Notifications/Settings?handler=Endpoint",
            new() { ["EndpointName"] = "省级监管平台", ["EndpointUrl"] = "https://province.example/hook" });
        Assert.Contains("data-testid=\"webhook-secret\"", await hook.Content.ReadAsStringAsync());
        await using var s = app.Database.AsSystem();
        Assert.Null(Assert.Single(await s.Db.WebhookEndpoints.AsNoTracking().Where(e => e.Name == "省级监管平台").ToListAsync()).RegionId);
    }
}
