using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>
/// Adds milestones to a contract's schedule and records their fulfilment. Every method is one
/// transaction; a refusal throws <see cref="DomainException"/> and writes nothing. Milestones are
/// reached through the contract's tenancy filter, so another unit's milestone is "not found".
/// </summary>
public sealed class MilestoneService(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    /// <summary>Most occurrences one recurrence may generate (20 years of monthly reports).</summary>
    public const int MaxOccurrences = 240;

    private DateOnly Today => ChinaTime.Today(db.Clock);
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds one milestone (or the occurrences of a recurrence).</summary>
    public async Task<IReadOnlyList<Milestone>> AddAsync(long contractId, MilestoneInput input, CancellationToken ct = default) =>
        await AddManyAsync(contractId, [input], MilestoneSource.Manual, ct);

    /// <summary>
    /// Adds a batch of milestones (accepted proposals) at once: all are checked first, then all are written
    /// in one transaction. <see cref="MilestoneInput.TriggerIndex"/> refers to another input of the batch.
    /// </summary>
    public async Task<IReadOnlyList<Milestone>> AddManyAsync(long contractId, IReadOnlyList<MilestoneInput> inputs,
        MilestoneSource source, CancellationToken ct = default)
    {
        var contract = await LoadContractForWriteAsync(contractId, ct);
        if (inputs.Count == 0)
            throw new DomainException(ErrorKind.Invalid, new Msg("没有要添加的履约节点", "No milestones to add"));
        var existing = await db.Milestones.Where(m => m.ContractId == contractId).ToListAsync(ct);
        WorkingDayCalendar? calendar = null;
        async Task<WorkingDayCalendar> Calendar() => calendar ??= await WorkingDayCalendar.LoadAsync(db, ct);

        var errors = new ErrorBag();
        var start = ContractStart(contract);
        var created = new List<Milestone>();
        var byIndex = new Milestone?[inputs.Count];
        var sequence = existing.Count == 0 ? 0 : existing.Max(m => m.Sequence);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var prefix = inputs.Count == 1 ? "" : $"[{i}].";
            var firstError = CountErrors(errors);
            Check(input, prefix, errors);
            if (CountErrors(errors) != firstError) continue;

            Milestone? trigger = null;
            if (input.RuleTrigger == DueTrigger.Milestone)
            {
                if (input.TriggerIndex is { } ti)
                {
                    trigger = ti >= 0 && ti < i ? byIndex[ti] : null;
                    if (trigger is null) { errors.Add(prefix + "triggerIndex", "触发节点须排在本节点之前", "The trigger must come earlier in the batch"); continue; }
                }
                else
                {
                    trigger = existing.FirstOrDefault(m => m.Id == input.TriggerMilestoneId);
                    if (trigger is null) { errors.Add(prefix + "triggerMilestoneId", "触发节点不属于本合同", "The trigger milestone is not part of this contract"); continue; }
                }
            }

            DateOnly? due = input.DueDate;
            if (input.RuleTrigger is { } rule)
            {
                var anchor = rule switch
                {
                    DueTrigger.ContractSigned => contract.SignDate,
                    DueTrigger.ContractEffective => contract.EffectiveDate,
                    DueTrigger.ContractStart => contract.StartDate,
                    DueTrigger.ContractEnd => contract.EndDate,
                    _ => trigger is { Status: MilestoneStatus.Met, MetDate: { } met } ? met : (DateOnly?)null,
                };
                if (anchor is { } a) due = (await Calendar()).Add(a, input.RuleOffsetDays!.Value, input.RuleDayCount ?? DayCount.Calendar);
            }
            if (due is { } d && start is { } s && d < s)
            {
                errors.Add(prefix + "dueDate", $"到期日{d:yyyy-MM-dd}早于合同开始日期{s:yyyy-MM-dd}",
                    $"The due date {d:yyyy-MM-dd} is before the contract starts ({s:yyyy-MM-dd})");
                continue;
            }

            var dates = new List<DateOnly?> { due };
            if (input.Recurrence is { } r)
            {
                var until = input.RecurrenceUntil ?? contract.EndDate;
                if (until is null) { errors.Add(prefix + "recurrenceUntil", "周期性节点需要合同结束日期或截止日期", "A recurrence needs the contract's end date or an end"); continue; }
                dates = Occurrences(input.DueDate!.Value, r, until.Value).Select(x => (DateOnly?)x).ToList();
                if (dates.Count == 0) { errors.Add(prefix + "recurrenceUntil", "截止日期早于首次到期日", "The end is before the first occurrence"); continue; }
                if (dates.Count > MaxOccurrences) { errors.Add(prefix + "recurrence", $"周期性节点最多生成{MaxOccurrences}个", $"A recurrence generates at most {MaxOccurrences} occurrences"); continue; }
            }
            var series = input.Recurrence is null ? null : Guid.NewGuid().ToString("N");
            var title = string.IsNullOrWhiteSpace(input.Title) ? MilestoneLabels.Kinds[input.Kind].Zh : input.Title.Trim();
            Milestone? first = null;
            for (var k = 0; k < dates.Count; k++)
            {
                var m = new Milestone
                {
                    ContractId = contract.Id, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId,
                    Kind = input.Kind,
                    Title = series is null ? title : $"{title}（第{k + 1}期，{dates[k]:yyyy年M月}）",
                    Sequence = ++sequence, DueDate = dates[k],
                    RuleTrigger = input.RuleTrigger, RuleOffsetDays = input.RuleTrigger is null ? null : input.RuleOffsetDays,
                    RuleDayCount = input.RuleTrigger is null ? null : input.RuleDayCount ?? DayCount.Calendar,
                    RuleText = Trim(input.RuleText),
                    SeriesKey = series, Recurrence = input.Recurrence,
                    Amount = input.Amount, ResponsibleParty = input.ResponsibleParty, Status = MilestoneStatus.Planned,
                    Source = series is null ? source : MilestoneSource.Recurrence,
                    CreatedAt = Now, UpdatedAt = Now, CreatedBy = db.Scope.Actor,
                };
                if (trigger is not null)
                {
                    if (trigger.Id != 0) m.TriggerMilestoneId = trigger.Id;
                    else m.Trigger = trigger;
                }
                first ??= m;
                created.Add(m);
            }
            byIndex[i] = first;
        }

        var installments = existing.Where(m => m.Kind == MilestoneKind.PaymentInstallment && m.Status != MilestoneStatus.Waived).Sum(m => m.Amount ?? 0)
                           + created.Where(m => m.Kind == MilestoneKind.PaymentInstallment).Sum(m => m.Amount ?? 0);
        if (installments > contract.Amount)
            errors.Add("amount", $"付款节点合计{Money.Format(installments)}超过合同金额{Money.Format(contract.Amount)}",
                $"Payment installments total {Money.Format(installments)}, more than the contract amount {Money.Format(contract.Amount)}");
        errors.ThrowIfAny();

        db.Milestones.AddRange(created);
        var summary = string.Join("；", created.Take(10).Select(Describe)) + (created.Count > 10 ? $"；等{created.Count}个" : "");
        Timeline.Add(db, contract.Id, Timeline.MilestonesAdded, $"新增履约节点{created.Count}个：{summary}");
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>
    /// Records that a milestone was met, partially met, missed or waived, with its evidence. Meeting a
    /// milestone dates the milestones whose rule counts from it (e.g. payment 30 days after acceptance)
    /// and takes it out of the overdue register as completed under supervision (not dishonest).
    /// </summary>
    public async Task<Milestone> SetStatusAsync(long milestoneId, MilestoneStatusChange change, CancellationToken ct = default)
    {
        var m = await db.Milestones.FirstOrDefaultAsync(x => x.Id == milestoneId, ct) ?? throw DomainException.NotFound("履约节点|milestone");
        var contract = await LoadContractForWriteAsync(m.ContractId, ct, allowClosed: true);
        if (change.ExpectedVersion is { } v && v != m.Version)
            throw new DomainException(ErrorKind.Conflict, new Msg("该节点已被他人修改，请刷新后重试", "The milestone was changed by someone else; reload and try again"));
        var allowed = (m.Status, change.Status) switch
        {
            (MilestoneStatus.Planned or MilestoneStatus.Due or MilestoneStatus.PartiallyMet,
                MilestoneStatus.Met or MilestoneStatus.PartiallyMet or MilestoneStatus.Missed or MilestoneStatus.Waived) => true,
            (MilestoneStatus.Missed, MilestoneStatus.Met or MilestoneStatus.Waived) => true,
            _ => false,
        };
        if (!allowed)
            throw new DomainException(ErrorKind.Conflict, new Msg(
                $"履约节点不能从“{MilestoneLabels.Statuses[m.Status].Zh}”变为“{MilestoneLabels.Statuses[change.Status].Zh}”",
                $"A milestone cannot go from {MilestoneLabels.Statuses[m.Status].En} to {MilestoneLabels.Statuses[change.Status].En}"));

        var errors = new ErrorBag();
        var note = Trim(change.Note);
        var met = change.MetDate ?? Today;
        if (change.Status is MilestoneStatus.Met or MilestoneStatus.PartiallyMet)
        {
            if (met > Today) errors.Add("metDate", "履行日期不能晚于今天", "The date met cannot be in the future");
            if (ContractStart(contract) is { } s && met < s) errors.Add("metDate", "履行日期早于合同开始日期", "The date met is before the contract starts");
        }
        else if (note is null)
            errors.Add("note", "标记未履行或豁免须说明原因", "Give the reason for a missed or waived milestone");
        if (note is { Length: > 2000 }) errors.Add("note", "说明不超过2000字", "The note is at most 2000 characters");
        if (change.EvidenceDocumentId is { } doc && !await db.ContractDocuments.AnyAsync(d => d.Id == doc && d.ContractId == m.ContractId, ct))
            errors.Add("evidenceDocumentId", "证明材料须为本合同的文件", "The evidence must be a document of this contract");
        errors.ThrowIfAny();

        var from = m.Status;
        m.Status = change.Status;
        m.MetDate = change.Status is MilestoneStatus.Met or MilestoneStatus.PartiallyMet ? met : null;
        if (change.EvidenceDocumentId is not null) m.EvidenceDocumentId = change.EvidenceDocumentId;
        if (note is not null) m.EvidenceNote = note;
        m.UpdatedAt = Now;
        m.Version++;
        Timeline.Add(db, m.ContractId, Timeline.MilestoneStatus,
            $"{Describe(m)}：{MilestoneLabels.Statuses[from].Zh} → {MilestoneLabels.Statuses[m.Status].Zh}"
            + (m.MetDate is { } md ? $"（{md:yyyy-MM-dd}）" : "") + (note is null ? "" : $"，{note}"));

        await OnStatusChangedAsync(db, m, ct);
        if (m.Status is MilestoneStatus.Met or MilestoneStatus.PartiallyMet) (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.MilestoneMet, m.ContractId, Notary.NotaryFacts.MilestoneMet(m));
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>
    /// What follows a milestone's status change, for any code that changes one (an acceptance record meeting
    /// the acceptance milestone): when met, the milestones whose rule counts from it get their due dates
    /// (calendar days, working days or months) with a timeline event each; when met or waived, it leaves the
    /// overdue register. The caller saves.
    /// </summary>
    public static async Task OnStatusChangedAsync(LvyueDbContext db, Milestone m, CancellationToken ct = default)
    {
        if (m.Status == MilestoneStatus.Met && m.MetDate is not null) await ScheduleDependentsAsync(db, m, ct);
        await OverdueRegister.OnMilestoneChangedAsync(db, m, ct);
    }

    /// <summary>Dates the milestones whose rule counts from <paramref name="trigger"/>, now that it is met.</summary>
    private static async Task ScheduleDependentsAsync(LvyueDbContext db, Milestone trigger, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var dependents = await db.Milestones
            .Where(x => x.TriggerMilestoneId == trigger.Id && x.RuleTrigger == DueTrigger.Milestone && x.DueDate == null)
            .ToListAsync(ct);
        if (dependents.Count == 0) return;
        var calendar = await WorkingDayCalendar.LoadAsync(db, ct);
        foreach (var d in dependents)
        {
            d.DueDate = calendar.Add(trigger.MetDate!.Value, d.RuleOffsetDays ?? 0, d.RuleDayCount ?? DayCount.Calendar);
            d.UpdatedAt = now;
            d.Version++;
            Timeline.Add(db, d.ContractId, Timeline.MilestoneScheduled,
                $"{Describe(d)}：{trigger.Title}于{trigger.MetDate:yyyy-MM-dd}完成，按“{d.RuleText ?? RuleDescription(d)}”到期日定为{d.DueDate:yyyy-MM-dd}");
        }
    }

    /// <summary>The earliest of the contract's sign, effective and start dates: no milestone falls due before it.</summary>
    public static DateOnly? ContractStart(Contract c) =>
        new[] { c.SignDate, c.EffectiveDate, c.StartDate }.Where(d => d is not null).Min();

    /// <summary>The due dates of a recurrence from its first date to <paramref name="until"/> (month ends kept as month ends).</summary>
    public static IReadOnlyList<DateOnly> Occurrences(DateOnly first, Recurrence r, DateOnly until)
    {
        var step = r == Recurrence.Monthly ? 1 : 3;
        var list = new List<DateOnly>();
        var endOfMonth = first.Day == DateTime.DaysInMonth(first.Year, first.Month);
        for (var k = 0; list.Count <= MaxOccurrences; k++)
        {
            var d = first.AddMonths(k * step);
            if (endOfMonth) d = new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
            if (d > until) break;
            list.Add(d);
        }
        return list;
    }

    /// <summary>A rule in words, e.g. 验收完成后30个工作日.</summary>
    public static string RuleDescription(Milestone m) =>
        m.RuleTrigger is not { } t ? "" :
        $"{MilestoneLabels.Triggers[t].Zh}后{m.RuleOffsetDays}{m.RuleDayCount switch { DayCount.Working => "个工作日", DayCount.Months => "个月", _ => "日" }}";

    internal static string Describe(Milestone m) =>
        $"{MilestoneLabels.Kinds[m.Kind].Zh}“{m.Title}”" + (m.DueDate is { } d ? $"（{d:yyyy-MM-dd}到期" + (m.Amount is { } a ? $"，{Money.Format(a)}）" : "）") : m.Amount is { } a2 ? $"（{Money.Format(a2)}）" : "");

    private static void Check(MilestoneInput i, string p, ErrorBag errors)
    {
        if (!Enum.IsDefined(i.Kind)) errors.Add(p + "kind", "节点类型无效", "Invalid milestone kind");
        if (!Enum.IsDefined(i.ResponsibleParty)) errors.Add(p + "responsibleParty", "责任方无效", "Invalid responsible party");
        if (i.Title is { Length: > 200 }) errors.Add(p + "title", "名称不超过200字", "The title is at most 200 characters");
        if (i.RuleText is { Length: > 500 }) errors.Add(p + "ruleText", "条款原文不超过500字", "The clause text is at most 500 characters");
        if (i.Amount is < 0) errors.Add(p + "amount", "金额不能为负数", "The amount cannot be negative");
        if (i.Amount is > 1_000_000_000_000m) errors.Add(p + "amount", "金额过大", "The amount is too large");
        if (i.DueDate is null && i.RuleTrigger is null)
            errors.Add(p + "dueDate", "请填写到期日或到期规则", "Give a due date or a due rule");
        if (i.DueDate is not null && i.RuleTrigger is not null)
            errors.Add(p + "dueDate", "到期日和到期规则只能填写一个", "Give either a due date or a due rule, not both");
        if (i.RuleTrigger is { } t)
        {
            if (!Enum.IsDefined(t)) errors.Add(p + "ruleTrigger", "到期规则的起算事件无效", "Invalid rule trigger");
            if (i.RuleOffsetDays is not (>= 0 and <= 3650)) errors.Add(p + "ruleOffsetDays", "天数须在0到3650之间", "The days must be between 0 and 3650");
            if (t == DueTrigger.Milestone && i.TriggerMilestoneId is null && i.TriggerIndex is null)
                errors.Add(p + "triggerMilestoneId", "请选择起算的节点", "Choose the milestone the rule counts from");
            if (i.Recurrence is not null) errors.Add(p + "recurrence", "周期性节点须填写首次到期日", "A recurrence needs its first due date");
        }
        if (i.RuleDayCount is { } dc && !Enum.IsDefined(dc)) errors.Add(p + "ruleDayCount", "天数类型无效", "Invalid day count");
        if (i.Recurrence is { } r && !Enum.IsDefined(r)) errors.Add(p + "recurrence", "周期无效", "Invalid recurrence");
    }

    private static int CountErrors(ErrorBag e) => e.ToDictionary().Sum(x => x.Value.Length);

    private async Task<Contract> LoadContractForWriteAsync(long id, CancellationToken ct, bool allowClosed = false)
    {
        var c = await db.Contracts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("合同|contract");
        if (!(db.Scope.All || (db.Scope.CanWriteContracts && db.Scope.BudgetUnitId == c.BudgetUnitId))) throw DomainException.Forbidden();
        if (!allowClosed && c.Status is ContractStatus.Completed or ContractStatus.Terminated)
            throw new DomainException(ErrorKind.Conflict, new Msg("已完成或已终止的合同不能再添加履约节点", "A completed or terminated contract takes no more milestones"));
        return c;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
