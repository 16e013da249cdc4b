using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notary;

/// <summary>
/// Records the contracts of a bulk import (<see cref="Contracts.ContractImport"/>), one <see cref="NotaryKinds.ContractImported"/>
/// leaf each, in the import's transaction. The bulk writer bypasses the change tracker, so the ids are read back:
/// those in the writer's id range created at the same instant by the same actor as its first row (on SQLite the range
/// is exactly the import's; on PostgreSQL the ids come from the shared sequence and a concurrent filing's id could
/// fall inside the range, which the instant and actor leave out). The ids are streamed; the payload is shared.
/// </summary>
public static class NotaryImports
{
    /// <summary>Queues one event per contract the import wrote (ids <paramref name="firstId"/>–<paramref name="lastId"/>) for the coming save.</summary>
    public static async Task<int> RecordContractsAsync(INotaryRecorder notary, LvyueDbContext db, long firstId, long lastId, NotaryPayload payload,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notary);
        ArgumentNullException.ThrowIfNull(db);
        if (firstId <= 0 || lastId < firstId) return 0;
        var first = await db.Contracts.AsNoTracking().IgnoreQueryFilters().Where(c => c.Id == firstId)
            .Select(c => new { c.CreatedAt, c.CreatedBy }).FirstAsync(ct);
        var n = 0;
        await foreach (var id in db.Contracts.AsNoTracking().IgnoreQueryFilters()
                           .Where(c => c.Id >= firstId && c.Id <= lastId && c.CreatedAt == first.CreatedAt && c.CreatedBy == first.CreatedBy)
                           .OrderBy(c => c.Id).Select(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            notary.Record(NotaryKinds.ContractImported, id, payload);
            n++;
        }
        return n;
    }
}
