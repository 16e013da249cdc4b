using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance;

/// <summary>One contract in the termination register as listed.</summary>
public sealed record TerminationRow(
    long Id, long ContractId, string ContractNumber, string ContractTitle, decimal Amount, string UnitName, string? SupplierName,
    DateOnly EnteredOn, string Reason, IReadOnlyList<(long Id, string Name)> Documents, string? EnteredBy,
    BreachingParty? Outcome, DateOnly? OutcomeOn, string? OutcomeNote);

/// <summary>
/// The termination register (终止库): a supervisor moves a contract that cannot be completed there with
/// the reason and documents (the contract becomes Terminated, its open overdue entries close), and later
/// records which party the dispute found in breach, which is handed to credit as a <see cref="CreditEvent"/>.
/// </summary>
public sealed class TerminationRegister(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    private DateOnly Today => ChinaTime.Today(db.Clock);
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The register as the caller may see it, newest first.</summary>
    public async Task<IReadOnlyList<TerminationRow>> ListAsync(long? budgetUnitId = null, bool? resolved = null, CancellationToken ct = default)
    {
        var q = db.TerminationEntries.AsNoTracking().AsQueryable();
        if (budgetUnitId is { } u) q = q.Where(t => t.BudgetUnitId == u);
        if (resolved is { } r) q = q.Where(t => (t.Outcome != null) == r);
        var rows = await (from t in q
                          join c in db.Contracts on t.ContractId equals c.Id
                          orderby t.EnteredOn descending, t.Id descending
                          select new
                          {
                              t, c.Number, c.Title, c.Amount, Unit = c.BudgetUnit!.Name,
                              Supplier = db.Suppliers.Where(s => s.Id == t.SupplierId).Select(s => s.Name).FirstOrDefault(),
                          }).Take(1000).ToListAsync(ct);
        var docIds = rows.SelectMany(x => ParseIds(x.t.DocumentIds)).Distinct().ToList();
        var docs = await db.ContractDocuments.AsNoTracking().Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.FileName, ct);
        return rows.Select(x => new TerminationRow(x.t.Id, x.t.ContractId, x.Number, x.Title, x.Amount, x.Unit, x.Supplier, x.t.EnteredOn,
            x.t.Reason, ParseIds(x.t.DocumentIds).Where(docs.ContainsKey).Select(id => (id, docs[id])).ToList(), x.t.EnteredBy,
            x.t.Outcome, x.t.OutcomeOn, x.t.OutcomeNote)).ToList();
    }

    /// <summary>The entry of a contract, if it is in the register.</summary>
    public Task<TerminationEntry?> ForContractAsync(long contractId, CancellationToken ct = default) =>
        db.TerminationEntries.AsNoTracking().FirstOrDefaultAsync(t => t.ContractId == contractId, ct);

    /// <summary>Moves a contract in performance to the register: it becomes Terminated, with the reason and supporting documents.</summary>
    public async Task<TerminationEntry> MoveAsync(long contractId, string? reason, IReadOnlyList<long>? documentIds, CancellationToken ct = default)
    {
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, ct) ?? throw DomainException.NotFound("合同|contract");
        RequireSupervisor(contract.RegionId);
        var errors = new ErrorBag();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) errors.Add("reason", "请填写无法继续履约、移入终止库的原因", "Give the reason the contract cannot be completed");
        else if (why.Length > 2000) errors.Add("reason", "原因不超过2000字", "The reason is at most 2000 characters");
        var docs = (documentIds ?? []).Distinct().ToList();
        if (docs.Count > 20) errors.Add("documentIds", "最多关联20个文件", "At most 20 documents");
        else if (docs.Count > 0 && await db.ContractDocuments.CountAsync(d => docs.Contains(d.Id) && d.ContractId == contractId, ct) != docs.Count)
            errors.Add("documentIds", "文件须为本合同的文件", "The documents must belong to this contract");
        errors.ThrowIfAny();
        if (await db.TerminationEntries.AnyAsync(t => t.ContractId == contractId, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("该合同已在终止库中", "The contract is already in the termination register"));
        if (contract.Status is not (ContractStatus.Filed or ContractStatus.Performing))
            throw new DomainException(ErrorKind.Conflict, new Msg(
                $"只有已备案或履约中的合同可以移入终止库（当前为“{Labels.Statuses[contract.Status].Zh}”）",
                $"Only a filed or performing contract can be moved to the termination register (it is {Labels.Statuses[contract.Status].En})"));

        var supplier = await db.ContractSuppliers.Where(s => s.ContractId == contractId).OrderBy(s => s.SortOrder).Select(s => (long?)s.SupplierId).FirstOrDefaultAsync(ct);
        var entry = new TerminationEntry
        {
            ContractId = contractId, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId, SupplierId = supplier,
            EnteredOn = Today, Reason = why!, DocumentIds = docs.Count == 0 ? null : string.Join(',', docs), EnteredBy = db.Scope.Actor, CreatedAt = Now,
        };
        db.TerminationEntries.Add(entry);
        Timeline.Add(db, contractId, Timeline.Termination, $"移入终止库：{why}", contract.Status, ContractStatus.Terminated);
        contract.Status = ContractStatus.Terminated;

        var open = await db.OverdueEntries.Where(o => o.ContractId == contractId && o.ExitedOn == null).ToListAsync(ct);
        if (open.Count > 0)
        {
            var ids = open.Select(o => o.MilestoneId).ToList();
            var milestones = await db.Milestones.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            foreach (var o in open) OverdueRegister.Exit(db, o, milestones[o.MilestoneId], contract.RegionId, OverdueExit.Terminated, Today);
        }
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.TerminationEntered, contractId, () => Notary.NotaryFacts.TerminationEntered(entry));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Records the outcome of the dispute (once) and hands it to credit as a <see cref="CreditEvent"/>.</summary>
    public async Task<TerminationEntry> RecordOutcomeAsync(long entryId, BreachingParty outcome, DateOnly? on, string? note, CancellationToken ct = default)
    {
        var entry = await db.TerminationEntries.FirstOrDefaultAsync(t => t.Id == entryId, ct) ?? throw DomainException.NotFound("终止库记录|termination entry");
        RequireSupervisor(entry.RegionId);
        var errors = new ErrorBag();
        var day = on ?? Today;
        if (!Enum.IsDefined(outcome)) errors.Add("outcome", "请选择违约方", "Choose which party breached");
        if (day > Today) errors.Add("outcomeOn", "日期不能晚于今天", "The date cannot be in the future");
        if (day < entry.EnteredOn) errors.Add("outcomeOn", "处理结果日期不能早于移入终止库的日期", "The outcome cannot predate the entry");
        if (string.IsNullOrWhiteSpace(note)) errors.Add("note", "请填写争议处理结果（如判决书、仲裁裁决或协议）", "Describe the resolution (judgment, award or settlement)");
        else if (note.Trim().Length > 2000) errors.Add("note", "说明不超过2000字", "The note is at most 2000 characters");
        if (outcome == BreachingParty.Supplier && entry.SupplierId is null)
            errors.Add("outcome", "该合同没有供应商，不能认定供应商违约", "The contract has no supplier to find in breach");
        errors.ThrowIfAny();
        if (entry.Outcome is not null)
            throw new DomainException(ErrorKind.Conflict, new Msg("争议处理结果已经记录", "The outcome has already been recorded"));

        entry.Outcome = outcome;
        entry.OutcomeOn = day;
        entry.OutcomeNote = note!.Trim();
        entry.OutcomeBy = db.Scope.Actor;
        var (kind, party) = outcome == BreachingParty.Purchaser
            ? (CreditPartyKind.Purchaser, entry.BudgetUnitId)
            : (CreditPartyKind.Supplier, entry.SupplierId ?? 0);
        if (outcome != BreachingParty.Neither || entry.SupplierId is not null)
            db.CreditEvents.Add(new CreditEvent
            {
                RegionId = entry.RegionId, PartyKind = kind, PartyId = party,
                Kind = outcome == BreachingParty.Neither ? CreditEvent.TerminationNoBreach : CreditEvent.TerminationBreach,
                OccurredOn = day, ContractId = entry.ContractId, Source = $"termination:{entry.Id}",
                CountsAsDishonest = outcome != BreachingParty.Neither, Note = entry.OutcomeNote, CreatedAt = Now,
            });
        Timeline.Add(db, entry.ContractId, Timeline.TerminationOutcome, $"终止争议处理结果：{MilestoneLabels.Breaches[outcome].Zh}（{day:yyyy-MM-dd}）：{entry.OutcomeNote}");
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.TerminationOutcome, entry.ContractId, Notary.NotaryFacts.TerminationOutcome(entry));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private void RequireSupervisor(long regionId)
    {
        var s = db.Scope;
        if (!(s.All || (s.HasRole(Roles.Supervisor) && s.RegionId == regionId))) throw DomainException.Forbidden();
    }

    private static IEnumerable<long> ParseIds(string? s) =>
        (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => long.TryParse(x, out var v) ? v : 0).Where(v => v > 0);
}
