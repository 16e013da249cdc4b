using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>Adding milestones, their validation and tenancy, and how meeting one dates the rules that count from it.</summary>
public sealed class MilestoneServiceTests
{
    [Theory, BothDatabases]
    public async Task APaymentDueAfterAcceptance_StaysARuleUntilTheAcceptanceIsMet(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        await using var s = db.Scope(world.Clerk);
        var svc = s.Get<MilestoneService>();

        var acceptance = Assert.Single(await svc.AddAsync(c.Id, new MilestoneInput
            { Kind = MilestoneKind.Acceptance, Title = "终验", DueDate = new(2026, 6, 30), ResponsibleParty = ResponsibleParty.Purchaser }));
        var pay = Assert.Single(await svc.AddAsync(c.Id, new MilestoneInput
        {
            Kind = MilestoneKind.PaymentInstallment, Title = "验收款", Amount = 60_000m, ResponsibleParty = ResponsibleParty.Purchaser,
            RuleTrigger = DueTrigger.Milestone, TriggerMilestoneId = acceptance.Id, RuleOffsetDays = 15, RuleDayCount = DayCount.Working,
            RuleText = "验收合格后15个工作日内",
        }));
        Assert.Null(pay.DueDate);

        await svc.SetStatusAsync(acceptance.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = new(2026, 3, 2), Note = "终验合格" });

