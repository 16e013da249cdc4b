using Lvyue.Notifications;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>
/// Two instances of the web app on one database (PostgreSQL, and the single-writer SQLite file) sweeping for
/// reminders at the same time, each with its background job runner running too: each reminder is scheduled
/// exactly once, and a restarted instance repeats none and loses none.
/// </summary>
public sealed class NotificationsTwoInstanceTests
{
    [Theory, BothDatabases]
    public async Task TwoInstancesSweepingAtOnce_ScheduleEachReminderOnce_AndARestartRepeatsNone(string provider)
    {
        await using var first = await LvyueApp.StartAsync(provider);
        var second = await LvyueApp.StartAnotherInstanceAsync(first);
        var week = await JobsSteps.MilestonesAsync(first, 3, inDays: 7);
        var today = await JobsSteps.MilestonesAsync(first, 3, inDays: 0);
        var clerk = await JobsSteps.UserIdAsync(first, "clerk");
        var supplier = await JobsSteps.UserIdAsync(first, "supplier");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => JobsSteps.SweepAsync(i % 2 == 0 ? first : second))));

        List<NotificationDelivery> deliveries;
        await using (var s = first.Database.AsSystem())
            deliveries = await s.Db.NotificationDeliveries.AsNoTracking().ToListAsync();
        var ours = week.Concat(today).Select(m => m.MilestoneId).ToHashSet();
        var mine = deliveries.Where(d => d.MilestoneId is { } m && ours.Contains(m)).ToList();
        Assert.Equal(mine.Count, mine.Select(d => (d.MilestoneId, d.OffsetDays, d.Channel, d.Recipient)).Distinct().Count());
        foreach (var (_, m) in week.Concat(today))
        {
            var of = mine.Where(d => d.MilestoneId == m).ToList();
            // One reminder (the nearest offset) per recipient: the unit's clerk, and the supplier's user when it is a party.
            Assert.Single(of.Select(d => d.OffsetDays).Distinct());
            Assert.Single(of, d => d.Channel == NotificationChannel.Inbox && d.Recipient == clerk);
            Assert.True(of.Count(d => d.Channel == NotificationChannel.Inbox && d.Recipient == supplier) <= 1);
        }
        Assert.All(week, w => Assert.All(mine.Where(d => d.MilestoneId == w.MilestoneId), d => Assert.Equal(7, d.OffsetDays)));
        Assert.All(today, w => Assert.All(mine.Where(d => d.MilestoneId == w.MilestoneId), d => Assert.Equal(0, d.OffsetDays)));

        // A restart: the second instance stops, a third starts and sweeps; nothing is repeated and nothing lost.
        await second.DisposeAsync();
        await using var third = await LvyueApp.StartAnotherInstanceAsync(first);
        Assert.Equal(0, (await JobsSteps.SweepAsync(third)).DeliveriesScheduled);
        await using var check = first.Database.AsSystem();
        var after = await check.Db.NotificationDeliveries.AsNoTracking().Where(d => d.MilestoneId != null).ToListAsync();
        Assert.Equal(mine.Select(d => d.Id).Order(), after.Where(d => ours.Contains(d.MilestoneId!.Value)).Select(d => d.Id).Order());
        Assert.Equal(mine.Count(d => d.Channel == NotificationChannel.Inbox),
            await check.Db.InboxItems.CountAsync(i => i.MilestoneId != null && ours.Contains(i.MilestoneId.Value)));
    }
}
