using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>A milestone as schedules and calendars show it.</summary>
public sealed record MilestoneRow(
    long Id, long ContractId, string ContractNumber, string ContractTitle, string UnitName, int Sequence,
    MilestoneKind Kind, string Title, DateOnly? DueDate, string? Rule, string? RuleText, decimal? Amount,
    ResponsibleParty Responsible, MilestoneStatus Status, MilestoneStatus ShownStatus, DateOnly? MetDate,
    long? EvidenceDocumentId, string? EvidenceDocumentName, string? EvidenceNote, long? TriggerMilestoneId,
    string? SeriesKey, MilestoneSource Source, bool InOverdueRegister, bool CloseWatch, long Version)
{
    /// <summary>The OCDS milestoneStatus code.</summary>
    public string OcdsStatus => MilestoneLabels.ToOcds(Status);
}

/// <summary>A contract's schedule with its totals.</summary>
public sealed record ContractSchedule(
    long ContractId, string Number, string Title, decimal Amount, ContractStatus ContractStatus, DateOnly? Start, DateOnly? EndDate,
    long BudgetUnitId, bool CanEdit, bool CanSupervise, IReadOnlyList<MilestoneRow> Milestones, decimal InstallmentTotal,
    IReadOnlyList<(long Id, string Name, int Version)> Documents, TerminationEntry? Termination, DateOnly Today);

/// <summary>
/// Reads schedules: a contract's schedule, what falls due in a period for the caller (a unit's calendar,
/// a region for supervisors), and a supplier's own obligations. Tenancy comes from the query filters.
/// </summary>
public sealed class ScheduleQuery(LvyueDbContext db)
{
    private DateOnly Today => ChinaTime.Today(db.Clock);