        await using var check = db.AsSystem();
        var row = await check.Db.Milestones.SingleAsync(m => m.Id == pay.Id);
        Assert.Equal(new DateOnly(2026, 3, 23), row.DueDate);
        var kinds = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["created", "document", "milestones", "milestones", "milestone-status", "milestone-scheduled"], kinds);
        var audited = await check.Db.AuditEntries.Where(a => a.EntityType == "Milestone").Select(a => a.Action).ToListAsync();
        Assert.Contains("insert", audited);
        Assert.Contains("update", audited);
    }

    [Theory, BothDatabases]
    public async Task AMilestoneDueBeforeTheContractStarts_IsRefusedAndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        await using var s = db.Scope(world.Clerk);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<MilestoneService>().AddManyAsync(c.Id,
            [PerformanceWorld.Delivery(new(2026, 6, 1)), PerformanceWorld.Delivery(new(2026, 2, 19))], MilestoneSource.Manual));
        Assert.Equal(ErrorKind.Invalid, e.Kind);
        Assert.Contains("2026-02-20", Assert.Single(e.Errors["[1].dueDate"]).Zh);
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.Milestones.CountAsync());
        Assert.DoesNotContain(await check.Db.ContractEvents.Select(x => x.Kind).ToListAsync(), k => k == "milestones");
    }

    [Theory, BothDatabases]
    public async Task NegativeAmountsAndInstallmentsAboveTheContractAmount_AreRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001", amount: 100_000m);
        await using var s = db.Scope(world.Clerk);
        var svc = s.Get<MilestoneService>();

        var negative = await Assert.ThrowsAsync<DomainException>(() => svc.AddAsync(c.Id, PerformanceWorld.Payment(new(2026, 4, 1), -1m)));
        Assert.True(negative.Errors.ContainsKey("amount"));
        await svc.AddAsync(c.Id, PerformanceWorld.Payment(new(2026, 4, 1), 70_000m));
        var above = await Assert.ThrowsAsync<DomainException>(() => svc.AddAsync(c.Id, PerformanceWorld.Payment(new(2026, 9, 1), 30_000.01m)));
        Assert.Contains("超过合同金额", Assert.Single(above.Errors["amount"]).Zh);
        var neither = await Assert.ThrowsAsync<DomainException>(() => svc.AddAsync(c.Id, new MilestoneInput { Kind = MilestoneKind.Custom }));
        Assert.True(neither.Errors.ContainsKey("dueDate"));

        await svc.AddAsync(c.Id, PerformanceWorld.Payment(new(2026, 9, 1), 30_000m));
        await using var check = db.AsSystem();
        Assert.Equal(100_000m, (await check.Db.Milestones.Select(m => m.Amount).ToListAsync()).Sum());
    }

    [Theory, BothDatabases]
    public async Task AMonthlyServiceReport_GeneratesItsOccurrencesWithinTheTerm(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        await using var s = db.Scope(world.Clerk);

        var added = await s.Get<MilestoneService>().AddAsync(c.Id, new MilestoneInput
        {
            Kind = MilestoneKind.ServiceReport, Title = "月度服务报告", DueDate = new(2026, 3, 31), Recurrence = Recurrence.Monthly,
            ResponsibleParty = ResponsibleParty.Supplier,
        });

        Assert.Equal(12, added.Count); // every month end from 31 March 2026 to the contract's end, 28 February 2027
        Assert.Equal(new DateOnly(2026, 4, 30), added[1].DueDate);
        Assert.Equal(new DateOnly(2027, 2, 28), added[^1].DueDate);
        Assert.Single(added.Select(m => m.SeriesKey).Distinct());
        Assert.All(added, m => Assert.Equal(MilestoneSource.Recurrence, m.Source));
    }

    [Theory, BothDatabases]
    public async Task AClerkOfAnotherUnit_FindsNoMilestoneToChangeOrRead(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        Milestone m;
        await using (var s = db.Scope(world.Clerk))
            m = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 4, 1))));

        await using var other = db.Scope(world.OtherClerk);
        var notFound = await Assert.ThrowsAsync<DomainException>(() =>
            other.Get<MilestoneService>().SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met }));
        Assert.Equal(ErrorKind.NotFound, notFound.Kind);
        var add = await Assert.ThrowsAsync<DomainException>(() => other.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 4, 1))));
        Assert.Equal(ErrorKind.NotFound, add.Kind);
        Assert.Null(await other.Get<ScheduleQuery>().ForContractAsync(c.Id));
        Assert.Empty(await other.Db.Milestones.ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task ASupplier_SeesOnlyItsOwnObligations(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var mine = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        var theirs = await PerformanceWorld.ContractAsync(db, world, "WS-001", other: true);
        await using (var s = db.Scope(world.Clerk))
            await s.Get<MilestoneService>().AddManyAsync(mine.Id,
                [PerformanceWorld.Delivery(new(2026, 4, 1)), PerformanceWorld.Payment(new(2026, 5, 1), 10_000m)], MilestoneSource.Manual);
        await using (var s = db.Scope(world.OtherClerk))
            await s.Get<MilestoneService>().AddAsync(theirs.Id, PerformanceWorld.Delivery(new(2026, 4, 2)));

        await using var sup = db.Scope(world.SupplierLogin);
        var obligations = await sup.Get<ScheduleQuery>().ObligationsAsync(openOnly: false);
        var only = Assert.Single(obligations);
        Assert.Equal((mine.Id, MilestoneKind.Delivery), (only.ContractId, only.Kind));
        var due = await sup.Get<ScheduleQuery>().DueAsync(new(2026, 3, 1), new(2026, 5, 31));
        Assert.Equal([mine.Id], due.Select(r => r.ContractId));
        await Assert.ThrowsAsync<DomainException>(() => db.Scope(world.Clerk).Get<ScheduleQuery>().ObligationsAsync(false));
    }

    [Theory, BothDatabases]
    public async Task StatusChanges_FollowTheLifecycleAndNeedReasonsAndTheContractsOwnEvidence(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        var other = await PerformanceWorld.ContractAsync(db, world, "JY-002");
        await using var s = db.Scope(world.Clerk);
        var svc = s.Get<MilestoneService>();
        var m = Assert.Single(await svc.AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 4, 1))));
        var foreignDoc = await s.Db.ContractDocuments.Where(d => d.ContractId == other.Id).Select(d => d.Id).FirstAsync();
        var ownDoc = await s.Db.ContractDocuments.Where(d => d.ContractId == c.Id).Select(d => d.Id).FirstAsync();

        var noReason = await Assert.ThrowsAsync<DomainException>(() => svc.SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Waived }));
        Assert.True(noReason.Errors.ContainsKey("note"));
        var future = await Assert.ThrowsAsync<DomainException>(() => svc.SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = new(2026, 3, 3) }));
        Assert.True(future.Errors.ContainsKey("metDate"));
        var foreign = await Assert.ThrowsAsync<DomainException>(() => svc.SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, EvidenceDocumentId = foreignDoc }));
        Assert.True(foreign.Errors.ContainsKey("evidenceDocumentId"));

        var met = await svc.SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, EvidenceDocumentId = ownDoc, Note = "到货签收单" });
        Assert.Equal((MilestoneStatus.Met, new DateOnly(2026, 3, 2), ownDoc), (met.Status, met.MetDate!.Value, met.EvidenceDocumentId));
        var again = await Assert.ThrowsAsync<DomainException>(() => svc.SetStatusAsync(m.Id, new MilestoneStatusChange { Status = MilestoneStatus.Missed, Note = "x" }));
        Assert.Equal(ErrorKind.Conflict, again.Kind);
    }
}
