using Lvyue.Common;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;
using Lvyue.Testing;
using Lvyue.Tests.Performance.Payments;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance.Changes;

/// <summary>Changes: request, approval by the unit's leader, versioning the ledger, the 10% rule, bad input.</summary>
public sealed class ChangeServiceTests
{
    [Theory, BothDatabases]
    public async Task ApprovedAmountIncrease_VersionsTheLedgerAndCommitsTheBudget(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        long versionBefore;
        await using (var s = db.AsSystem()) versionBefore = (await s.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Version;

        ContractChange change;
        await using (var clerk = db.Scope(world.Clerk))
            change = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = 4_000m, Reason = "增加保洁面积" }, TestFiles.Pdf("补充协议.pdf"));
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<ChangeService>().ApproveAsync(change.Id, null))).Kind);
        await using (var leader = db.Scope(world.Leader))
            await leader.Get<ChangeService>().ApproveAsync(change.Id, "同意");

        await using var check = db.AsSystem();
        var contract = await check.Db.Contracts.SingleAsync(x => x.Id == c.Id);
        Assert.Equal(54_000m, contract.Amount);
        Assert.True(contract.Version > versionBefore);
        Assert.Equal(54_000m, (await check.Db.BudgetLines.SingleAsync(l => l.Id == world.Line.Id)).Committed);
        var stored = await check.Db.ContractChanges.SingleAsync();
        Assert.Equal((ChangeState.Approved, 50_000m, 54_000m, 50_000m, 4_000m, false),
            (stored.State, stored.AmountBefore, stored.AmountAfter, stored.OriginalAmount, stored.CumulativeIncrease, stored.NonCompliant));
        Assert.NotNull(stored.DocumentId);
        var kinds = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).Select(e => e.Kind).ToListAsync();
        Assert.Contains("change-requested", kinds);
        Assert.Contains("change-approved", kinds);
        Assert.Empty(await check.Db.ComplianceAlerts.ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task CumulativeIncreaseAboveTenPercentOfTheOriginal_IsFlaggedOnTheChangeAndTheContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        // +3,000, −1,000 (a decrease does not give back room), +2,500: increases 5,500 > 10% of 50,000.
        foreach (var delta in new[] { 3_000m, -1_000m, 2_500m })
        {
            ContractChange ch;
            await using (var clerk = db.Scope(world.Clerk))
                ch = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = delta, Reason = "追加" });
            await using var leader = db.Scope(world.Leader);
            await leader.Get<ChangeService>().ApproveAsync(ch.Id, null);
        }

        await using var check = db.AsSystem();
        var changes = await check.Db.ContractChanges.OrderBy(x => x.SequenceNo).ToListAsync();
        Assert.Equal([false, false, true], changes.Select(x => x.NonCompliant));
        Assert.Equal(5_500m, changes[2].CumulativeIncrease);
        Assert.Equal(50_000m, changes[2].OriginalAmount);
        Assert.Equal(54_500m, (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Amount);
        var alert = await check.Db.ComplianceAlerts.SingleAsync();
        Assert.Equal((AlertKind.ChangeOverTenPercent, changes[2].Id, 500m, c.Id), (alert.Kind, alert.ChangeId, alert.Amount, alert.ContractId));
        Assert.Contains("第四十九条", alert.Message);
        var approved = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id && e.Kind == "change-approved").Select(e => e.Note!).ToListAsync();
        Assert.Equal(3, approved.Count);
        Assert.Contains(approved, n => n.Contains("累计第3次生效变更") && n.Contains("第四十九条") && n.Contains("第3次金额变更（多次小额变更）"));
        Assert.DoesNotContain(approved.Take(2), n => n.Contains("多次小额变更"));
    }

    [Theory, BothDatabases]
    public async Task AChangeMakingTheAmountNegative_IsRefusedAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        int events;
        await using (var s = db.AsSystem()) events = await s.Db.ContractEvents.CountAsync(e => e.ContractId == c.Id);

        await using (var clerk = db.Scope(world.Clerk))
        {
            var service = clerk.Get<ChangeService>();
            var e = await Assert.ThrowsAsync<DomainException>(() =>
                service.RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = -60_000m, Reason = "减少" }, TestFiles.Pdf()));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
            Assert.Contains("amountDelta", e.Errors.Keys);
            Assert.Contains(e.Errors["amountDelta"], m => m.Zh.Contains("不能为负数"));
            // Missing reason and an amount change with both forms given.
            var both = await Assert.ThrowsAsync<DomainException>(() =>
                service.RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = 1m, NewAmount = 2m }));
            Assert.Contains("reason", both.Errors.Keys);
            Assert.Contains("newAmount", both.Errors.Keys);
        }

        await using var check = db.AsSystem();
        Assert.Empty(await check.Db.ContractChanges.ToListAsync());
        Assert.Equal(events, await check.Db.ContractEvents.CountAsync(e => e.ContractId == c.Id));
        Assert.Single(await check.Db.ContractDocuments.Where(d => d.ContractId == c.Id).ToListAsync());
        Assert.Equal(50_000m, (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Amount);
    }

    [Theory, BothDatabases]
    public async Task TermExtension_ChangesTheEndDateAndShowsOnTheTimeline(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        ContractChange ch;
        await using (var clerk = db.Scope(world.Clerk))
            ch = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Term, NewEndDate = new DateOnly(2027, 6, 30), Reason = "工期顺延" });
        await using (var leader = db.Scope(world.Leader))
        {
            await leader.Get<ChangeService>().ApproveAsync(ch.Id, null);
            var again = await Assert.ThrowsAsync<DomainException>(() => leader.Get<ChangeService>().ApproveAsync(ch.Id, null));
            Assert.Equal(ErrorKind.Conflict, again.Kind);
        }

        await using var check = db.AsSystem();
        Assert.Equal(new DateOnly(2027, 6, 30), (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).EndDate);
        var stored = await check.Db.ContractChanges.SingleAsync();
        Assert.Equal((new DateOnly(2027, 2, 28), new DateOnly(2027, 6, 30)), (stored.EndDateBefore!.Value, stored.EndDateAfter!.Value));
        var note = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id && e.Kind == "change-approved").Select(e => e.Note).SingleAsync();
        Assert.Contains("合同期限延长 2027-02-28 → 2027-06-30（+122天）", note);
    }

    [Theory, BothDatabases]
    public async Task Rejection_NeedsAReasonAndLeavesTheLedger_PartiesChangeReplacesTheLeadSupplier(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        ContractChange amount, parties;
        await using (var clerk = db.Scope(world.Clerk))
        {
            amount = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, NewAmount = 60_000m, Reason = "调价" });
            parties = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Parties, NewSupplierId = world.OtherSupplier.Id, Reason = "原供应商分立" });
        }
        await using (var leader = db.Scope(world.Leader))
        {
            var svc = leader.Get<ChangeService>();
            Assert.Contains("note", (await Assert.ThrowsAsync<DomainException>(() => svc.RejectAsync(amount.Id, " "))).Errors.Keys);
            await svc.RejectAsync(amount.Id, "超出预算");
            await svc.ApproveAsync(parties.Id, null);
        }

        await using var check = db.AsSystem();
        var contract = await check.Db.Contracts.Include(x => x.Suppliers).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(50_000m, contract.Amount);
        Assert.Equal([world.OtherSupplier.Id], contract.Suppliers.Select(s => s.SupplierId));
        Assert.Contains(world.OtherSupplier.Uscc.ToLowerInvariant(), contract.SearchText);
        var changes = await check.Db.ContractChanges.OrderBy(x => x.SequenceNo).ToListAsync();
        Assert.Equal([ChangeState.Rejected, ChangeState.Approved], changes.Select(x => x.State));
        Assert.Equal((world.Supplier.Id, world.OtherSupplier.Id), (changes[1].SupplierIdBefore!.Value, changes[1].SupplierIdAfter!.Value));
    }

    [Theory, BothDatabases]
    public async Task ADraftCannotBeChanged_AndAnotherUnitCannotRequest(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var filed = await PaymentsWorld.FiledAsync(db, world);
        long draftId;
        await using (var clerk = db.Scope(world.Clerk)) draftId = (await clerk.Filing.CreateAsync(world.Input("JY-2026-002"))).Id;
        var input = new ChangeInput { Kind = ChangeKind.Scope, Description = "增加绿化养护", Reason = "需要" };
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<ChangeService>().RequestAsync(draftId, input))).Kind);
        await using (var other = db.Scope(world.OtherClerk))
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => other.Get<ChangeService>().RequestAsync(filed.Id, input))).Kind);
        await using (var supervisor = db.Scope(world.Supervisor))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => supervisor.Get<ChangeService>().RequestAsync(filed.Id, input))).Kind);
    }
}
