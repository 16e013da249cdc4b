using System.Text;
using Lvyue.Jobs;
using Lvyue.Notifications;
using Lvyue.Performance;
using Lvyue.Testing;
using Lvyue.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Notifications;

public sealed class ReminderSweepTests
{
    /// <summary>2 March 2026 in Beijing (the <see cref="TestClock"/> default).</summary>
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static NotificationOptions Channels(SmtpSink smtp, HttpStub gateway) => new()
    {
        Smtp = { Host = "127.0.0.1", Port = smtp.Port, From = "lvyue@czj.gov.cn" },
        Sms = { UrlTemplate = new Uri(gateway.Address, "/sms?to={phone}").ToString(), Token = "gw-token" },
    };

    private static Task<ReminderSweepResult> SweepAsync(JobHost host) =>
        host.AsSystem(sp => sp.GetRequiredService<ReminderSweep>().RunAsync());

    private static async Task<List<NotificationDelivery>> DeliveriesAsync(TestDatabase db)
    {
        await using var s = db.AsSystem();
        return await s.Db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Theory, BothDatabases]
    public async Task Sweep_RemindsBothPartiesAWeekAheadAndOnTheDay_EachOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var smtp = new SmtpSink();
        await using var stub = await HttpStub.StartAsync();
        var rw = await ReminderWorld.CreateAsync(db);
        var contract = await rw.ContractAsync(db, "YL-2026-001");
        var milestone = await rw.MilestoneAsync(db, contract, Today.AddDays(7));
        var endpoint = await rw.EndpointAsync(db, new Uri(stub.Address, "/hook"));
        await using var host = JobHost.Start(db, notifications: Channels(smtp, stub));

        var first = await SweepAsync(host);
        Assert.Equal(1, first.RemindersDue);
        var week = await DeliveriesAsync(db);
        // Email to both parties' contacts, SMS to the one with a mobile number, the inbox of the unit's and the
        // supplier's users (not the other unit's), the region's webhook.
        Assert.Equal(
            new[]
            {
                "Email li@edu.gov.cn", "Email zheng@pengcheng.com", "Inbox " + rw.SupplierUserId, "Inbox " + rw.UnitUserId,
                "Sms 13800138000", "Webhook " + endpoint.Id,
            }.Order(),
            week.Select(d => $"{d.Channel} {d.Recipient}").Order());
        Assert.All(week, d => Assert.Equal((milestone, 7), (d.MilestoneId!.Value, d.OffsetDays!.Value)));
        Assert.All(week, d => Assert.Equal(rw.World.Unit.Id, d.BudgetUnitId));
        Assert.Equal(0, (await SweepAsync(host)).DeliveriesScheduled);

