using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>Moving a contract to the termination register and recording the dispute's outcome for credit.</summary>
public sealed class TerminationRegisterTests
{
    [Theory, BothDatabases]
    public async Task ASupervisor_TerminatesAContractAndTheOutcomeGoesToCredit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001", status: ContractStatus.Performing);
        long doc;
        await using (var s = db.Scope(world.Clerk))
        {
            var m = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 2, 20))));
            doc = await s.Db.ContractDocuments.Where(d => d.ContractId == c.Id).Select(d => d.Id).FirstAsync();
        }
        await using (var sys = db.AsSystem())
            Assert.Equal(1, (await sys.Get<OverdueSweep>().RunAsync(db.Clock.GetUtcNow())).Entered);

        await using (var sup = db.Scope(world.Supervisor))
        {
            var reg = sup.Get<TerminationRegister>();
            var noReason = await Assert.ThrowsAsync<DomainException>(() => reg.MoveAsync(c.Id, "", []));
            Assert.True(noReason.Errors.ContainsKey("reason"));
            var entry = await reg.MoveAsync(c.Id, "供应商逾期60日仍未交货，经约谈无改善", [doc]);
            var again = await Assert.ThrowsAsync<DomainException>(() => reg.MoveAsync(c.Id, "重复", []));
            Assert.Equal(ErrorKind.Conflict, again.Kind);
            var row = Assert.Single(await reg.ListAsync());
            Assert.Equal(("JY-001", doc), (row.ContractNumber, Assert.Single(row.Documents).Id));

            await reg.RecordOutcomeAsync(entry.Id, BreachingParty.Supplier, null, "仲裁裁决供应商违约");
            var twice = await Assert.ThrowsAsync<DomainException>(() => reg.RecordOutcomeAsync(entry.Id, BreachingParty.Neither, null, "x"));
            Assert.Equal(ErrorKind.Conflict, twice.Kind);
        }

        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Terminated, (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Status);
        Assert.Equal(OverdueExit.Terminated, (await check.Db.OverdueEntries.SingleAsync()).ExitReason);
        var credit = await check.Db.CreditEvents.SingleAsync();
        Assert.Equal((CreditPartyKind.Supplier, world.Supplier.Id, CreditEvent.TerminationBreach, true, c.Id),
            (credit.PartyKind, credit.PartyId, credit.Kind, credit.CountsAsDishonest, credit.ContractId));
        var events = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).OrderBy(e => e.Id).ToListAsync();
        var termination = events.Single(e => e.Kind == "termination");
        Assert.Equal((ContractStatus.Performing, ContractStatus.Terminated), (termination.FromStatus, termination.ToStatus));
        Assert.Contains(events, e => e.Kind == "termination-outcome");
        Assert.Contains(events, e => e.Kind == "overdue-exited");
    }

    [Theory, BothDatabases]
    public async Task OnlyTheRegionsSupervisor_MovesOnlyContractsInPerformance(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var draft = await PerformanceWorld.ContractAsync(db, world, "JY-001", status: ContractStatus.Draft);
        var filed = await PerformanceWorld.ContractAsync(db, world, "JY-002");
        await using (var clerk = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<TerminationRegister>().MoveAsync(filed.Id, "x", []));
            Assert.Equal(ErrorKind.Forbidden, e.Kind);
        }
        await using var sup = db.Scope(world.Supervisor);
        var conflict = await Assert.ThrowsAsync<DomainException>(() => sup.Get<TerminationRegister>().MoveAsync(draft.Id, "x", []));
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        var entry = await sup.Get<TerminationRegister>().MoveAsync(filed.Id, "采购需求取消，双方协商解除", []);
        await sup.Get<TerminationRegister>().RecordOutcomeAsync(entry.Id, BreachingParty.Neither, null, "协商一致解除，双方均无违约");
        var credit = await sup.Db.CreditEvents.SingleAsync();
        Assert.Equal((CreditEvent.TerminationNoBreach, false), (credit.Kind, credit.CountsAsDishonest));
    }
}
