using System.Text.Json;
using Lvyue.Accounts;
using Lvyue.Audit;
using Lvyue.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Audit;

/// <summary>The audit log: who, when, before and after of every write, and its append-only guard in the database.</summary>
public sealed class AuditWriterTests
{
    [Theory, BothDatabases]
    public async Task Audit_RecordsWhoWhenAndTheChangedValuesBeforeAndAfterAnUpdate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        db.Clock.Advance(TimeSpan.FromHours(3));
        var actor = TenantScope.System with { Actor = "sysadmin", Ip = "127.0.0.1" };
        await using (var s = db.Scope(actor))
        {
            var unit = await s.Db.BudgetUnits.SingleAsync(u => u.Id == world.Unit.Id);
            unit.Name = "示范区教育局（更名）";
            unit.ContactPhone = "0755-82220000";
            await s.Db.SaveChangesAsync();
        }

        await using var check = db.AsSystem();
        var entry = await check.Db.AuditEntries.SingleAsync(a => a.EntityType == "BudgetUnit" && a.Action == "update");
        Assert.Equal(world.Unit.Id.ToString(), entry.EntityId);
        Assert.Equal(("sysadmin", "127.0.0.1"), (entry.Actor, entry.Ip));
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, entry.At);
        var before = JsonSerializer.Deserialize<Dictionary<string, string?>>(entry.Before!)!;
        var after = JsonSerializer.Deserialize<Dictionary<string, string?>>(entry.After!)!;
        Assert.Equal(["ContactPhone", "Name"], before.Keys.Order());
        Assert.Equal(world.Unit.Name, before["Name"]);
        Assert.Null(before["ContactPhone"]);
        Assert.Equal("示范区教育局（更名）", after["Name"]);
        Assert.Equal("0755-82220000", after["ContactPhone"]);
    }

    [Theory, BothDatabases]
    public async Task Audit_WritesChineseTextAndEnumNamesReadably(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var s = db.Scope(world.Clerk)) await s.Filing.CreateAsync(world.Input("JY-2026-001"));

        await using var check = db.AsSystem();
        var entry = await check.Db.AuditEntries.SingleAsync(a => a.EntityType == "Contract" && a.Action == "insert");
        Assert.Contains("物业管理服务合同", entry.After);
        Assert.Contains("\"Status\":\"Draft\"", entry.After);
        Assert.Contains("\"Category\":\"Services\"", entry.After);
    }

    [Theory, BothDatabases]
    public async Task Audit_MasksSecretsOfUsers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var s = db.AsSystem())
        {
            var users = s.Get<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = "clerk", DisplayName = "李经办" }, "Lvyue@2026");
            Assert.True(result.Succeeded);
        }

        await using var check = db.AsSystem();
        var entry = await check.Db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.Action == "insert");
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal("***", after.GetProperty("PasswordHash").GetString());
        Assert.Equal("***", after.GetProperty("SecurityStamp").GetString());
        Assert.DoesNotContain("Lvyue@2026", entry.After);
    }

    [Theory, BothDatabases]
    public async Task Audit_RecordsRoleAssignmentsWhoseKeyIsTwoIdentifiers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        AppUser user;
        await using (var s = db.AsSystem())
        {
            var users = s.Get<UserManager<AppUser>>();
            user = new AppUser { UserName = "leader", DisplayName = "张主任" };
            Assert.True((await users.CreateAsync(user, "Lvyue@2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.UnitLeader)).Succeeded);
        }

        await using var check = db.AsSystem();
        var entry = await check.Db.AuditEntries.SingleAsync(a => a.EntityType.StartsWith("IdentityUserRole") && a.Action == "insert");
        Assert.StartsWith(user.Id + ",", entry.EntityId);
    }

    [Theory, BothDatabases]
    public async Task AuditEntries_CannotBeUpdatedOrDeletedEvenWithRawSql(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await TestWorld.CreateAsync(db);
        int count;
        await using (var s = db.AsSystem()) count = await s.Db.AuditEntries.CountAsync();
        Assert.True(count > 0);

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => db.ExecuteAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else'"));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => db.ExecuteAsync("DELETE FROM \"AuditEntries\""));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        await using var check = db.AsSystem();
        Assert.Equal(count, await check.Db.AuditEntries.CountAsync());
        Assert.Equal(0, await check.Db.AuditEntries.CountAsync(a => a.Actor == "someone else"));
    }

    [Theory, BothDatabases]
    public async Task AuditEntries_CannotBeChangedThroughTheContextEither(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();
        var entry = await s.Db.AuditEntries.OrderBy(a => a.Id).FirstAsync();

        s.Db.AuditEntries.Remove(entry);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => s.Db.SaveChangesAsync());
    }
}