        // The jobs send them: the SMTP sink, the SMS gateway and the webhook receiver get one each.
        Assert.Equal(4, await host.Worker.RunDueAsync());
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Contains("第一批设备交付", smtp.Messages.First().Subject);
        Assert.Equal(["li@edu.gov.cn", "zheng@pengcheng.com"], smtp.Messages.SelectMany(m => m.To).Order());
        var sms = stub.Requests.Where(r => r.PathAndQuery.StartsWith("/sms")).ToList();
        Assert.Single(sms);
        Assert.Contains(sms, r => r.PathAndQuery == "/sms?to=13800138000" && r.Headers["Authorization"] == "Bearer gw-token"
                                  && Encoding.UTF8.GetString(r.Body).Contains("\"phone\":\"13800138000\""));
        var hook = Assert.Single(stub.Requests, r => r.PathAndQuery == "/hook");
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify(endpoint.Secret, hook.Headers[WebhookSignature.TimestampHeader],
            hook.Headers[WebhookSignature.SignatureHeader], hook.Body, db.Clock.GetUtcNow()));
        Assert.Contains("\"YL-2026-001\"", Encoding.UTF8.GetString(hook.Body));
        Assert.All(await DeliveriesAsync(db), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        await using (var s = db.AsSystem())
        {
            var inbox = await s.Db.InboxItems.AsNoTracking().Where(i => i.UserId == rw.UnitUserId).ToListAsync();
            Assert.Equal($"/Contracts/{contract}", Assert.Single(inbox).Link);
        }

        // Nothing between the two reminder days; on the day, the second round; after the day, none.
        db.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await SweepAsync(host)).DeliveriesScheduled);
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(6, (await SweepAsync(host)).DeliveriesScheduled);
        Assert.Equal(6, (await DeliveriesAsync(db)).Count(d => d.OffsetDays == 0));
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await SweepAsync(host)).DeliveriesScheduled);
        Assert.Equal(12, (await DeliveriesAsync(db)).Count);
    }

    [Theory, BothDatabases]
    public async Task TwoInstancesSweepingAtOnce_ScheduleEachReminderOnce_AndARestartRepeatsNone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var stub = await HttpStub.StartAsync();
        var rw = await ReminderWorld.CreateAsync(db);
        await rw.EndpointAsync(db, new Uri(stub.Address, "/hook"));
        var milestones = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            var c = await rw.ContractAsync(db, $"YL-2026-{i:D3}");
            milestones.Add(await rw.MilestoneAsync(db, c, Today.AddDays(i % 2 == 0 ? 7 : 0)));
        }
        await using var a = JobHost.Start(db);
        await using var b = JobHost.Start(db);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => SweepAsync(i % 2 == 0 ? a : b))));

        var all = await DeliveriesAsync(db);
        // Per milestone: two inbox items (unit and supplier users) and one webhook; email and SMS are not configured.
        Assert.Equal(12 * 3, all.Count);
        Assert.Equal(all.Count, all.Select(d => d.DedupeKey).Distinct().Count());
        foreach (var m in milestones) Assert.Equal(3, all.Count(d => d.MilestoneId == m));
        await using (var s = db.AsSystem()) Assert.Equal(24, await s.Db.InboxItems.CountAsync());

        // Both instances send at once: each webhook reaches the receiver once.
        var sent = await Task.WhenAll(Task.Run(() => a.Worker.RunDueAsync()), Task.Run(() => b.Worker.RunDueAsync()));
        Assert.Equal(12, sent.Sum());
        Assert.Equal(12, stub.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).Distinct().Count());
        Assert.Equal(12, stub.Requests.Count);

        // A restarted instance repeats none.
        await using var restarted = JobHost.Start(db);
        Assert.Equal(0, (await SweepAsync(restarted)).DeliveriesScheduled);
        Assert.Equal(0, await restarted.Worker.RunDueAsync());
        Assert.Equal(12 * 3, (await DeliveriesAsync(db)).Count);
    }

    [Theory, BothDatabases]
    public async Task Sweep_WithNoInstanceRunningOnTheDay_SendsTheMissedReminderLateOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var rw = await ReminderWorld.CreateAsync(db);
        var c = await rw.ContractAsync(db, "YL-2026-100");
        var m = await rw.MilestoneAsync(db, c, Today.AddDays(4));
        await using var host = JobHost.Start(db);

        Assert.Equal(2, (await SweepAsync(host)).DeliveriesScheduled);
        Assert.All(await DeliveriesAsync(db), d => Assert.Equal(7, d.OffsetDays));
        Assert.Contains("还有4天到期", (await DeliveriesAsync(db))[0].Body);
        Assert.Equal(0, (await SweepAsync(host)).DeliveriesScheduled);
        _ = m;
    }

    [Theory, BothDatabases]
    public async Task Offsets_FollowTheRegionAndTheMilestoneKind(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var rw = await ReminderWorld.CreateAsync(db);
        await using (var s = db.AsSystem())
        {
            var admin = new NotificationAdmin(s.Db);
            await admin.SetOffsetsAsync(rw.World.Region.Id, null, "3");
            await admin.SetOffsetsAsync(rw.World.Region.Id, MilestoneKind.PaymentInstallment, "10，1");
            var bad = await Assert.ThrowsAsync<Lvyue.Common.DomainException>(() => admin.SetOffsetsAsync(rw.World.Region.Id, null, "7,-1"));
            Assert.Contains("offsetDays", bad.Errors.Keys);
        }
        var c = await rw.ContractAsync(db, "YL-2026-200");
        var delivery5 = await rw.MilestoneAsync(db, c, Today.AddDays(5));
        var delivery3 = await rw.MilestoneAsync(db, c, Today.AddDays(3));
        var payment8 = await rw.MilestoneAsync(db, c, Today.AddDays(8), MilestoneKind.PaymentInstallment, "第二期付款");
        var payment2 = await rw.MilestoneAsync(db, c, Today.AddDays(2), MilestoneKind.PaymentInstallment, "首期付款");
        await using var host = JobHost.Start(db);

        await SweepAsync(host);

        var reminded = (await DeliveriesAsync(db)).Select(d => (d.MilestoneId!.Value, d.OffsetDays!.Value)).Distinct().Order().ToList();
        Assert.Equal(new[] { (delivery3, 3), (payment8, 10), (payment2, 10) }.Order(), reminded);
        Assert.DoesNotContain(reminded, r => r.Item1 == delivery5);
        Assert.Contains("15,000.00元", (await DeliveriesAsync(db)).First(d => d.MilestoneId == payment8).Body);
    }

    [Theory, BothDatabases]
    public async Task ClosedMilestones_AreNotReminded(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var rw = await ReminderWorld.CreateAsync(db);
        var c = await rw.ContractAsync(db, "YL-2026-300");
        var m = await rw.MilestoneAsync(db, c, Today);
        await using (var s = db.AsSystem())
        {
            var row = await s.Db.Milestones.SingleAsync(x => x.Id == m);
            row.Status = MilestoneStatus.Met;
            await s.Db.SaveChangesAsync();
        }
        await using var host = JobHost.Start(db);
        Assert.Equal(0, (await SweepAsync(host)).DeliveriesScheduled);
    }
}
