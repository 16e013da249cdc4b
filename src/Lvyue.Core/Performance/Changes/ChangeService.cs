using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Performance.Payments;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Changes;

/// <summary>
/// Changes (变更) of filed contracts: a clerk of the unit requests one (amount, term, scope or parties,
/// with a reason and optionally its supporting document), the unit's leader approves or rejects it.
/// Approval applies it to the ledger in the same transaction: the contract's amount (with the budget
/// line's commitment following it), end date or lead supplier changes, the contract's version is
/// bumped, and the change keeps the values before and after. An amount increase that takes the
/// cumulative increase of the contract above 10% of its original amount is flagged non-compliant
/// (政府采购法 第四十九条: 所有补充合同的采购金额不得超过原合同采购金额的百分之十) on the change and, as a
/// stored <see cref="ComplianceAlert"/>, on the contract. Every request and decision is on the
/// contract's timeline. Refusals throw <see cref="DomainException"/> and write nothing.
/// </summary>
public sealed class ChangeService(LvyueDbContext db, FilingService filing, Notary.INotaryRecorder? notary = null)
{
    /// <summary>The share of the original amount all increases together may not exceed (政府采购法 第四十九条).</summary>
    public const decimal IncreaseLimit = 0.10m;

    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The changes of a contract, oldest first.</summary>
    public Task<List<ContractChange>> ListAsync(long contractId, CancellationToken ct = default) =>
        db.ContractChanges.AsNoTracking().Where(c => c.ContractId == contractId).OrderBy(c => c.SequenceNo).ToListAsync(ct);

    /// <summary>Requests a change of a filed or performing contract.</summary>
    public async Task<ContractChange> RequestAsync(long contractId, ChangeInput input, UploadedDocument? document = null, CancellationToken ct = default)
    {
        var contract = await db.Contracts.Include(c => c.Suppliers).FirstOrDefaultAsync(c => c.Id == contractId, ct)
                       ?? throw DomainException.NotFound("合同|contract");
        if (!(Scope.All || (Scope.CanWriteContracts && Scope.BudgetUnitId == contract.BudgetUnitId))) throw DomainException.Forbidden();
        if (contract.Status is not (ContractStatus.Filed or ContractStatus.Performing))
            throw new DomainException(ErrorKind.Conflict, new Msg("只有已备案或履行中的合同可以变更（草稿请直接修改）",
                "Only a filed or performing contract can be changed (edit a draft directly)"));

        var errors = new ErrorBag();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors.Add("reason", "请填写变更原因", "Give the reason for the change");
        else if (reason.Length > 1000) errors.Add("reason", "变更原因不能超过1000字", "The reason may not exceed 1000 characters");
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > 2000) errors.Add("description", "变更内容不能超过2000字", "The description may not exceed 2000 characters");

