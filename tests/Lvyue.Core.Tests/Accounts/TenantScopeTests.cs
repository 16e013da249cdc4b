using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Accounts;

/// <summary>Tenancy: what each scope sees through the context's query filters, and what it may touch through the filing service.</summary>
public sealed class TenantScopeTests
{
    /// <summary>
    /// Region A: contract a1 (unit, supplier) and a2 (other unit, other supplier, pending approval);
    /// region B: contract b1 of its own unit, with region A's supplier as party.
    /// </summary>
    private sealed record Two(TestWorld A, TestWorld B, Contract A1, Contract A2, Contract B1, ApprovalTask A2Task);

    private static async Task<Two> SeedAsync(TestDatabase db)
    {
        var a = await TestWorld.CreateAsync(db, "440303", "示范区");
        var b = await TestWorld.CreateAsync(db, "440304", "邻区");
        await using var sa = db.Scope(a.Clerk);
        await using var sa2 = db.Scope(a.OtherClerk);
        await using var sb = db.Scope(b.Clerk);
        var a1 = await sa.Filing.CreateAsync(a.Input("A-001"), [TestFiles.Txt()]);
        var a2 = await sa2.Filing.CreateAsync(a.OtherInput("A-002"), [TestFiles.Txt()]);
        var task = await sa2.Filing.SubmitAsync(a2.Id);
        var b1 = await sb.Filing.CreateAsync(b.Input("B-001") with { SupplierIds = [a.Supplier.Id] }, [TestFiles.Txt()]);
        return new Two(a, b, a1, a2, b1, task);
    }

    [Theory, BothDatabases]
    public async Task Tenancy_UnitClerkSeesOnlyTheContractsOfTheirUnit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = await SeedAsync(db);
        await using var s = db.Scope(t.A.Clerk);

