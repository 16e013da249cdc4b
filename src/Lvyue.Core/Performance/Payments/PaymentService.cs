using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Payments;

/// <summary>
/// Payments after import: the list of those a person must match, matching one by hand to a contract
/// (and optionally one of its open payment milestones) with the same cross-checks and timeline entry
/// as an automatic match, and the alerts with their resolution.
/// </summary>
public sealed class PaymentService(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Payments with no contract, or with a contract but no milestone, newest first.</summary>
    public Task<List<Payment>> UnmatchedAsync(int take = 500, CancellationToken ct = default) =>
        db.Payments.AsNoTracking().Where(p => p.Match == PaymentMatch.Unmatched || p.Match == PaymentMatch.ContractOnly)
            .OrderBy(p => p.Match).ThenByDescending(p => p.PayDate).ThenByDescending(p => p.Id).Take(take).ToListAsync(ct);

    /// <summary>The payments of a contract, in pay order.</summary>
    public Task<List<Payment>> ForContractAsync(long contractId, CancellationToken ct = default) =>
        db.Payments.AsNoTracking().Where(p => p.ContractId == contractId).OrderBy(p => p.PayDate).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>Alerts the caller sees, open ones first, newest first; optionally of one contract or only open ones.</summary>
    public Task<List<ComplianceAlert>> AlertsAsync(long? contractId = null, bool openOnly = false, int take = 500, CancellationToken ct = default)
    {
        var q = db.ComplianceAlerts.AsNoTracking();
        if (contractId is { } id) q = q.Where(a => a.ContractId == id);
        if (openOnly) q = q.Where(a => a.ResolvedAt == null);
        return q.OrderBy(a => a.ResolvedAt != null).ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Matches a payment by hand to a contract the caller may see (and one of its open payment milestones).</summary>
    public async Task<Payment> MatchAsync(long paymentId, long contractId, long? milestoneId = null, CancellationToken ct = default)
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw DomainException.NotFound("支付记录|payment");
        if (payment.Match is PaymentMatch.Matched or PaymentMatch.Manual)
            throw new DomainException(ErrorKind.Conflict, new Msg("该支付已匹配", "This payment is already matched"));
        if (payment.ContractId is { } current && current != contractId)
            throw new DomainException(ErrorKind.Conflict, new Msg("该支付已匹配到另一合同，只能再匹配其付款节点", "This payment is matched to another contract; only its milestone can be matched"));
        var contracts = await PayableContract.LoadAsync(db, [contractId], ct);
        if (!contracts.TryGetValue(contractId, out var contract)) throw DomainException.NotFound("合同|contract");
        var mayMatch = Scope.All || (Scope.HasRole(Roles.Supervisor) && Scope.RegionId == contract.RegionId)
                       || (Scope.CanWriteContracts && Scope.BudgetUnitId == contract.BudgetUnitId);
        if (!mayMatch) throw DomainException.Forbidden();
        PayableMilestone? milestone = null;
        if (milestoneId is { } mid)
        {
            milestone = contract.OpenPayments.FirstOrDefault(m => m.Id == mid)
                        ?? throw new DomainException(ErrorKind.Invalid, new Msg("请选择该合同未完成的付款节点", "Choose an open payment milestone of this contract"),
                            new Dictionary<string, Msg[]> { ["milestoneId"] = [new Msg("付款节点无效", "Invalid milestone")] });
        }
        var alreadyCounted = payment.ContractId == contractId;
        if (alreadyCounted) contract.Paid -= payment.Amount;
        var drafts = alreadyCounted ? [] : PaymentChecks.Evaluate(contract.Facts(payment, milestone));
        contract.Paid += payment.Amount;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        payment.ContractId = contract.Id;
        payment.MilestoneId = milestone?.Id;
        payment.RegionId = contract.RegionId;
        payment.BudgetUnitId = contract.BudgetUnitId;
        payment.Match = PaymentMatch.Manual;
        payment.MatchedAt = Now;
        payment.MatchedBy = Scope.Actor;
        var e = PaymentRecords.Event(payment, contract, milestone, drafts, Now, Scope.Actor);
        e.Note = Clip("人工匹配：" + e.Note);
        db.ContractEvents.Add(e);
        db.ComplianceAlerts.AddRange(drafts.Select(d => PaymentRecords.Alert(d, payment, contract, Now)));
        if (milestone is not null) await PaymentRecords.MeetMilestonesAsync(db, [(milestone.Id, payment)], Now, ct);
        (notary ?? new Notary.NotaryRecorder(db)).Record(Notary.NotaryKinds.PaymentMatched, contract.Id, Notary.NotaryFacts.Payment(payment));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return payment;
    }

    /// <summary>Closes an alert with a note (supervisors of the region, the unit's leader).</summary>
    public async Task<ComplianceAlert> ResolveAlertAsync(long alertId, string? note, CancellationToken ct = default)
    {
        var alert = await db.ComplianceAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct) ?? throw DomainException.NotFound("预警|alert");
        var may = Scope.All || (Scope.HasRole(Roles.Supervisor) && Scope.RegionId == alert.RegionId)
                  || (Scope.HasRole(Roles.UnitLeader) && Scope.BudgetUnitId == alert.BudgetUnitId);
        if (!may) throw DomainException.Forbidden();
        if (alert.ResolvedAt is not null) throw new DomainException(ErrorKind.Conflict, new Msg("该预警已处理", "This alert is already resolved"));
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException(ErrorKind.Invalid, new Msg("请填写处理说明", "Give a resolution note"),
                new Dictionary<string, Msg[]> { ["note"] = [new Msg("请填写处理说明", "Give a resolution note")] });
        alert.ResolvedAt = Now;
        alert.ResolvedBy = Scope.Actor;
        alert.ResolutionNote = Clip(note.Trim());
        db.ContractEvents.Add(new Contracts.ContractEvent
        {
            ContractId = alert.ContractId, Kind = "alert-resolved", At = Now, Actor = Scope.Actor, Note = Clip($"预警已处理：{alert.Message}；说明：{alert.ResolutionNote}"),
        });
        await db.SaveChangesAsync(ct);
        return alert;
    }

    private static string Clip(string s, int max = 1000) => s.Length > max ? s[..max] : s;
}
