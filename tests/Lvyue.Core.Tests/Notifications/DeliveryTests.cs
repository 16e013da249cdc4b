using System.Text;
using Lvyue.Jobs;
using Lvyue.Notifications;
using Lvyue.Testing;
using Lvyue.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Notifications;

public sealed class DeliveryTests
{
    private static Task<long> ScheduleAsync(JobHost host, DeliveryRequest r) =>
        host.AsSystem(async sp => (await sp.GetRequiredService<NotificationScheduler>().ScheduleAsync(r)).GetValueOrDefault());

    private static async Task<NotificationDelivery> LoadAsync(TestDatabase db, long id)
    {
        await using var s = db.AsSystem();
        return await s.Db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private static async Task<long> HookAsync(TestDatabase db, HttpStub stub)
    {
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();
        return (await new NotificationAdmin(s.Db).AddEndpointAsync(world.Region.Id, "外部系统", new Uri(stub.Address, "/hook").ToString())).Id;
    }

    private static DeliveryRequest Webhook(long endpoint, string body = """{"event":"test"}""") =>
        new(NotificationChannel.Webhook, endpoint.ToString(), "test", body) { WebhookEndpointId = endpoint };

    [Theory, BothDatabases]
    public async Task WebhookAnswering500_IsRetriedWithBackoff_ThenMarkedFailed_AndTheRunnerGoesOn(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var stub = await HttpStub.StartAsync();
        stub.Status = 500;
        var endpoint = await HookAsync(db, stub);
        await using var host = JobHost.Start(db, new JobOptions { BackoffSeconds = 60, MaxBackoffSeconds = 600, MaxAttempts = 3 });
        var id = await ScheduleAsync(host, Webhook(endpoint));

        Assert.Equal(1, await host.Worker.RunDueAsync());
        var d = await LoadAsync(db, id);
        Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts));
        Assert.Contains("500", d.LastError);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), DateTime.SpecifyKind(d.NextAttemptAt!.Value, DateTimeKind.Utc));

        db.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await host.Worker.RunDueAsync());
        Assert.Equal(2, (await LoadAsync(db, id)).Attempts);
        db.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await host.Worker.RunDueAsync());
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Worker.RunDueAsync());

        var failed = await LoadAsync(db, id);
        Assert.Equal((DeliveryStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Null(failed.NextAttemptAt);
        Assert.Contains("500", failed.LastError);
        Assert.Equal(3, stub.Requests.Count);
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.Worker.RunDueAsync());

        // The receiver recovers: the next delivery goes through.
        stub.Status = 204;
        var next = await ScheduleAsync(host, Webhook(endpoint));
        Assert.Equal(1, await host.Worker.RunDueAsync());
        Assert.Equal(DeliveryStatus.Sent, (await LoadAsync(db, next)).Status);
    }

    [Theory, BothDatabases]
    public async Task HangingWebhook_TimesOutAsAFailedAttempt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var stub = await HttpStub.StartAsync();
        stub.Hang = true;
        var endpoint = await HookAsync(db, stub);
        await using var host = JobHost.Start(db, notifications: new NotificationOptions { Webhooks = { TimeoutSeconds = 1 } });
        var id = await ScheduleAsync(host, Webhook(endpoint));

        Assert.Equal(1, await host.Worker.RunDueAsync());

        var d = await LoadAsync(db, id);
        Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts));
        Assert.Contains("did not answer", d.LastError);
        Assert.Single(stub.Requests);
    }

    [Theory, BothDatabases]
    public async Task Webhook_CarriesAVerifiableSignatureAndTheDeliveryId(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var stub = await HttpStub.StartAsync();
        var endpoint = await HookAsync(db, stub);
        await using var host = JobHost.Start(db);
        var id = await ScheduleAsync(host, Webhook(endpoint, """{"event":"test","message":"到期提醒"}"""));

        await host.Worker.RunDueAsync();

        var r = Assert.Single(stub.Requests);
        string secret;
        await using (var s = db.AsSystem()) secret = (await s.Db.WebhookEndpoints.SingleAsync(e => e.Id == endpoint)).Secret;
        Assert.Equal("""{"event":"test","message":"到期提醒"}""", Encoding.UTF8.GetString(r.Body));
        Assert.Equal(id.ToString(), r.Headers[WebhookSignature.DeliveryHeader]);
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify(secret, r.Headers[WebhookSignature.TimestampHeader], r.Headers[WebhookSignature.SignatureHeader], r.Body, db.Clock.GetUtcNow()));
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify("wrong", r.Headers[WebhookSignature.TimestampHeader], r.Headers[WebhookSignature.SignatureHeader], r.Body, db.Clock.GetUtcNow()));
    }

    [Theory, BothDatabases]
    public async Task Email_IsSentOverSmtpWithAChineseSubject(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var smtp = new SmtpSink();
        await using var host = JobHost.Start(db, notifications: new NotificationOptions
        {
            BaseUrl = "https://lvyue.example.gov.cn",
            Smtp = { Host = "127.0.0.1", Port = smtp.Port, From = "lvyue@czj.gov.cn" },
        });
        var id = await ScheduleAsync(host, new DeliveryRequest(NotificationChannel.Email, "li@edu.gov.cn", "【履约提醒】物业服务合同", "请按时履约。") { Link = "/Contracts/7" });

        Assert.Equal(1, await host.Worker.RunDueAsync());

        var m = Assert.Single(smtp.Messages);
        Assert.Equal("lvyue@czj.gov.cn", m.From);
        Assert.Equal(["li@edu.gov.cn"], m.To);
        Assert.Equal("【履约提醒】物业服务合同", m.Subject);
        Assert.Equal(DeliveryStatus.Sent, (await LoadAsync(db, id)).Status);
    }

    [Theory, BothDatabases]
    public async Task Email_ToAnSmtpServerThatIsNotThere_FailsTheAttempt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        int port;
        using (var gone = new SmtpSink()) port = gone.Port;
        await using var host = JobHost.Start(db, notifications: new NotificationOptions { Smtp = { Host = "127.0.0.1", Port = port, TimeoutSeconds = 5 } });
        var id = await ScheduleAsync(host, new DeliveryRequest(NotificationChannel.Email, "li@edu.gov.cn", "s", "b"));

        Assert.Equal(1, await host.Worker.RunDueAsync());

        var d = await LoadAsync(db, id);
        Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts));
        Assert.False(string.IsNullOrEmpty(d.LastError));
    }

    [Theory, BothDatabases]
    public async Task Scheduling_WithATakenDedupeKey_WritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = JobHost.Start(db);
        var r = new DeliveryRequest(NotificationChannel.Inbox, "user-1", "标题", "正文") { DedupeKey = "k1" };

        Assert.NotEqual(0, await ScheduleAsync(host, r));
        Assert.Equal(0, await ScheduleAsync(host, r));

        await using var s = db.AsSystem();
        Assert.Equal(1, await s.Db.NotificationDeliveries.CountAsync());
        Assert.Equal(1, await s.Db.InboxItems.CountAsync());
        Assert.Equal(0, await s.Db.Jobs.CountAsync());
    }
}
