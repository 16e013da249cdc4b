using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Jobs;
using Lvyue.Notifications;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Steps for the reminder and job tests against a running app: milestones on demo contracts, sweeps and job runs inside the app.</summary>
public static class JobsSteps
{
    /// <summary>Runs the app's reminder sweep as its job runner would (system scope).</summary>
    public static async Task<ReminderSweepResult> SweepAsync(LvyueApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobTenantOverride>().Scope = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync();
    }

    /// <summary>Adds an open milestone due <paramref name="inDays"/> days from today (by the app's clock) to each of <paramref name="count"/> contracts of the clerk's unit; returns their ids.</summary>
    public static async Task<List<(long ContractId, long MilestoneId)>> MilestonesAsync(LvyueApp app, int count, int inDays)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var facts = await app.Facts;
        await using var s = app.Database.AsSystem();
        var contracts = await s.Db.Contracts.AsNoTracking().Where(c => c.BudgetUnitId == facts.UnitId).OrderBy(c => c.Id)
            .Select(c => c.Id).Take(count).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = contracts.Select(c => new Milestone
        {
            ContractId = c,
            RegionId = facts.RegionId,
            BudgetUnitId = facts.UnitId,
            Kind = MilestoneKind.Delivery,
            Title = $"交付节点-{c}",
            DueDate = ChinaTime.Today(clock).AddDays(inDays),
            ResponsibleParty = ResponsibleParty.Supplier,
            Status = MilestoneStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        s.Db.Milestones.AddRange(rows);
        await s.Db.SaveChangesAsync();
        return rows.Select(r => (r.ContractId, r.Id)).ToList();
    }

    /// <summary>The id of a demo user.</summary>
    public static async Task<string> UserIdAsync(LvyueApp app, string userName)
    {
        await using var s = app.Database.AsSystem();
        return (await s.Db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).Id;
    }
}