    /// <summary>The schedule of a contract, or null when the caller cannot see the contract.</summary>
    public async Task<ContractSchedule?> ForContractAsync(long contractId, CancellationToken ct = default)
    {
        var c = await db.Contracts.AsNoTracking().Include(x => x.BudgetUnit).FirstOrDefaultAsync(x => x.Id == contractId, ct);
        if (c is null) return null;
        var rows = await RowsAsync(db.Milestones.Where(m => m.ContractId == contractId), ct);
        var docs = await db.ContractDocuments.AsNoTracking().Where(d => d.ContractId == contractId)
            .OrderBy(d => d.FileName).ThenByDescending(d => d.VersionNo).Select(d => new { d.Id, d.FileName, d.VersionNo }).ToListAsync(ct);
        var s = db.Scope;
        var canEdit = (s.All || (s.CanWriteContracts && s.BudgetUnitId == c.BudgetUnitId))
                      && c.Status is not (ContractStatus.Completed or ContractStatus.Terminated);
        var canSupervise = s.All || (s.HasRole(Roles.Supervisor) && s.RegionId == c.RegionId);
        var termination = await db.TerminationEntries.AsNoTracking().FirstOrDefaultAsync(t => t.ContractId == contractId, ct);
        return new ContractSchedule(c.Id, c.Number, c.Title, c.Amount, c.Status, MilestoneService.ContractStart(c), c.EndDate, c.BudgetUnitId,
            canEdit, canSupervise, rows.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Sequence).ToList(),
            rows.Where(r => r.Kind == MilestoneKind.PaymentInstallment && r.Status != MilestoneStatus.Waived).Sum(r => r.Amount ?? 0),
            docs.Select(d => (d.Id, d.FileName, d.VersionNo)).ToList(), termination, Today);
    }

    /// <summary>
    /// What falls due from <paramref name="from"/> to <paramref name="to"/> (inclusive) for the caller, plus
    /// whatever is still open from before <paramref name="from"/>; a supplier sees only its own obligations.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneRow>> DueAsync(DateOnly from, DateOnly to, long? budgetUnitId = null, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber > 400)
            throw new DomainException(ErrorKind.Invalid, new Msg("查询区间不超过400天", "The period is at most 400 days"));
        var open = Milestone.OpenStatuses;
        var q = db.Milestones.Where(m => m.DueDate != null && m.DueDate <= to && (m.DueDate >= from || open.Contains(m.Status)));
        if (budgetUnitId is { } u) q = q.Where(m => m.BudgetUnitId == u);
        if (db.Scope.SupplierId is not null) q = q.Where(m => m.ResponsibleParty == ResponsibleParty.Supplier);
        var rows = await RowsAsync(q.OrderBy(m => m.DueDate).Take(2000), ct);
        return rows.OrderBy(r => r.DueDate).ThenBy(r => r.ContractNumber).ToList();
    }

    /// <summary>A supplier's own obligations (milestones it is responsible for), open ones first.</summary>
    public async Task<IReadOnlyList<MilestoneRow>> ObligationsAsync(bool openOnly, CancellationToken ct = default)
    {
        if (db.Scope.SupplierId is null) throw DomainException.Forbidden();
        var open = Milestone.OpenStatuses;
        var q = db.Milestones.Where(m => m.ResponsibleParty == ResponsibleParty.Supplier);
        if (openOnly) q = q.Where(m => open.Contains(m.Status));
        var rows = await RowsAsync(q.OrderBy(m => m.DueDate).Take(2000), ct);
        return rows.OrderBy(r => r.Status is MilestoneStatus.Met or MilestoneStatus.Waived).ThenBy(r => r.DueDate ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>
    /// Per region, the last due date already past its grace today (the overdue register computed from the clock,
    /// as <see cref="OverdueRegister"/> does); a region whose calendar does not reach back is left out.
    /// </summary>
    private async Task<Dictionary<long, DateOnly>> PastGraceAsync(IEnumerable<long> regions, DateOnly today, CancellationToken ct)
    {
        var result = new Dictionary<long, DateOnly>();
        var ids = regions.ToList();
        if (ids.Count == 0) return result;
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        var graces = await db.PerformancePolicies.AsNoTracking().Where(p => ids.Contains(p.RegionId)).ToDictionaryAsync(p => p.RegionId, p => p.GraceWorkingDays, ct);
        foreach (var r in ids)
        {
            try
            {
                result[r] = calendar.LastDueDatePastGrace(today, graces.GetValueOrDefault(r, PerformancePolicy.DefaultGraceWorkingDays));
            }
            catch (DomainException)
            {
                // No calendar for the days the grace spans: only the persisted entries show.
            }
        }
        return result;
    }

    /// <summary>The status to show: a planned milestone whose date has come is Due.</summary>
    public static MilestoneStatus Shown(MilestoneStatus s, DateOnly? due, DateOnly today) =>
        s == MilestoneStatus.Planned && due is { } d && d <= today ? MilestoneStatus.Due : s;

    private async Task<List<MilestoneRow>> RowsAsync(IQueryable<Milestone> q, CancellationToken ct)
    {
        var today = Today;
        var list = await (from m in q.AsNoTracking()
                          join c in db.Contracts on m.ContractId equals c.Id
                          select new
                          {
                              m, c.Number, c.Title, Unit = c.BudgetUnit!.Name, ContractStatus = c.Status,
                              Doc = db.ContractDocuments.Where(d => d.Id == m.EvidenceDocumentId).Select(d => d.FileName).FirstOrDefault(),
                              Entry = db.OverdueEntries.Where(o => o.MilestoneId == m.Id && o.ExitedOn == null).Select(o => new { o.CloseWatch }).FirstOrDefault(),
                          }).ToListAsync(ct);
        var pastGrace = await PastGraceAsync(list.Select(x => x.m.RegionId).Distinct(), today, ct);
        return list.Select(x => new MilestoneRow(x.m.Id, x.m.ContractId, x.Number, x.Title, x.Unit, x.m.Sequence, x.m.Kind, x.m.Title,
            x.m.DueDate, x.m.RuleTrigger is null ? null : MilestoneService.RuleDescription(x.m), x.m.RuleText, x.m.Amount,
            x.m.ResponsibleParty, x.m.Status, Shown(x.m.Status, x.m.DueDate, today), x.m.MetDate, x.m.EvidenceDocumentId, x.Doc,
            x.m.EvidenceNote, x.m.TriggerMilestoneId, x.m.SeriesKey, x.m.Source,
            x.Entry is not null || (x.m.DueDate is { } due && pastGrace.TryGetValue(x.m.RegionId, out var cutoff) && due <= cutoff
                                    && (x.m.IsOpen || x.m.Status == MilestoneStatus.Missed)
                                    && x.ContractStatus is ContractStatus.Filed or ContractStatus.Performing),
            x.Entry?.CloseWatch ?? false,
            x.m.Version)).ToList();
    }
}
