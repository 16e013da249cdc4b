using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>The overdue register computed from the clock, its sweep, supervision and exit.</summary>
public sealed class OverdueRegisterTests
{
    [Theory, BothDatabases]
    public async Task TheRegister_TakesAMilestoneOnlyAfterItsGraceAndMovesWithTheClock(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001", amount: 200_000m);
        await using (var s = db.Scope(world.Clerk))
            await s.Get<MilestoneService>().AddManyAsync(c.Id,
                [PerformanceWorld.Delivery(new(2026, 2, 25)), PerformanceWorld.Payment(new(2026, 2, 26), 50_000m)], MilestoneSource.Manual);

        await using (var sup = db.Scope(world.Supervisor))
        {
            // Monday 2 March: the 25 Feb delivery's grace (26, 27 Feb and the worked Saturday 28 Feb) is over; 26 Feb's is not.
            var page = await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter());
            var row = Assert.Single(page.Rows);
            Assert.Equal((MilestoneKind.Delivery, 5, 200_000m, 1_000_000m, ResponsibleParty.Supplier), (row.Kind, row.DaysOverdue, row.AmountAtStake, row.Risk, row.Responsible));
            Assert.Equal(world.Supplier.Name, row.SupplierName);
            Assert.Null(row.EntryId);
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            // The schedule shows the same register before any sweep has persisted it.
            var schedule = await clerk.Get<ScheduleQuery>().ForContractAsync(c.Id);
            Assert.Equal([true, false], schedule!.Milestones.OrderBy(m => m.DueDate).Select(m => m.InOverdueRegister));
        }
        db.Clock.Advance(TimeSpan.FromDays(1));
        await using (var sup = db.Scope(world.Supervisor))
        {
            var page = await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter());
            Assert.Equal([MilestoneKind.Delivery, MilestoneKind.PaymentInstallment], page.Rows.Select(r => r.Kind));
            Assert.Equal([MilestoneKind.PaymentInstallment], (await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter { Sort = "risk", Desc = false })).Rows.Take(1).Select(r => r.Kind));
            Assert.Single((await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter { Responsible = ResponsibleParty.Purchaser })).Rows);
            Assert.Empty((await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter { SupplierId = world.OtherSupplier.Id })).Rows);
        }
        await using (var other = db.Scope(world.OtherClerk))
            Assert.Empty((await other.Get<OverdueRegister>().PageAsync(new OverdueFilter())).Rows);
    }

    [Theory, BothDatabases]
    public async Task TheSweep_EntersOnceAndACompletionUnderSupervisionLeavesNotDishonest(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        var draft = await PerformanceWorld.ContractAsync(db, world, "JY-002", status: ContractStatus.Draft);
        Milestone m;
        await using (var s = db.Scope(world.Clerk))
        {
            m = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 2, 24))));
            await s.Get<MilestoneService>().AddAsync(draft.Id, PerformanceWorld.Delivery(new(2026, 2, 24)));
        }

        await using (var sys = db.AsSystem())
        {
            var first = await sys.Get<OverdueSweep>().RunAsync(db.Clock.GetUtcNow());
            Assert.Equal((new DateOnly(2026, 3, 2), 1, 0), (first.Today, first.Entered, first.Exited));
            var second = await sys.Get<OverdueSweep>().RunAsync(db.Clock.GetUtcNow());
            Assert.Equal((0, 0), (second.Entered, second.Exited));
        }
        await using (var sup = db.Scope(world.Supervisor))
        {
            await sup.Get<OverdueRegister>().SetCloseWatchAsync(m.Id, true);
            await sup.Get<OverdueRegister>().RecordActionAsync(m.Id, SupervisionActionKind.Interview, new(2026, 3, 2), "约谈供应商负责人，承诺3月5日前到货", null);
            var row = Assert.Single((await sup.Get<OverdueRegister>().PageAsync(new OverdueFilter { CloseWatchOnly = true })).Rows);
            Assert.Equal((true, 1, new DateOnly(2026, 3, 2)), (row.CloseWatch, row.ActionCount, row.EnteredOn!.Value));
        }
        db.Clock.Advance(TimeSpan.FromDays(3));
        await using (var s = db.Scope(world.Clerk))
            await s.Get<MilestoneService>().SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, Note = "到货验收单" });

        await using var check = db.AsSystem();
        var entry = await check.Db.OverdueEntries.SingleAsync();
        Assert.Equal((OverdueExit.CompletedUnderSupervision, new DateOnly(2026, 3, 5)), (entry.ExitReason!.Value, entry.ExitedOn!.Value));
        var credit = await check.Db.CreditEvents.SingleAsync();
        Assert.Equal((CreditPartyKind.Supplier, world.Supplier.Id, CreditEvent.OverdueCompleted, false),
            (credit.PartyKind, credit.PartyId, credit.Kind, credit.CountsAsDishonest));
        var kinds = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["overdue-entered", "close-watch", "interview", "milestone-status", "overdue-exited"], kinds.Skip(3));
        await using var sup2 = db.Scope(world.Supervisor);
        Assert.Empty((await sup2.Get<OverdueRegister>().PageAsync(new OverdueFilter())).Rows);
    }

    [Theory, BothDatabases]
    public async Task TheGrace_IsConfigurablePerRegionBySupervisorsOnly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        await using (var s = db.Scope(world.Clerk))
        {
            await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 2, 27)));
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<OverdueRegister>().SetGraceAsync(world.Region.Id, 0));
            Assert.Equal(ErrorKind.Forbidden, e.Kind);
        }
        await using var sup = db.Scope(world.Supervisor);
        var reg = sup.Get<OverdueRegister>();
        Assert.Empty((await reg.PageAsync(new OverdueFilter())).Rows);
        await Assert.ThrowsAsync<DomainException>(() => reg.SetGraceAsync(world.Region.Id, 31));
        await reg.SetGraceAsync(world.Region.Id, 0);
        Assert.Equal(0, await reg.GraceAsync(world.Region.Id));
        Assert.Single((await reg.PageAsync(new OverdueFilter())).Rows);
    }

    [Theory, BothDatabases]
    public async Task SupervisionActions_NeedTheRegionsSupervisorAndAMilestoneInTheRegister(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        Milestone late, onTime;
        await using (var s = db.Scope(world.Clerk))
        {
            late = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 2, 20))));
            onTime = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 4, 20))));
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<OverdueRegister>().SetCloseWatchAsync(late.Id, true));
            Assert.Equal(ErrorKind.Forbidden, e.Kind);
        }
        await using var sup = db.Scope(world.Supervisor);
        var reg = sup.Get<OverdueRegister>();
        var notIn = await Assert.ThrowsAsync<DomainException>(() => reg.SetCloseWatchAsync(onTime.Id, true));
        Assert.Equal(ErrorKind.Conflict, notIn.Kind);
        var empty = await Assert.ThrowsAsync<DomainException>(() => reg.RecordActionAsync(late.Id, SupervisionActionKind.Action, null, " ", null));
        Assert.True(empty.Errors.ContainsKey("note"));
        // Before any sweep, the first action enters the milestone.
        await reg.RecordActionAsync(late.Id, SupervisionActionKind.Action, null, "发出督办函", null);
        Assert.Equal("发出督办函", Assert.Single(await reg.ActionsAsync(late.Id)).Note);
        Assert.Equal(1, await sup.Db.OverdueEntries.CountAsync());
    }
}
