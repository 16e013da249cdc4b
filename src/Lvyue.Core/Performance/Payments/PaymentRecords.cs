using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Performance.Payments;

/// <summary>What a matched payment writes besides itself: the timeline entry, its alerts, and the milestone it settles.</summary>
internal static class PaymentRecords
{
    public static ContractEvent Event(Payment p, PayableContract c, PayableMilestone? m, List<AlertDraft> alerts, DateTime now, string actor)
    {
        var note = $"支付 {Money.Format(p.Amount)}（凭证号{p.VoucherNo}，{p.PayDate:yyyy-MM-dd}，收款人{p.PayeeName}）；累计支付{Money.Format(c.Paid)}"
                   + (m is null ? "" : $"；对应节点“{m.Title}”")
                   + (alerts.Count == 0 ? "" : "；⚠ " + string.Join("；", alerts.Select(a => a.Message)));
        return new ContractEvent { ContractId = c.Id, Kind = "payment", At = now, Actor = actor, Note = note.Length > 2000 ? note[..2000] : note };
    }

    public static ComplianceAlert Alert(AlertDraft d, Payment p, PayableContract c, DateTime now) => new()
    {
        ContractId = c.Id, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, Kind = d.Kind, PaymentId = p.Id,
        Message = Clip(d.Message), MessageEn = Clip(d.MessageEn), Amount = d.Amount, DaysLate = d.DaysLate, Interest = d.Interest, RaisedAt = now,
    };

    /// <summary>Marks each matched payment milestone met on its payment's date, with what follows a met milestone.</summary>
    public static async Task MeetMilestonesAsync(LvyueDbContext db, List<(long MilestoneId, Payment Payment)> matched, DateTime now, CancellationToken ct)
    {
        if (matched.Count == 0) return;
        var ids = matched.Select(m => m.MilestoneId).ToList();
        var milestones = await db.Milestones.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        // What follows a met milestone only matters for those with dependents or an open overdue entry: find them in
        // two queries for the batch rather than asking for each milestone.
        var follow = (await db.Milestones.Where(m => m.TriggerMilestoneId != null && ids.Contains(m.TriggerMilestoneId.Value))
                .Select(m => m.TriggerMilestoneId!.Value).ToListAsync(ct))
            .Concat(await db.OverdueEntries.Where(o => ids.Contains(o.MilestoneId) && o.ExitedOn == null).Select(o => o.MilestoneId).ToListAsync(ct))
            .ToHashSet();
        foreach (var (id, payment) in matched)
        {
            if (!milestones.TryGetValue(id, out var m)) continue;
            m.Status = MilestoneStatus.Met;
            m.MetDate = payment.PayDate;
            m.EvidenceNote = Clip($"国库支付凭证{payment.VoucherNo}，{payment.PayDate:yyyy-MM-dd}支付{Money.Format(payment.Amount)}", 2000);
            m.UpdatedAt = now;
            m.Version++;
            // Dates what counts from it and takes it out of the overdue register (completed, not dishonest).
            if (follow.Contains(m.Id)) await MilestoneService.OnStatusChangedAsync(db, m, ct);
        }
    }

    private static string Clip(string s, int max = 1000) => s.Length > max ? s[..max] : s;
}
