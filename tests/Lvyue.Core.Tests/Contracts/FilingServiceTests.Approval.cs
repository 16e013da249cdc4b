using System.Text.Json;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Contracts;

/// <summary>Submission, approval by amount band, return, and the performance transitions.</summary>
public sealed partial class FilingServiceTests
{
    [Theory, BothDatabases]
    public async Task Filing_SendsAmountsBelow200000ToTheUnitLeader(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var (c, task) = await SubmitAsync(db, world, "JY-2026-001", 199_999.99m);
        Assert.Equal(ApprovalLevel.UnitLeader, task.Level);

        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Filing.ApproveAsync(task.Id, null))).Kind);
        await using (var supervisor = db.Scope(world.Supervisor))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => supervisor.Filing.ApproveAsync(task.Id, null))).Kind);
        await using (var leader = db.Scope(world.Leader))
            Assert.Equal(ContractStatus.Filed, (await leader.Filing.ApproveAsync(task.Id, "同意")).Status);

        await using var check = db.AsSystem();
        var decided = await check.Db.ApprovalTasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal((ApprovalState.Approved, world.Leader.Actor, "同意"), (decided.State, decided.DecidedBy, decided.Reason));
        Assert.Equal(ContractStatus.Filed, (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Theory, BothDatabases]
    public async Task Filing_SendsAmountsFrom200000ToTheSupervisingAuthority(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var (c, task) = await SubmitAsync(db, world, "JY-2026-001", 200_000m);
        Assert.Equal(ApprovalLevel.Authority, task.Level);

        await using (var leader = db.Scope(world.Leader))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => leader.Filing.ApproveAsync(task.Id, null))).Kind);
        await using (var supervisor = db.Scope(world.Supervisor))
            await supervisor.Filing.ApproveAsync(task.Id, null);

        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Filed, (await check.Db.Contracts.SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesToSubmitADraftWithoutItsDocument(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001"));

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.SubmitAsync(c.Id));

        Assert.True(e.Errors.ContainsKey("documents"));
        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Draft, (await check.Db.Contracts.SingleAsync()).Status);
        Assert.Equal(0, await check.Db.ApprovalTasks.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Filing_ReturnNeedsAReasonAndSendsTheFilingBackToDraft(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var (c, task) = await SubmitAsync(db, world, "JY-2026-001", 50_000m);
        await using var leader = db.Scope(world.Leader);

        var e = await Assert.ThrowsAsync<DomainException>(() => leader.Filing.ReturnAsync(task.Id, "  "));
        Assert.True(e.Errors.ContainsKey("reason"));
        var returned = await leader.Filing.ReturnAsync(task.Id, "缺少中标通知书");

        Assert.Equal(ContractStatus.Draft, returned.Status);
        await using var check = db.AsSystem();
        var t = await check.Db.ApprovalTasks.SingleAsync(x => x.Id == task.Id);
        Assert.Equal((ApprovalState.Returned, "缺少中标通知书"), (t.State, t.Reason));
        var ev = await check.Db.ContractEvents.Where(x => x.ContractId == c.Id).OrderBy(x => x.Id).LastAsync();
        Assert.Equal(("returned", ContractStatus.PendingApproval, ContractStatus.Draft, "缺少中标通知书"), (ev.Kind, ev.FromStatus, ev.ToStatus, ev.Note));

        await using var clerk = db.Scope(world.Clerk);
        var again = await clerk.Filing.SubmitAsync(c.Id);
        Assert.NotEqual(task.Id, again.Id);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesIllegalTransitions(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var (c, task) = await SubmitAsync(db, world, "JY-2026-001", 50_000m);

        await Conflict(world.Clerk, f => f.SubmitAsync(c.Id));                                          // pending → pending
        await Conflict(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Performing, null));   // pending → performing
        await Conflict(world.Clerk, f => f.UpdateDraftAsync(c.Id, world.Input("JY-2026-001")));         // edit while pending
        await As(world.Leader, f => f.ApproveAsync(task.Id, null));
        await Conflict(world.Leader, f => f.ApproveAsync(task.Id, null));                               // decided twice
        await Conflict(world.Leader, f => f.ReturnAsync(task.Id, "晚了"));                              // returned after approval
        await Conflict(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Completed, "验收"));  // filed → completed
        await Conflict(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Draft, null));       // filed → draft
        var noReason = await Assert.ThrowsAsync<DomainException>(() => As(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Terminated, " ")));
        Assert.True(noReason.Errors.ContainsKey("note"));
        await As(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Terminated, "供应商严重违约"));
        await Conflict(world.Clerk, f => f.ChangeStatusAsync(c.Id, ContractStatus.Performing, null));   // terminated is final

        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Terminated, (await check.Db.Contracts.SingleAsync()).Status);

        // Each call is its own request, with its own context, as in the web app.
        async Task As(TenantScope who, Func<FilingService, Task> act)
        {
            await using var s = db.Scope(who);
            await act(s.Filing);
        }

        async Task Conflict(TenantScope who, Func<FilingService, Task> act) =>
            Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => As(who, act))).Kind);
    }

    [Theory, BothDatabases]
    public async Task Filing_RecordsAnEventAndAnAuditRowForEveryTransition(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await FileAsync(db, world, "JY-2026-001", 50_000m);
        await using (var s = db.Scope(world.Clerk))
        {
            db.Clock.Advance(TimeSpan.FromDays(1));
            await s.Filing.ChangeStatusAsync(c.Id, ContractStatus.Performing, null);
            db.Clock.Advance(TimeSpan.FromDays(300));
            await s.Filing.ChangeStatusAsync(c.Id, ContractStatus.Completed, "验收合格");
        }

        await using var check = db.AsSystem();
        var events = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id && e.ToStatus != null).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                ("created", null, ContractStatus.Draft),
                ("submitted", ContractStatus.Draft, ContractStatus.PendingApproval),
                ("approved", ContractStatus.PendingApproval, ContractStatus.Filed),
                ("status", ContractStatus.Filed, ContractStatus.Performing),
                ("status", ContractStatus.Performing, ContractStatus.Completed),
            ],
            events.Select(e => (e.Kind, e.FromStatus, (ContractStatus?)e.ToStatus!.Value)));
        Assert.Equal([world.Clerk.Actor, world.Clerk.Actor, world.Leader.Actor, world.Clerk.Actor, world.Clerk.Actor], events.Select(e => e.Actor));
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, events[^1].At);

        var updates = await check.Db.AuditEntries
            .Where(a => a.EntityType == "Contract" && a.EntityId == c.Id.ToString() && a.Action == "update").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            ["Draft>PendingApproval", "PendingApproval>Filed", "Filed>Performing", "Performing>Completed"],
            updates.Select(a => StatusOf(a.Before) + ">" + StatusOf(a.After)));
        Assert.Equal([world.Clerk.Actor, world.Leader.Actor, world.Clerk.Actor, world.Clerk.Actor], updates.Select(a => a.Actor));
        var eventInserts = await check.Db.AuditEntries.CountAsync(a => a.EntityType == "ContractEvent" && a.Action == "insert");
        Assert.Equal(await check.Db.ContractEvents.CountAsync(), eventInserts);
    }

    /// <summary>The status in an audit row's before/after JSON, by name.</summary>
    private static string StatusOf(string? json)
    {
        var status = JsonDocument.Parse(json!).RootElement.GetProperty("Status");
        return status.ValueKind == JsonValueKind.String ? status.GetString()! : ((ContractStatus)status.GetInt32()).ToString();
    }

    private static async Task<(Contract Contract, ApprovalTask Task)> SubmitAsync(TestDatabase db, TestWorld world, string number, decimal amount)
    {
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input(number, amount), [TestFiles.Txt()]);
        var task = await s.Filing.SubmitAsync(c.Id);
        Assert.Equal(ContractStatus.PendingApproval, c.Status);
        return (c, task);
    }

    /// <summary>Creates, submits and approves a contract: it ends Filed.</summary>
    private static async Task<Contract> FileAsync(TestDatabase db, TestWorld world, string number, decimal amount)
    {
        var (c, task) = await SubmitAsync(db, world, number, amount);
        await using var approver = db.Scope(task.Level == ApprovalLevel.UnitLeader ? world.Leader : world.Supervisor);
        return await approver.Filing.ApproveAsync(task.Id, "同意备案");
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesASupervisorEditingOrSubmittingAUnitsDraft(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        Contract draft;
        await using (var clerk = db.Scope(world.Clerk)) draft = await clerk.Filing.CreateAsync(world.Input("JY-2026-050"), [TestFiles.Txt()]);

        await using var s = db.Scope(world.Supervisor);
        var edit = await Assert.ThrowsAsync<DomainException>(() => s.Filing.UpdateDraftAsync(draft.Id, world.Input("JY-2026-051")));
        var submit = await Assert.ThrowsAsync<DomainException>(() => s.Filing.SubmitAsync(draft.Id));

        Assert.Equal(ErrorKind.Forbidden, edit.Kind);
        Assert.Equal(ErrorKind.Forbidden, submit.Kind);
        await using var check = db.AsSystem();
        var row = await check.Db.Contracts.SingleAsync(c => c.Id == draft.Id);
        Assert.Equal(("JY-2026-050", ContractStatus.Draft), (row.Number, row.Status));
    }
}
