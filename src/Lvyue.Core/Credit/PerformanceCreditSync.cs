using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Credit;

/// <summary>
/// Turns the performance capability's <see cref="CreditEvent"/> rows into credit records (once each, keyed
/// <c>credit-event:{id}</c>) and regrades the parties they are about. An overdue milestone completed under
/// supervision is recorded but does not count (Yulin); the event's own dishonesty flag is kept.
/// </summary>
public sealed class PerformanceCreditSync(LvyueDbContext db, CreditService credit)
{
    /// <summary>Records every credit event not recorded yet; returns how many records were added.</summary>
    public async Task<int> SyncAsync(CancellationToken ct = default)
    {
        var done = db.CreditRecords.Where(r => r.SourceKey.StartsWith("credit-event:")).Select(r => r.SourceKey);
        var pending = await db.CreditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var recorded = (await done.ToListAsync(ct)).ToHashSet();
        var added = new List<CreditRecord>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var e in pending)
        {
            var key = $"credit-event:{e.Id}";
            if (recorded.Contains(key)) continue;
            var kind = KindOf(e);
            var k = CreditRules.Kinds[kind];
            var subject = e.PartyKind == CreditPartyKind.Supplier ? CreditSubject.Supplier : CreditSubject.BudgetUnit;
            var note = string.IsNullOrWhiteSpace(e.Note) ? "" : $"：{e.Note.Trim()}";
            var r = credit.Stage(subject, e.PartyId, e.RegionId, CreditSource.Performance, kind, e.ContractId, key,
                k.Zh + note, k.En + (string.IsNullOrWhiteSpace(e.Note) ? "" : $": {e.Note.Trim()}"), e.OccurredOn);
            if (r is null) continue;
            r.Dishonest = e.CountsAsDishonest;
            if (kind == "overdue_supervised") r.Counted = false;
            added.Add(r);
        }
        await db.SaveChangesAsync(ct);
        foreach (var party in added.Select(r => (r.Subject, r.SubjectId)).Distinct())
            await credit.RegradeAsync(party.Subject, party.SubjectId, ct);
        await tx.CommitAsync(ct);
        return added.Count;
    }

    /// <summary>The credit record kind of a performance event.</summary>
    public static string KindOf(CreditEvent e) => e.Kind switch
    {
        CreditEvent.TerminationBreach => "terminated_for_breach",
        CreditEvent.OverdueCompleted => "overdue_supervised",
        _ => "breach_after_dispute",
    };
}