        var change = new ContractChange
        {
            ContractId = contract.Id, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId, Kind = input.Kind,
            State = ChangeState.Pending, Reason = reason ?? "", Description = description, RequestedAt = Now, RequestedBy = Scope.Actor,
        };
        switch (input.Kind)
        {
            case ChangeKind.Amount:
                if (input.NewAmount is null == input.AmountDelta is null)
                    errors.Add("newAmount", "请填写变更后金额或增减金额（二选一）", "Give either the new amount or the change in amount");
                else
                {
                    var after = input.NewAmount ?? contract.Amount + input.AmountDelta!.Value;
                    if (after < 0)
                        errors.Add(input.NewAmount is null ? "amountDelta" : "newAmount",
                            $"变更后合同金额为{Money.Format(after)}，不能为负数", $"The contract amount would become {Money.Format(after)}; it cannot be negative");
                    else if (after == contract.Amount) errors.Add("newAmount", "变更后金额与原金额相同", "The new amount equals the current amount");
                    else if (decimal.Round(after, 2) != after) errors.Add("newAmount", "金额最多保留两位小数", "Amounts have at most two decimals");
                    change.AmountBefore = contract.Amount;
                    change.AmountAfter = after;
                }
                break;
            case ChangeKind.Term:
                if (input.NewEndDate is not { } end) errors.Add("newEndDate", "请填写变更后的合同截止日期", "Give the new end date");
                else
                {
                    if (end == contract.EndDate) errors.Add("newEndDate", "变更后截止日期与原日期相同", "The new end date equals the current one");
                    if (contract.StartDate is { } start && end < start)
                        errors.Add("newEndDate", $"截止日期不能早于履约开始日期{start:yyyy-MM-dd}", $"The end date cannot be before the start date {start:yyyy-MM-dd}");
                    change.EndDateBefore = contract.EndDate;
                    change.EndDateAfter = end;
                }
                break;
            case ChangeKind.Scope:
                if (description is null) errors.Add("description", "请填写变更的履约范围", "Describe the change of scope");
                break;
            case ChangeKind.Parties:
                var lead = contract.Suppliers.OrderBy(s => s.SortOrder).FirstOrDefault();
                change.SupplierIdBefore = lead?.SupplierId;
                if (input.NewSupplierId is not { } sid) errors.Add("newSupplierId", "请选择变更后的供应商", "Choose the new supplier");
                else if (!await db.Suppliers.AnyAsync(s => s.Id == sid, ct)) errors.Add("newSupplierId", "供应商不存在", "Unknown supplier");
                else if (contract.Suppliers.Any(s => s.SupplierId == sid)) errors.Add("newSupplierId", "该供应商已是合同当事人", "This supplier is already a party");
                else change.SupplierIdAfter = sid;
                break;
            default:
                errors.Add("kind", "未知的变更类型", "Unknown kind of change");
                break;
        }
        errors.ThrowIfAny("变更申请有误，未保存", "The change request is invalid; nothing was saved");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (document is not null) change.DocumentId = (await filing.AddDocumentAsync(contract.Id, document, ct)).Id;
        change.SequenceNo = await NextSequenceAsync(contract.Id, ct);
        db.ContractChanges.Add(change);
        db.ContractEvents.Add(Event(contract.Id, "change-requested", $"第{change.SequenceNo}次变更申请（{KindLabel(change.Kind)}）：{Describe(change)}；原因：{change.Reason}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return change;
    }

    /// <summary>Approves a pending change and applies it to the ledger.</summary>
    public async Task<ContractChange> ApproveAsync(long changeId, string? note, CancellationToken ct = default)
    {
        var (change, contract) = await LoadForDecisionAsync(changeId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string applied;
        switch (change.Kind)
        {
            case ChangeKind.Amount:
                applied = await ApplyAmountAsync(change, contract, ct);
                break;
            case ChangeKind.Term:
                change.EndDateBefore = contract.EndDate;
                contract.EndDate = change.EndDateAfter;
                applied = TermNote(change);
                break;
            case ChangeKind.Parties:
                applied = await ApplyPartiesAsync(change, contract, ct);
                break;
            default:
                applied = $"履约范围变更：{change.Description}";
                contract.UpdatedAt = Now; // versions the ledger row even though no column of it changes
                db.Entry(contract).State = EntityState.Modified;
                break;
        }
        change.State = ChangeState.Approved;
        change.DecidedAt = Now;
        change.DecidedBy = Scope.Actor;
        change.DecisionNote = Trim(note);
        var approvedBefore = await db.ContractChanges.CountAsync(c => c.ContractId == contract.Id && c.State == ChangeState.Approved, ct);
        db.ContractEvents.Add(Event(contract.Id, "change-approved",
            $"第{change.SequenceNo}次变更已批准并生效（累计第{approvedBefore + 1}次生效变更）：{applied}" + (change.NonCompliant ? "；⚠ 累计增加金额超过原合同金额10%（政府采购法第四十九条）" : "")));
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.ChangeApproved, contract.Id, Notary.NotaryFacts.ChangeApproved(change));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return change;
    }

    /// <summary>Rejects a pending change with a reason; the ledger is unchanged.</summary>
    public async Task<ContractChange> RejectAsync(long changeId, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorKind.Invalid, new Msg("驳回必须填写原因", "A rejection needs a reason"),
                new Dictionary<string, Msg[]> { ["note"] = [new Msg("请填写驳回原因", "Give the reason for rejecting")] });
        var (change, contract) = await LoadForDecisionAsync(changeId, ct);
        change.State = ChangeState.Rejected;
        change.DecidedAt = Now;
        change.DecidedBy = Scope.Actor;
        change.DecisionNote = reason.Trim();
        db.ContractEvents.Add(Event(contract.Id, "change-rejected", $"第{change.SequenceNo}次变更被驳回：{change.DecisionNote}"));
        await db.SaveChangesAsync(ct);
        return change;
    }

