using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>What the overdue register shows: filters, sort and page.</summary>
public sealed record OverdueFilter
{
    public long? BudgetUnitId { get; init; }
    public long? SupplierId { get; init; }
    public ResponsibleParty? Responsible { get; init; }
    public bool CloseWatchOnly { get; init; }
    /// <summary>Words of the contract's number or title.</summary>
    public string? Q { get; init; }
    /// <summary>Only milestones at least this many days overdue.</summary>
    public int? MinDays { get; init; }
    /// <summary><c>risk</c> (days × amount, default), <c>days</c>, <c>amount</c> or <c>due</c>.</summary>
    public string? Sort { get; init; }
    public bool Desc { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One overdue milestone in the register.</summary>
public sealed record OverdueRow(
    long MilestoneId, long ContractId, string ContractNumber, string ContractTitle, long BudgetUnitId, string UnitName,
    long? SupplierId, string? SupplierName, MilestoneKind Kind, string MilestoneTitle, MilestoneStatus Status,
    DateOnly DueDate, int DaysOverdue, decimal AmountAtStake, decimal Risk, ResponsibleParty Responsible,
    long? EntryId, DateOnly? EnteredOn, bool CloseWatch, int ActionCount);

/// <summary>A page of the register with its totals.</summary>
public sealed record OverduePage(IReadOnlyList<OverdueRow> Rows, int Total, int Page, int PageSize, decimal TotalAtStake, DateOnly Today);

/// <summary>A supervision action as listed.</summary>
public sealed record SupervisionActionRow(long Id, SupervisionActionKind Kind, DateOnly Date, string Actor, string Note, long? DocumentId, string? DocumentName);

/// <summary>
/// The overdue register (逾期执行库), computed from the clock: every milestone of a contract in performance
/// that is still open (or missed) on the day after its due date plus the region's grace (容错, in working days)
/// is in it, with the days overdue, the amount at stake and the responsible party. A shifted
/// <see cref="TimeProvider"/> moves it. The persisted <see cref="OverdueEntry"/> rows (see <see cref="OverdueSweep"/>)
/// carry the entry date, close watch and supervision actions.
/// </summary>
public sealed class OverdueRegister(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    private static readonly MilestoneStatus[] InRegister = [.. Milestone.OpenStatuses, MilestoneStatus.Missed];
    private static readonly ContractStatus[] Active = [ContractStatus.Filed, ContractStatus.Performing];

    private DateOnly Today => ChinaTime.Today(db.Clock);
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The region's grace in working days (default 3).</summary>
    public async Task<int> GraceAsync(long regionId, CancellationToken ct = default) =>
        await db.PerformancePolicies.Where(p => p.RegionId == regionId).Select(p => (int?)p.GraceWorkingDays).FirstOrDefaultAsync(ct)
        ?? PerformancePolicy.DefaultGraceWorkingDays;

    /// <summary>Sets the region's grace (0–30 working days); a supervisor of the region or a system administrator.</summary>
    public async Task SetGraceAsync(long regionId, int workingDays, CancellationToken ct = default)
    {
        var s = db.Scope;
        if (!(s.All || s.HasRole(Roles.SystemAdmin) || (s.HasRole(Roles.Supervisor) && s.RegionId == regionId))) throw DomainException.Forbidden();
        if (workingDays is < 0 or > 30)
            throw new DomainException(ErrorKind.Invalid, new Msg("容错期须在0到30个工作日之间", "The grace must be 0 to 30 working days"),
                new Dictionary<string, Msg[]> { ["graceWorkingDays"] = [new Msg("请填写0到30之间的整数", "Enter a whole number from 0 to 30")] });
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct)) throw DomainException.NotFound("区域|region");
        var p = await db.PerformancePolicies.FirstOrDefaultAsync(x => x.RegionId == regionId, ct);
        if (p is null) db.PerformancePolicies.Add(p = new PerformancePolicy { RegionId = regionId });
        p.GraceWorkingDays = workingDays;
        p.UpdatedAt = Now;
        p.UpdatedBy = s.Actor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The register as the caller may see it (tenancy filters apply), filtered, sorted and paged.</summary>
    public async Task<OverduePage> PageAsync(OverdueFilter f, CancellationToken ct = default)
    {
        var today = Today;
        var candidates = await CandidatesAsync(today, f, ct);
        var rows = candidates
            .Select(c => (c, Days: today.DayNumber - c.DueDate.DayNumber))
            .Where(x => f.MinDays is null || x.Days >= f.MinDays)
            .ToList();
        IEnumerable<(Candidate c, int Days)> sorted = (f.Sort ?? "risk") switch
        {
            "days" => Order(rows, x => (decimal)x.Days, f.Desc),
            "amount" => Order(rows, x => x.c.AmountAtStake, f.Desc),
            "due" => Order(rows, x => x.c.DueDate.DayNumber, f.Desc),
            _ => Order(rows, x => x.Days * x.c.AmountAtStake, f.Desc),
        };
        var size = Math.Clamp(f.PageSize, 1, 500);
        var page = Math.Max(1, f.Page);
        var slice = sorted.Skip((page - 1) * size).Take(size).ToList();

        var ids = slice.Select(x => x.c.MilestoneId).ToList();
        var contractIds = slice.Select(x => x.c.ContractId).Distinct().ToList();
        var details = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Kind, m.Status }).ToDictionaryAsync(m => m.Id, ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title, Unit = c.BudgetUnit!.Name }).ToDictionaryAsync(c => c.Id, ct);
        var supplierIds = slice.Where(x => x.c.SupplierId is not null).Select(x => x.c.SupplierId!.Value).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var entries = await db.OverdueEntries.AsNoTracking().Where(o => ids.Contains(o.MilestoneId))
            .Select(o => new { o.Id, o.MilestoneId, o.EnteredOn, o.CloseWatch, Actions = o.Actions.Count }).ToDictionaryAsync(o => o.MilestoneId, ct);

        var result = slice.Select(x =>
        {
            var m = details[x.c.MilestoneId];
            var c = contracts[x.c.ContractId];
            var e = entries.GetValueOrDefault(x.c.MilestoneId);
            return new OverdueRow(x.c.MilestoneId, x.c.ContractId, c.Number, c.Title, x.c.BudgetUnitId, c.Unit,
                x.c.SupplierId, x.c.SupplierId is { } sid ? suppliers.GetValueOrDefault(sid) : null, m.Kind, m.Title, m.Status,
                x.c.DueDate, x.Days, x.c.AmountAtStake, x.Days * x.c.AmountAtStake, x.c.Responsible,
                e?.Id, e?.EnteredOn, e?.CloseWatch ?? false, e?.Actions ?? 0);
        }).ToList();
        return new OverduePage(result, rows.Count, page, size, rows.Sum(x => x.c.AmountAtStake), today);
    }

    /// <summary>Whether a milestone is in the register today.</summary>
    public async Task<bool> IsOverdueAsync(long milestoneId, CancellationToken ct = default)
    {
        var m = await db.Milestones.AsNoTracking().FirstOrDefaultAsync(x => x.Id == milestoneId, ct) ?? throw DomainException.NotFound("履约节点|milestone");
        return await IsPastGraceAsync(m, ct);
    }

    /// <summary>The supervision actions of a milestone's register entry, oldest first.</summary>
    public async Task<IReadOnlyList<SupervisionActionRow>> ActionsAsync(long milestoneId, CancellationToken ct = default)
    {
        var entry = await db.OverdueEntries.AsNoTracking().FirstOrDefaultAsync(o => o.MilestoneId == milestoneId, ct);
        if (entry is null) return [];
        var actions = await db.SupervisionActions.AsNoTracking().Where(a => a.OverdueEntryId == entry.Id).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        var docIds = actions.Where(a => a.DocumentId is not null).Select(a => a.DocumentId!.Value).ToList();
        var docs = await db.ContractDocuments.AsNoTracking().Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.FileName, ct);
        return actions.Select(a => new SupervisionActionRow(a.Id, a.Kind, a.Date, a.Actor, a.Note, a.DocumentId,
            a.DocumentId is { } d ? docs.GetValueOrDefault(d) : null)).ToList();
    }

    /// <summary>Marks (or unmarks) an overdue milestone's contract for close watch (重点关注).</summary>
    public async Task<OverdueEntry> SetCloseWatchAsync(long milestoneId, bool closeWatch, CancellationToken ct = default)
    {
        var (entry, m) = await EntryForSupervisionAsync(milestoneId, ct);
        if (entry.CloseWatch == closeWatch) return entry;
        entry.CloseWatch = closeWatch;
        Timeline.Add(db, m.ContractId, Timeline.CloseWatch, (closeWatch ? "列为重点关注：" : "取消重点关注：") + MilestoneService.Describe(m));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Records an interview (约谈) or another supervision action on an overdue milestone.</summary>
    public async Task<SupervisionAction> RecordActionAsync(long milestoneId, SupervisionActionKind kind, DateOnly? date, string? note,
        long? documentId, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var day = date ?? Today;
        if (!Enum.IsDefined(kind)) errors.Add("kind", "督办类型无效", "Invalid action kind");
        if (day > Today) errors.Add("date", "日期不能晚于今天", "The date cannot be in the future");
        if (string.IsNullOrWhiteSpace(note)) errors.Add("note", "请填写约谈或督办情况", "Describe the interview or action");
        else if (note.Trim().Length > 2000) errors.Add("note", "说明不超过2000字", "The note is at most 2000 characters");
        errors.ThrowIfAny();
        var (entry, m) = await EntryForSupervisionAsync(milestoneId, ct);
        if (documentId is { } d && !await db.ContractDocuments.AnyAsync(x => x.Id == d && x.ContractId == m.ContractId, ct))
            throw new DomainException(ErrorKind.Invalid, new Msg("文件须为本合同的文件", "The document must belong to this contract"),
                new Dictionary<string, Msg[]> { ["documentId"] = [new Msg("请选择本合同的文件", "Choose a document of this contract")] });
        var action = new SupervisionAction
        {
            Kind = kind, Date = day, Actor = db.Scope.Actor, Note = note!.Trim(), DocumentId = documentId, CreatedAt = Now,
        };
        entry.Actions.Add(action);
        Timeline.Add(db, m.ContractId, kind == SupervisionActionKind.Interview ? Timeline.Interview : Timeline.Supervision,
            $"{(kind == SupervisionActionKind.Interview ? "约谈" : "督办")}（{day:yyyy-MM-dd}，{MilestoneService.Describe(m)}）：{action.Note}");
        (notary ?? new Notary.NotaryRecorder(db)).Record(kind == SupervisionActionKind.Interview ? Notary.NotaryKinds.OverdueInterview : Notary.NotaryKinds.OverdueAction, m.ContractId, () => Notary.NotaryFacts.SupervisionAction(action, m.Id));
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>
    /// Keeps the persisted entry in step with a milestone whose status just changed (saved by the caller):
    /// met → leaves as completed under supervision with a not-dishonest credit event; waived → leaves.
    /// </summary>
    internal static async Task OnMilestoneChangedAsync(LvyueDbContext db, Milestone m, CancellationToken ct)
    {
        if (m.Status is not (MilestoneStatus.Met or MilestoneStatus.Waived)) return;
        var entry = await db.OverdueEntries.FirstOrDefaultAsync(o => o.MilestoneId == m.Id && o.ExitedOn == null, ct);
        if (entry is null) return;
        Exit(db, entry, m, m.RegionId, m.Status == MilestoneStatus.Met ? OverdueExit.CompletedUnderSupervision : OverdueExit.Waived,
            ChinaTime.Today(db.Clock));
    }

    /// <summary>Closes an entry, records it on the timeline and, when completed, hands a not-dishonest fact to credit.</summary>
    internal static void Exit(LvyueDbContext db, OverdueEntry entry, Milestone m, long regionId, OverdueExit reason, DateOnly on)
    {
        entry.ExitedOn = on;
        entry.ExitReason = reason;
        Timeline.Add(db, entry.ContractId, Timeline.OverdueExited, $"移出逾期执行库（{MilestoneLabels.Exits[reason].Zh}）：{MilestoneService.Describe(m)}");
        if (reason != OverdueExit.CompletedUnderSupervision) return;
        long? party = entry.ResponsibleParty == ResponsibleParty.Supplier ? entry.SupplierId : entry.BudgetUnitId;
        if (party is null) return;
        db.CreditEvents.Add(new CreditEvent
        {
            RegionId = regionId,
            PartyKind = entry.ResponsibleParty == ResponsibleParty.Supplier ? CreditPartyKind.Supplier : CreditPartyKind.Purchaser,
            PartyId = party.Value, Kind = CreditEvent.OverdueCompleted, OccurredOn = m.MetDate ?? on, ContractId = entry.ContractId,
            Source = $"overdue:{entry.MilestoneId}", CountsAsDishonest = false,
            Note = $"逾期{on.DayNumber - entry.DueDate.DayNumber}天后在监管下完成：{m.Title}",
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
    }

    private async Task<(OverdueEntry, Milestone)> EntryForSupervisionAsync(long milestoneId, CancellationToken ct)
    {
        var m = await db.Milestones.FirstOrDefaultAsync(x => x.Id == milestoneId, ct) ?? throw DomainException.NotFound("履约节点|milestone");
        var s = db.Scope;
        if (!(s.All || (s.HasRole(Roles.Supervisor) && s.RegionId == m.RegionId))) throw DomainException.Forbidden();
        var entry = await db.OverdueEntries.Include(o => o.Actions).FirstOrDefaultAsync(o => o.MilestoneId == milestoneId, ct);
        if (entry is not null && entry.ExitedOn is null) return (entry, m);
        if (entry is not null || !await IsPastGraceAsync(m, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("该节点不在逾期执行库中", "This milestone is not in the overdue register"));
        // The register is computed from the clock; the sweep may not have run yet today: enter it now.
        var supplier = await db.ContractSuppliers.Where(x => x.ContractId == m.ContractId).OrderBy(x => x.SortOrder).Select(x => (long?)x.SupplierId).FirstOrDefaultAsync(ct);
        entry = NewEntry(m.Id, m.ContractId, m.RegionId, m.BudgetUnitId, supplier, m.ResponsibleParty, m.DueDate!.Value,
            Today, await GraceAsync(m.RegionId, ct), Now);
        db.OverdueEntries.Add(entry);
        Timeline.Add(db, m.ContractId, Timeline.OverdueEntered, $"进入逾期执行库：{MilestoneService.Describe(m)}");
        return (entry, m);
    }

    internal static OverdueEntry NewEntry(long milestoneId, long contractId, long regionId, long unitId, long? supplierId,
        ResponsibleParty party, DateOnly due, DateOnly today, int grace, DateTime now) => new()
    {
        MilestoneId = milestoneId, ContractId = contractId, RegionId = regionId, BudgetUnitId = unitId, SupplierId = supplierId,
        ResponsibleParty = party, DueDate = due, EnteredOn = today, GraceWorkingDays = grace, CreatedAt = now,
    };

    private async Task<bool> IsPastGraceAsync(Milestone m, CancellationToken ct)
    {
        if (m.DueDate is not { } due || !InRegister.Contains(m.Status)) return false;
        if (!await db.Contracts.AnyAsync(c => c.Id == m.ContractId && Active.Contains(c.Status), ct)) return false;
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        return due <= calendar.LastDueDatePastGrace(Today, await GraceAsync(m.RegionId, ct));
    }

    private sealed record Candidate(long MilestoneId, long ContractId, long BudgetUnitId, long? SupplierId, DateOnly DueDate,
        decimal AmountAtStake, ResponsibleParty Responsible);

    private async Task<List<Candidate>> CandidatesAsync(DateOnly today, OverdueFilter f, CancellationToken ct)
    {
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        var scope = db.Scope;
        var regions = scope.RegionId is { } r ? [r]
            : scope.UnitRegionId is { } ur ? [ur]
            : await db.Regions.Select(x => x.Id).ToListAsync(ct);
        var graces = await db.PerformancePolicies.AsNoTracking().ToDictionaryAsync(p => p.RegionId, p => p.GraceWorkingDays, ct);
        var list = new List<Candidate>();
        foreach (var region in regions)
        {
            var cutoff = calendar.LastDueDatePastGrace(today, graces.GetValueOrDefault(region, PerformancePolicy.DefaultGraceWorkingDays));
            var q = from m in db.Milestones.AsNoTracking()
                    join c in db.Contracts on m.ContractId equals c.Id
                    where m.RegionId == region && InRegister.Contains(m.Status) && m.DueDate != null && m.DueDate <= cutoff
                          && Active.Contains(c.Status)
                    select new { m, c };
            if (f.BudgetUnitId is { } u) q = q.Where(x => x.m.BudgetUnitId == u);
            if (f.SupplierId is { } s) q = q.Where(x => x.c.Suppliers.Any(cs => cs.SupplierId == s));
            if (f.Responsible is { } p) q = q.Where(x => x.m.ResponsibleParty == p);
            if (!string.IsNullOrWhiteSpace(f.Q))
            {
                var words = f.Q.Trim();
                q = q.Where(x => x.c.Number.Contains(words) || x.c.Title.Contains(words));
            }
            if (f.CloseWatchOnly) q = q.Where(x => db.OverdueEntries.Any(o => o.MilestoneId == x.m.Id && o.CloseWatch));
            if (scope.SupplierId is not null) q = q.Where(x => x.m.ResponsibleParty == ResponsibleParty.Supplier);
            list.AddRange(await q.Select(x => new Candidate(x.m.Id, x.m.ContractId, x.m.BudgetUnitId,
                    x.c.Suppliers.OrderBy(cs => cs.SortOrder).Select(cs => (long?)cs.SupplierId).FirstOrDefault(),
                    x.m.DueDate!.Value, x.m.Amount ?? x.c.Amount, x.m.ResponsibleParty))
                .ToListAsync(ct));
        }
        return list;
    }

    private static IEnumerable<T> Order<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, bool desc) =>
        desc ? rows.OrderByDescending(key) : rows.OrderBy(key);
}
