using Lvyue.Contracts;
using Lvyue.Testing;

namespace Lvyue.Tests.Contracts;

/// <summary>The home dashboard's counts and sums, within the caller's tenancy.</summary>
public sealed class DashboardTests
{
    [Theory, BothDatabases]
    public async Task Dashboard_SumsCountsAndAmountsByCategoryStatusAndUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var s = db.AsSystem();

        var f = await s.Get<Dashboard>().ComputeAsync();

        Assert.Equal((4, LedgerSample.Total, 1, 1), (f.Contracts, f.Amount, f.AwaitingApproval, f.Voluntary));
        Assert.Equal([new Tally("Works", 1, 880_000.5m), new Tally("Goods", 1, 120_000m), new Tally("Services", 2, 44_000m)], f.ByCategory);
        Assert.Equal([new Tally("Draft", 3, 924_000.5m), new Tally("PendingApproval", 1, 120_000m)], f.ByStatus);
        Assert.Equal([new Tally(x.World.OtherUnit.Name, 2, 915_000.5m), new Tally(x.World.Unit.Name, 2, 129_000m)], f.ByUnit);
    }

    [Theory, BothDatabases]
    public async Task Dashboard_CountsOnlyWhatTheCallerMaySee(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var x = await LedgerSample.CreateAsync(db);
        await using var clerk = db.Scope(x.World.Clerk);
        await using var admin = db.Scope(Lvyue.Accounts.TenantScope.None("sysadmin"));

        var mine = await clerk.Get<Dashboard>().ComputeAsync();
        var none = await admin.Get<Dashboard>().ComputeAsync();

        Assert.Equal((2, 129_000m, 1, 1), (mine.Contracts, mine.Amount, mine.AwaitingApproval, mine.Voluntary));
        Assert.Equal([new Tally(x.World.Unit.Name, 2, 129_000m)], mine.ByUnit);
        Assert.Equal((0, 0m, 0, 0), (none.Contracts, none.Amount, none.AwaitingApproval, none.Voluntary));
        Assert.Empty(none.ByCategory);
    }
}