    private async Task<string> ApplyAmountAsync(ContractChange change, Contract contract, CancellationToken ct)
    {
        // Another change may have been applied since the request: keep the requested delta.
        var delta = change.AmountAfter!.Value - change.AmountBefore!.Value;
        var after = contract.Amount + delta;
        if (after < 0)
            throw new DomainException(ErrorKind.Conflict, new Msg($"变更后合同金额为{Money.Format(after)}，不能为负数",
                $"The contract amount would become {Money.Format(after)}; it cannot be negative"));
        var previous = await db.ContractChanges.AsNoTracking()
            .Where(c => c.ContractId == contract.Id && c.State == ChangeState.Approved && c.Kind == ChangeKind.Amount)
            .OrderBy(c => c.SequenceNo).Select(c => new { c.AmountBefore, c.AmountAfter }).ToListAsync(ct);
        var original = previous.Count > 0 ? previous[0].AmountBefore!.Value : contract.Amount;
        var increase = previous.Sum(p => Math.Max(0, p.AmountAfter!.Value - p.AmountBefore!.Value)) + Math.Max(0, delta);

        if (delta > 0)
        {
            var n = await db.BudgetLines.Where(l => l.Id == contract.BudgetLineId && l.Amount - l.Committed >= delta)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed + delta), ct);
            if (n != 1)
            {
                var line = await db.BudgetLines.AsNoTracking().FirstAsync(l => l.Id == contract.BudgetLineId, ct);
                throw new DomainException(ErrorKind.Invalid, new Msg("预算指标余额不足", "Insufficient budget"), new Dictionary<string, Msg[]>
                {
                    ["amountDelta"] = [new Msg($"预算指标“{line.Name}”可用余额为{Money.Format(line.Available)}，不足以增加{Money.Format(delta)}",
                        $"Budget line '{line.Name}' has {Money.Format(line.Available)} available, less than the increase of {Money.Format(delta)}")],
                });
            }
        }
        else
        {
            await db.BudgetLines.Where(l => l.Id == contract.BudgetLineId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed + delta), ct);
        }

        change.AmountBefore = contract.Amount;
        change.AmountAfter = after;
        change.OriginalAmount = original;
        change.CumulativeIncrease = increase;
        change.NonCompliant = increase > original * IncreaseLimit;
        contract.Amount = after;
        var share = original == 0 ? 0 : increase / original;
        if (change.NonCompliant)
        {
            var excess = increase - original * IncreaseLimit;
            db.ComplianceAlerts.Add(new ComplianceAlert
            {
                ContractId = contract.Id, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId, Kind = AlertKind.ChangeOverTenPercent,
                ChangeId = change.Id, Amount = excess, RaisedAt = Now,
                Message = $"合同{contract.Number}经第{change.SequenceNo}次变更累计增加{Money.Format(increase)}，为原合同金额{Money.Format(original)}的{share:P1}，超过10%上限{Money.Format(excess)}（政府采购法第四十九条）",
                MessageEn = $"Contract {contract.Number}: change {change.SequenceNo} brings the cumulative increase to {Money.Format(increase)}, {share:P1} of the original {Money.Format(original)}, {Money.Format(excess)} above the 10% limit (Government Procurement Law art. 49)",
            });
        }
        // Repeated amount changes are called out: splitting an addition into small changes does not escape the 10% rule.
        var repeated = previous.Count >= 2 ? $"；⚠ 第{previous.Count + 1}次金额变更（多次小额变更）" : "";
        return $"合同金额 {Money.Format(change.AmountBefore.Value)} → {Money.Format(after)}（{(delta >= 0 ? "+" : "")}{Money.Format(delta)}；累计增加{Money.Format(increase)}，为原合同金额的{share:P1}）{repeated}";
    }

    private async Task<string> ApplyPartiesAsync(ContractChange change, Contract contract, CancellationToken ct)
    {
        var newId = change.SupplierIdAfter!.Value;
        if (contract.Suppliers.Any(s => s.SupplierId == newId))
            throw new DomainException(ErrorKind.Conflict, new Msg("该供应商已是合同当事人", "This supplier is already a party"));
        var lead = contract.Suppliers.OrderBy(s => s.SortOrder).FirstOrDefault();
        change.SupplierIdBefore = lead?.SupplierId;
        if (lead is not null) db.ContractSuppliers.Remove(lead);
        contract.Suppliers.Add(new ContractSupplier { ContractId = contract.Id, SupplierId = newId, SortOrder = lead?.SortOrder ?? 0 });
        var ids = contract.Suppliers.Where(s => s != lead).Select(s => s.SupplierId).ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id) || s.Id == change.SupplierIdBefore).ToListAsync(ct);
        var unitName = await db.BudgetUnits.Where(u => u.Id == contract.BudgetUnitId).Select(u => u.Name).FirstAsync(ct);
        contract.SearchText = FilingService.BuildSearchText(contract, unitName, suppliers.Where(s => ids.Contains(s.Id)));
        db.Entry(contract).State = EntityState.Modified;
        var before = suppliers.FirstOrDefault(s => s.Id == change.SupplierIdBefore)?.Name ?? "—";
        var after = suppliers.First(s => s.Id == newId).Name;
        return $"供应商 {before} → {after}" + (change.Description is null ? "" : $"：{change.Description}");
    }

    private async Task<(ContractChange, Contract)> LoadForDecisionAsync(long changeId, CancellationToken ct)
    {
        var change = await db.ContractChanges.FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw DomainException.NotFound("变更|change");
        var mayDecide = Scope.All || (Scope.HasRole(Roles.UnitLeader) && Scope.BudgetUnitId == change.BudgetUnitId);
        if (!mayDecide) throw DomainException.Forbidden();
        if (change.State != ChangeState.Pending)
            throw new DomainException(ErrorKind.Conflict, new Msg("该变更已处理", "This change has already been decided"));
        var contract = await db.Contracts.Include(c => c.Suppliers).FirstAsync(c => c.Id == change.ContractId, ct);
        if (contract.Status is not (ContractStatus.Filed or ContractStatus.Performing))
            throw new DomainException(ErrorKind.Conflict, new Msg("合同已完成或终止，不能再变更", "The contract is completed or terminated and can no longer change"));
        return (change, contract);
    }

    private async Task<int> NextSequenceAsync(long contractId, CancellationToken ct) =>
        (await db.ContractChanges.Where(c => c.ContractId == contractId).MaxAsync(c => (int?)c.SequenceNo, ct) ?? 0) + 1;

    private ContractEvent Event(long contractId, string kind, string note) =>
        new() { ContractId = contractId, Kind = kind, At = Now, Note = note.Length > 2000 ? note[..2000] : note, Actor = Scope.Actor };

    private static string TermNote(ContractChange c)
    {
        var from = c.EndDateBefore?.ToString("yyyy-MM-dd") ?? "—";
        var to = c.EndDateAfter!.Value.ToString("yyyy-MM-dd");
        if (c.EndDateBefore is not { } b) return $"合同期限 {from} → {to}";
        var days = c.EndDateAfter.Value.DayNumber - b.DayNumber;
        return days > 0 ? $"合同期限延长 {from} → {to}（+{days}天）" : $"合同期限缩短 {from} → {to}（{days}天）";
    }

    /// <summary>A one-line description of what a change requests.</summary>
    public static string Describe(ContractChange c) => c.Kind switch
    {
        ChangeKind.Amount => $"合同金额 {Money.Format(c.AmountBefore ?? 0)} → {Money.Format(c.AmountAfter ?? 0)}",
        ChangeKind.Term => TermNote(c),
        ChangeKind.Parties => "更换供应商" + (c.Description is null ? "" : $"：{c.Description}"),
        _ => c.Description ?? "",
    };

    /// <summary>The Chinese and English names of the kinds of change.</summary>
    public static readonly IReadOnlyDictionary<ChangeKind, (string Zh, string En)> KindLabels = new Dictionary<ChangeKind, (string, string)>
    {
        [ChangeKind.Amount] = ("金额变更", "Amount"),
        [ChangeKind.Term] = ("期限变更", "Term"),
        [ChangeKind.Scope] = ("范围变更", "Scope"),
        [ChangeKind.Parties] = ("当事人变更", "Parties"),
    };

    private static string KindLabel(ChangeKind k) => KindLabels[k].Zh;

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
