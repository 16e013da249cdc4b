using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>What one sweep did.</summary>
public sealed record OverdueSweepResult(DateOnly Today, int Entered, int Exited);

/// <summary>
/// Persists the overdue register: enters every open milestone past its due date plus its region's grace
/// (<see cref="OverdueEntry"/>, with a timeline event) and closes entries whose milestone was met or waived
/// or whose contract was terminated elsewhere. Idempotent: a second run on the same day changes nothing.
/// The job scheduler calls <see cref="RunAsync"/>; it needs the system scope (it sees every region).
/// </summary>
/// <remarks>
/// Per region it reads "open, due on or before the cutoff, no entry yet" through the partial index
/// IX_Milestones_Open_RegionId_DueDate (only open milestones are in it) and the unique index on
/// OverdueEntries.MilestoneId, in batches of <see cref="BatchSize"/>.
/// </remarks>
public sealed class OverdueSweep(LvyueDbContext db)
{
    public const int BatchSize = 2000;

    private static readonly MilestoneStatus[] Open = Milestone.OpenStatuses;
    private static readonly ContractStatus[] Active = [ContractStatus.Filed, ContractStatus.Performing];

    /// <summary>Runs the sweep as of <paramref name="now"/> (its date in China decides what is overdue).</summary>
    public async Task<OverdueSweepResult> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!db.Scope.All) throw DomainException.Forbidden();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).DateTime);
        var at = now.UtcDateTime;
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        var graces = await db.PerformancePolicies.AsNoTracking().ToDictionaryAsync(p => p.RegionId, p => p.GraceWorkingDays, ct);
        var entered = 0;
        foreach (var region in regions)
        {
            var grace = graces.GetValueOrDefault(region, PerformancePolicy.DefaultGraceWorkingDays);
            var cutoff = calendar.LastDueDatePastGrace(today, grace);
            entered += await EnterAsync(region, cutoff, today, grace, at, ct);
        }
        var exited = await ExitAsync(today, ct);
        return new OverdueSweepResult(today, entered, exited);
    }

    private async Task<int> EnterAsync(long region, DateOnly cutoff, DateOnly today, int grace, DateTime at, CancellationToken ct)
    {
        var total = 0;
        var after = 0L;
        for (var attempt = 0; ;)
        {
            var batch = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.RegionId == region && Open.Contains(m.Status) && m.DueDate != null && m.DueDate <= cutoff && m.Id > after
                            && !db.OverdueEntries.IgnoreQueryFilters().Any(o => o.MilestoneId == m.Id)
                            && db.Contracts.IgnoreQueryFilters().Any(c => c.Id == m.ContractId && Active.Contains(c.Status)))
                .OrderBy(m => m.Id).Take(BatchSize)
                .Select(m => new
                {
                    m.Id, m.ContractId, m.BudgetUnitId, m.ResponsibleParty, Due = m.DueDate!.Value, m.Kind, m.Title, m.Amount,
                    Supplier = db.ContractSuppliers.Where(s => s.ContractId == m.ContractId).OrderBy(s => s.SortOrder).Select(s => (long?)s.SupplierId).FirstOrDefault(),
                })
                .ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var m in batch)
            {
                db.OverdueEntries.Add(OverdueRegister.NewEntry(m.Id, m.ContractId, region, m.BudgetUnitId, m.Supplier, m.ResponsibleParty, m.Due, today, grace, at));
                db.ContractEvents.Add(new ContractEvent
                {
                    ContractId = m.ContractId, Kind = Timeline.OverdueEntered, At = at, Actor = db.Scope.Actor,
                    Note = $"进入逾期执行库：{MilestoneLabels.Kinds[m.Kind].Zh}“{m.Title}”（{m.Due:yyyy-MM-dd}到期，容错{grace}个工作日"
                           + (m.Amount is { } a ? $"，{Money.Format(a)}）" : "）"),
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
                total += batch.Count;
                after = batch[^1].Id;
            }
            catch (DbUpdateException) when (attempt++ < 3)
            {
                // Another instance entered some of these at the same moment (unique MilestoneId): read again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> ExitAsync(DateOnly today, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.OverdueEntries.IgnoreQueryFilters()
                .Where(o => o.ExitedOn == null && (
                    db.Milestones.IgnoreQueryFilters().Any(m => m.Id == o.MilestoneId && (m.Status == MilestoneStatus.Met || m.Status == MilestoneStatus.Waived))
                    || db.Contracts.IgnoreQueryFilters().Any(c => c.Id == o.ContractId && c.Status == ContractStatus.Terminated)))
                .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return total;
            var ids = batch.Select(o => o.MilestoneId).ToList();
            var milestones = await db.Milestones.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            var terminated = await db.Contracts.IgnoreQueryFilters().Where(c => c.Status == ContractStatus.Terminated && batch.Select(o => o.ContractId).Contains(c.Id))
                .Select(c => c.Id).ToListAsync(ct);
            foreach (var o in batch)
            {
                var m = milestones[o.MilestoneId];
                var reason = m.Status switch
                {
                    MilestoneStatus.Met => OverdueExit.CompletedUnderSupervision,
                    MilestoneStatus.Waived => OverdueExit.Waived,
                    _ => OverdueExit.Terminated,
                };
                if (reason == OverdueExit.Terminated && !terminated.Contains(o.ContractId)) continue;
                OverdueRegister.Exit(db, o, m, o.RegionId, reason, today);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
