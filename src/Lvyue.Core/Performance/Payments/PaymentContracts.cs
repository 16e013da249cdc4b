using Lvyue.Data;
using Lvyue.Performance.Acceptance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Payments;

/// <summary>An open payment milestone a payment may settle.</summary>
public sealed record PayableMilestone(long Id, string Title, decimal? Amount, DateOnly? DueDate, int Sequence,
    bool DependsOnAcceptance, DateOnly? TriggerMetDate, int? OffsetDays);

/// <summary>A contract as payment matching and the cross-checks see it, with what was paid on it so far.</summary>
public sealed class PayableContract
{
    public long Id { get; init; }
    public required string Number { get; init; }
    public long RegionId { get; init; }
    public long BudgetUnitId { get; init; }
    public decimal Amount { get; init; }
    public List<SupplierFacts> Suppliers { get; } = [];
    /// <summary>Paid so far (stored payments, then the rows of the file before the current one).</summary>
    public decimal Paid { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    /// <summary>Open payment milestones, earliest first; a matched one is removed.</summary>
    public List<PayableMilestone> OpenPayments { get; } = [];

    /// <summary>Takes the earliest open payment milestone of exactly <paramref name="amount"/>, if any.</summary>
    public PayableMilestone? TakeMilestone(decimal amount)
    {
        var m = OpenPayments.FirstOrDefault(x => x.Amount == amount);
        if (m is not null) OpenPayments.Remove(m);
        return m;
    }

    /// <summary>The facts the checks of a payment of this contract need.</summary>
    public PaymentFacts Facts(Payment p, PayableMilestone? milestone)
    {
        var dependsOnAcceptance = milestone?.DependsOnAcceptance == true;
        var start = dependsOnAcceptance ? AcceptedOn : DeliveredOn ?? AcceptedOn;
        int? agreed = milestone is null ? null
            : milestone.DueDate is { } due && start is { } s ? due.DayNumber - s.DayNumber
            : milestone.OffsetDays;
        return new PaymentFacts
        {
            ContractNumber = Number, ContractAmount = Amount, PaidBefore = Paid, Amount = p.Amount, PayDate = p.PayDate,
            PayeeName = p.PayeeName, PayeeAccount = p.PayeeAccount, Suppliers = Suppliers,
            DependsOnAcceptance = dependsOnAcceptance, AcceptedOn = AcceptedOn, DeliveredOn = DeliveredOn, AgreedDays = agreed,
        };
    }

    /// <summary>Loads the contracts of <paramref name="ids"/> visible in the current scope, with suppliers, payments so far, acceptance and milestones.</summary>
    public static async Task<Dictionary<long, PayableContract>> LoadAsync(LvyueDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, PayableContract>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var list = chunk.ToList();
            foreach (var c in await db.Contracts.AsNoTracking().Where(c => list.Contains(c.Id))
                         .Select(c => new { c.Id, c.Number, c.RegionId, c.BudgetUnitId, c.Amount }).ToListAsync(ct))
                result[c.Id] = new PayableContract { Id = c.Id, Number = c.Number, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, Amount = c.Amount };
            foreach (var s in await db.ContractSuppliers.AsNoTracking().Where(s => list.Contains(s.ContractId)).OrderBy(s => s.SortOrder)
                         .Select(s => new { s.ContractId, s.SupplierId, s.Supplier!.Name, s.Supplier.BankAccount, s.Supplier.IsSme }).ToListAsync(ct))
                if (result.TryGetValue(s.ContractId, out var c)) c.Suppliers.Add(new SupplierFacts(s.SupplierId, s.Name, s.BankAccount, s.IsSme));
            foreach (var p in await db.Payments.AsNoTracking().Where(p => p.ContractId != null && list.Contains(p.ContractId.Value))
                         .GroupBy(p => p.ContractId!.Value).Select(g => new { g.Key, Sum = g.Sum(p => p.Amount) }).ToListAsync(ct))
                if (result.TryGetValue(p.Key, out var c)) c.Paid = p.Sum;
            foreach (var a in await db.AcceptanceRecords.AsNoTracking().Where(a => list.Contains(a.ContractId) && a.Result != AcceptanceResult.Failed)
                         .GroupBy(a => a.ContractId).Select(g => new { g.Key, First = g.Min(a => a.Date) }).ToListAsync(ct))
                if (result.TryGetValue(a.Key, out var c)) c.AcceptedOn = a.First;

            var milestones = await db.Milestones.AsNoTracking().Where(m => list.Contains(m.ContractId))
                .Select(m => new { m.Id, m.ContractId, m.Kind, m.Title, m.Status, m.Amount, m.DueDate, m.Sequence, m.MetDate, m.RuleTrigger, m.TriggerMilestoneId, m.RuleOffsetDays, m.RuleText })
                .ToListAsync(ct);
            var byId = milestones.ToDictionary(m => m.Id);
            foreach (var g in milestones.GroupBy(m => m.ContractId))
            {
                if (!result.TryGetValue(g.Key, out var c)) continue;
                c.DeliveredOn = g.Where(m => m.Kind is MilestoneKind.Delivery or MilestoneKind.Completion && m.MetDate != null).Min(m => m.MetDate);
                var accepted = g.Where(m => m.Kind == MilestoneKind.Acceptance && m.Status == MilestoneStatus.Met && m.MetDate != null).Min(m => m.MetDate);
                if (accepted is { } d && (c.AcceptedOn is null || d < c.AcceptedOn)) c.AcceptedOn = d;
                foreach (var m in g.Where(m => m.Kind == MilestoneKind.PaymentInstallment && Milestone.OpenStatuses.Contains(m.Status))
                             .OrderBy(m => m.DueDate == null).ThenBy(m => m.DueDate).ThenBy(m => m.Sequence))
                {
                    var trigger = m.TriggerMilestoneId is { } t && byId.TryGetValue(t, out var tm) ? tm : null;
                    var depends = (m.RuleTrigger == DueTrigger.Milestone && trigger?.Kind == MilestoneKind.Acceptance)
                                  || (m.RuleText?.Contains("验收") ?? false);
                    c.OpenPayments.Add(new PayableMilestone(m.Id, m.Title, m.Amount, m.DueDate, m.Sequence, depends, trigger?.MetDate, m.RuleOffsetDays));
                }
            }
        }
        return result;
    }
}
