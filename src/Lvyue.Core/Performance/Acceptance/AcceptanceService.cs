using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Acceptance;

/// <summary>
/// Records acceptances (验收) of contracts, one transaction each: the record with its findings, the
/// report stored among the contract's documents, a timeline entry, and — when it passed — the
/// contract's next open acceptance milestone met on the acceptance date and the due dates of the
/// milestones whose rule counts from it (e.g. a payment due 30 days after acceptance) resolved through
/// the working-day calendar. Unit clerks of the contract's unit record acceptances.
/// </summary>
public sealed class AcceptanceService(LvyueDbContext db, FilingService filing, Notary.INotaryRecorder? notary = null)
{
    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The acceptances of a contract with their findings, oldest first.</summary>
    public Task<List<AcceptanceRecord>> ListAsync(long contractId, CancellationToken ct = default) =>
        db.AcceptanceRecords.AsNoTracking().Include(a => a.Findings.OrderBy(f => f.SortOrder))
            .Where(a => a.ContractId == contractId).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);

    /// <summary>Records an acceptance; refuses bad input before writing anything.</summary>
    public async Task<AcceptanceRecord> RecordAsync(long contractId, AcceptanceInput input, UploadedDocument? report = null, CancellationToken ct = default)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct) ?? throw DomainException.NotFound("合同|contract");
        if (!(Scope.All || (Scope.CanWriteContracts && Scope.BudgetUnitId == contract.BudgetUnitId))) throw DomainException.Forbidden();
        if (contract.Status is not (ContractStatus.Filed or ContractStatus.Performing or ContractStatus.Completed))
            throw new DomainException(ErrorKind.Conflict, new Msg("只有已备案、履行中或已完成的合同可以记录验收", "Only a filed, performing or completed contract can be accepted"));

        var errors = new ErrorBag();
        var today = ChinaTime.Today(db.Clock);
        if (input.Date is not { } date) { errors.Add("date", "请填写验收日期", "Give the date of the acceptance"); date = default; }
        else
        {
            if (date > today) errors.Add("date", "验收日期不能晚于今天", "The acceptance date cannot be in the future");
            if (contract.SignDate is { } signed && date < signed)
                errors.Add("date", $"验收日期不能早于合同签订日期{signed:yyyy-MM-dd}", $"The acceptance date cannot be before the sign date {signed:yyyy-MM-dd}");
        }
        if (input.Result is not { } result) { errors.Add("result", "请选择验收结论", "Choose the result"); result = default; }
        var participants = input.Participants?.Trim();
        if (string.IsNullOrEmpty(participants)) errors.Add("participants", "请填写参加验收的人员", "List who took part");
        else if (participants.Length > 1000) errors.Add("participants", "参加人员不能超过1000字", "Participants may not exceed 1000 characters");
        var summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        if (summary?.Length > 2000) errors.Add("summary", "验收意见不能超过2000字", "The summary may not exceed 2000 characters");

        var findings = new List<AcceptanceFinding>();
        for (var i = 0; i < input.Findings.Count; i++)
        {
            var f = input.Findings[i];
            var item = f.Item?.Trim();
            var standard = f.Standard?.Trim();
            if (string.IsNullOrEmpty(item) && string.IsNullOrEmpty(standard) && f.Result is null && string.IsNullOrWhiteSpace(f.Note)) continue;
            var key = $"findings[{i}]";
            if (string.IsNullOrEmpty(item) || item.Length > 200) errors.Add(key + ".item", $"第{i + 1}项：请填写验收项目（最多200字）", $"Finding {i + 1}: give the item (at most 200 characters)");
            if (string.IsNullOrEmpty(standard) || standard.Length > 500) errors.Add(key + ".standard", $"第{i + 1}项：请填写验收标准（最多500字）", $"Finding {i + 1}: give the standard (at most 500 characters)");
            if (f.Result is null) errors.Add(key + ".result", $"第{i + 1}项：请选择结果", $"Finding {i + 1}: choose the result");
            var note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim();
            if (note?.Length > 1000) errors.Add(key + ".note", $"第{i + 1}项：说明不能超过1000字", $"Finding {i + 1}: the note may not exceed 1000 characters");
            findings.Add(new AcceptanceFinding { SortOrder = findings.Count, Item = item ?? "", Standard = standard ?? "", Result = f.Result ?? default, Note = note });
        }
        var deviations = findings.Count(f => f.Result == FindingResult.Deviates);
        if (input.Result == AcceptanceResult.Passed && deviations > 0)
            errors.Add("result", $"有{deviations}项不符合标准，结论不能为“验收合格”（可选“合格但存在问题”或“不合格”）",
                $"{deviations} finding(s) deviate from the standard: the result cannot be Passed (choose Passed with issues or Failed)");
        if (input.Result is AcceptanceResult.PassedWithIssues or AcceptanceResult.Failed && deviations == 0 && summary is null)
            errors.Add("summary", "结论为“存在问题”或“不合格”时，请列出不符合项或填写验收意见", "Record the deviating findings or a summary for this result");
        errors.ThrowIfAny("验收记录有误，未保存", "The acceptance record is invalid; nothing was saved");

        var record = new AcceptanceRecord
        {
            ContractId = contract.Id, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId, Date = date, Result = result,
            Participants = participants!, Summary = summary, RecordedAt = Now, RecordedBy = Scope.Actor, Findings = findings,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (report is not null) record.ReportDocumentId = (await filing.AddDocumentAsync(contract.Id, report, ct)).Id;
        db.AcceptanceRecords.Add(record);
        var resolved = record.IsPassed ? await ResolveMilestonesAsync(contract, record, ct) : "";
        db.ContractEvents.Add(new ContractEvent
        {
            ContractId = contract.Id, Kind = "acceptance", At = Now, Actor = Scope.Actor,
            Note = Clip($"验收（{date:yyyy-MM-dd}）：{ResultLabels[result].Zh}；{findings.Count}项，其中不符合{deviations}项；参加人员：{participants}" + resolved),
        });
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.AcceptanceRecorded, contract.Id, () => Notary.NotaryFacts.Acceptance(record));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>
    /// Meets the contract's next open acceptance milestone on the acceptance date; the milestones counting
    /// from it get their due dates through <see cref="MilestoneService.OnStatusChangedAsync"/>. Returns what
    /// it did, for the timeline.
    /// </summary>
    private async Task<string> ResolveMilestonesAsync(Contract contract, AcceptanceRecord record, CancellationToken ct)
    {
        var open = Milestone.OpenStatuses;
        var milestone = await db.Milestones
            .Where(m => m.ContractId == contract.Id && m.Kind == MilestoneKind.Acceptance && open.Contains(m.Status))
            .OrderBy(m => m.DueDate == null).ThenBy(m => m.DueDate).ThenBy(m => m.Sequence).FirstOrDefaultAsync(ct);
        if (milestone is null) return "";
        milestone.Status = MilestoneStatus.Met;
        milestone.MetDate = record.Date;
        milestone.EvidenceDocumentId = record.ReportDocumentId ?? milestone.EvidenceDocumentId;
        milestone.EvidenceNote = Clip($"验收记录：{record.Date:yyyy-MM-dd} {ResultLabels[record.Result].Zh}", 2000);
        milestone.UpdatedAt = Now;
        milestone.Version++;
        // The milestone capability dates the milestones counting from this one and takes it out of the overdue register.
        await MilestoneService.OnStatusChangedAsync(db, milestone, ct);
        var notes = new List<string> { $"；节点“{milestone.Title}”已达成" };
        foreach (var m in db.Milestones.Local.Where(x => x.TriggerMilestoneId == milestone.Id && x.DueDate != null).OrderBy(x => x.Sequence))
            notes.Add($"“{m.Title}”到期日定为{m.DueDate:yyyy-MM-dd}");
        return string.Join("；", notes);
    }

    /// <summary>The Chinese and English names of the results.</summary>
    public static readonly IReadOnlyDictionary<AcceptanceResult, (string Zh, string En)> ResultLabels = new Dictionary<AcceptanceResult, (string, string)>
    {
        [AcceptanceResult.Passed] = ("验收合格", "Passed"),
        [AcceptanceResult.PassedWithIssues] = ("合格但存在问题", "Passed with issues"),
        [AcceptanceResult.Failed] = ("验收不合格", "Failed"),
    };

    /// <summary>The Chinese and English names of finding results.</summary>
    public static readonly IReadOnlyDictionary<FindingResult, (string Zh, string En)> FindingLabels = new Dictionary<FindingResult, (string, string)>
    {
        [FindingResult.Conforms] = ("符合", "Conforms"),
        [FindingResult.Deviates] = ("不符合", "Deviates"),
        [FindingResult.NotApplicable] = ("不适用", "Not applicable"),
    };

    private static string Clip(string s, int max = 2000) => s.Length > max ? s[..max] : s;
}