        Assert.Equal([t.A1.Id], await s.Db.Contracts.Select(c => c.Id).ToListAsync());
        Assert.All(await s.Db.ContractDocuments.ToListAsync(), d => Assert.Equal(t.A1.Id, d.ContractId));
        Assert.All(await s.Db.ContractEvents.ToListAsync(), e => Assert.Equal(t.A1.Id, e.ContractId));
        Assert.Equal([t.A.Line.Id], await s.Db.BudgetLines.Select(l => l.Id).ToListAsync());
        Assert.Empty(await s.Db.ApprovalTasks.ToListAsync());
        Assert.Equal(1, (await s.Ledger.PageAsync(new LedgerFilter())).Total);
    }

    [Theory, BothDatabases]
    public async Task Tenancy_SupplierSeesOnlyContractsWhereItIsAParty(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = await SeedAsync(db);
        await using var s = db.Scope(t.A.SupplierLogin);

        Assert.Equal([t.A1.Id, t.B1.Id], (await s.Db.Contracts.Select(c => c.Id).ToListAsync()).Order());
        Assert.Empty(await s.Db.BudgetLines.ToListAsync());
        Assert.Empty(await s.Db.ApprovalTasks.ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task Tenancy_RegionRolesSeeTheirWholeRegionAndNothingElse(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = await SeedAsync(db);
        await using var a = db.Scope(t.A.Supervisor);
        await using var b = db.Scope(t.B.Supervisor);

        Assert.Equal([t.A1.Id, t.A2.Id], (await a.Db.Contracts.Select(c => c.Id).ToListAsync()).Order());
        Assert.Equal([t.B1.Id], await b.Db.Contracts.Select(c => c.Id).ToListAsync());
        Assert.Equal([t.A2Task.Id], await a.Db.ApprovalTasks.Select(x => x.Id).ToListAsync());
        Assert.Empty(await b.Db.ApprovalTasks.ToListAsync());
        Assert.Equal(2, await a.Db.BudgetLines.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Tenancy_AdministratorsSeeNoContractContent(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        await using var s = db.Scope(TenantScope.None("auditadmin") with { Roles = [Roles.AuditAdmin] });

        Assert.False(s.Db.Scope.SeesContracts);
        Assert.Empty(await s.Db.Contracts.ToListAsync());
        Assert.Empty(await s.Db.ContractDocuments.ToListAsync());
        Assert.Empty(await s.Db.ContractEvents.ToListAsync());
        Assert.Empty(await s.Db.BudgetLines.ToListAsync());
        Assert.Empty(await s.Db.ApprovalTasks.ToListAsync());
        Assert.Equal(0, (await s.Ledger.PageAsync(new LedgerFilter())).Total);
    }

    [Theory, BothDatabases]
    public async Task Tenancy_AnIdOfAnotherTenantIsNotFoundThroughTheFilingService(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = await SeedAsync(db);

        await Refused(t.A.Clerk, ErrorKind.NotFound, f => f.SubmitAsync(t.B1.Id));                                   // other region
        await Refused(t.A.Clerk, ErrorKind.NotFound, f => f.SubmitAsync(t.A2.Id));                                   // other unit, same region
        await Refused(t.A.Clerk, ErrorKind.NotFound, f => f.AddDocumentAsync(t.A2.Id, TestFiles.Txt(name: "x.txt")));
        await Refused(t.A.Clerk, ErrorKind.NotFound, f => f.UpdateDraftAsync(t.B1.Id, t.A.Input("B-001")));
        await Refused(t.A.Clerk, ErrorKind.NotFound, f => f.ChangeStatusAsync(t.A2.Id, ContractStatus.Terminated, "越权"));
        await Refused(t.B.Supervisor, ErrorKind.NotFound, f => f.ApproveAsync(t.A2Task.Id, null));                  // other region's task
        await Refused(t.A.Leader, ErrorKind.NotFound, f => f.ApproveAsync(t.A2Task.Id, null));                      // other unit's task
        await Refused(t.A.SupplierLogin, ErrorKind.Forbidden, f => f.SubmitAsync(t.A1.Id));                         // visible but not theirs to file
        await Refused(t.A.Clerk, ErrorKind.Forbidden, f => f.CreateAsync(t.B.Input("A-009")));                      // filing for another region's unit

        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Draft, (await check.Db.Contracts.SingleAsync(c => c.Id == t.B1.Id)).Status);
        Assert.Equal(ContractStatus.PendingApproval, (await check.Db.Contracts.SingleAsync(c => c.Id == t.A2.Id)).Status);
        Assert.Equal(3, await check.Db.Contracts.CountAsync());
        Assert.Equal(3, await check.Db.ContractDocuments.CountAsync());

        async Task Refused(TenantScope who, ErrorKind kind, Func<FilingService, Task> act)
        {
            await using var s = db.Scope(who);
            Assert.Equal(kind, (await Assert.ThrowsAsync<DomainException>(() => act(s.Filing))).Kind);
        }
    }

    [Theory, BothDatabases]
    public async Task Tenancy_TheSameQueryRunUnderEveryKindOfScopeInTurnIsScopedEachTime(string provider)
    {
        // The filters compile one SQL shape per kind of scope (EF.Constant flags): a shape cached for one
        // kind must never answer for another. Each kind runs the same LINQ twice, interleaved.
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = await SeedAsync(db);
        var expected = new (TenantScope Scope, long[] Ids)[]
        {
            (t.A.Clerk, [t.A1.Id]),
            (t.A.SupplierLogin, [t.A1.Id, t.B1.Id]),
            (t.A.Supervisor, [t.A1.Id, t.A2.Id]),
            (TenantScope.None("auditadmin"), []),
            (TenantScope.System, [t.A1.Id, t.A2.Id, t.B1.Id]),
            (t.B.Clerk, [t.B1.Id]),
        };
        for (var round = 0; round < 2; round++)
        {
            foreach (var (scope, ids) in expected)
            {
                await using var s = db.Scope(scope);
                Assert.Equal(ids.Order(), (await s.Db.Contracts.Select(c => c.Id).ToListAsync()).Order());
                Assert.Equal(ids.Length, (await s.Ledger.PageAsync(new LedgerFilter())).Total);
            }
        }
    }
}
