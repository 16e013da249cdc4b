using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Notifications;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Notifications;

public sealed class NotificationAdminTests
{
    [Theory, BothDatabases]
    public async Task AddEndpoint_IsAuditedWithoutItsSigningSecret(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Supervisor);

        var e = await new NotificationAdmin(s.Db).AddEndpointAsync(world.Region.Id, "国库支付系统", "https://treasury.example/hook");

        var audit = await s.Db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(WebhookEndpoint)).ToListAsync();
        Assert.Contains("treasury.example", Assert.Single(audit).After!);
        Assert.DoesNotContain(e.Secret, audit[0].After!);
    }

    [Theory, BothDatabases]
    public async Task Settings_OfAnotherRegion_AreRefusedAndBadUrlsToo(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "别区");
        await using var s = db.Scope(world.Supervisor);
        var admin = new NotificationAdmin(s.Db);

        var forbidden = await Assert.ThrowsAsync<DomainException>(() => admin.SetOffsetsAsync(other.Region.Id, null, "7,0"));
        Assert.Equal(ErrorKind.Forbidden, forbidden.Kind);
        var bad = await Assert.ThrowsAsync<DomainException>(() => admin.AddEndpointAsync(world.Region.Id, "x", "ftp://example/hook"));
        Assert.Contains("url", bad.Errors.Keys);
        Assert.Equal(0, await s.Db.WebhookEndpoints.CountAsync());
        Assert.Equal(0, await s.Db.ReminderSettings.CountAsync());
    }

    [Theory]
    [InlineData("7,0", new[] { 7, 0 })]
    [InlineData("0，7、3 3", new[] { 7, 3, 0 })]
    [InlineData("-1", null)]
    [InlineData("366", null)]
    [InlineData("7,x", null)]
    [InlineData("", null)]
    public void Offsets_AreParsedLargestFirstOrRefused(string text, int[]? expected) =>
        Assert.Equal(expected, ReminderSetting.Parse(text)?.ToArray());
}
