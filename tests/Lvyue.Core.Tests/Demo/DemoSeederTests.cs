using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Demo;
using Lvyue.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Demo;

/// <summary>The demo data: one working login per role, contracts in every status, seeded once.</summary>
public sealed class DemoSeederTests
{
    [Theory, BothDatabases]
    public async Task DemoSeeder_CreatesALoginForEveryRoleAndContractsInEveryStatus(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();

        var logins = await s.Get<DemoSeeder>().SeedAsync(contracts: 20);

        Assert.Equal(Roles.All.Order(), logins.Select(l => l.Role).Distinct().Order());
        var users = s.Get<UserManager<AppUser>>();
        foreach (var login in logins)
        {
            var user = await users.FindByNameAsync(login.UserName);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, login.Role), $"{login.UserName} lacks {login.Role}");
            Assert.True(await users.CheckPasswordAsync(user, login.Password), $"{login.UserName}'s password does not work");
        }
        Assert.Equal(20, await s.Db.Contracts.CountAsync());
        var statuses = await s.Db.Contracts.Select(c => c.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ContractStatus>().Order(), statuses.Order());
        Assert.All(await s.Db.Contracts.Include(c => c.Documents).ToListAsync(), c => Assert.NotEmpty(c.Documents));
        // Every demo document is reviewed against the rule library, as an upload would be.
        Assert.Equal(await s.Db.ContractDocuments.CountAsync(), await s.Db.ContractReviews.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task DemoSeeder_LeavesASeededDatabaseAlone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var first = db.AsSystem()) await first.Get<DemoSeeder>().SeedAsync(contracts: 3);
        await using var s = db.AsSystem();

        Assert.Empty(await s.Get<DemoSeeder>().SeedAsync(contracts: 3));
        Assert.Equal(3, await s.Db.Contracts.CountAsync());
        Assert.Equal(1, await s.Db.Regions.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task DemoSeeder_RefusesBeforeWritingWhenThePasswordPolicyRejectsTheDemoPassword(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLvyueCore(db.Options, db.FileStoreRoot, new SecurityOptions { PasswordMinLength = 12 });
        services.AddSingleton<ITenantContext>(new FixedTenantContext(TenantScope.System));
        services.AddLogging();
        await using var strict = services.BuildServiceProvider();
        await using var scope = strict.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        Assert.NotNull(await seeder.PolicyConflictAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(contracts: 3));

        await using var check = db.AsSystem();
        Assert.False(await check.Db.Regions.AnyAsync());
        Assert.False(await check.Db.Users.AnyAsync());
    }
}
