using Lvyue.Contracts;
using Lvyue.Data;

namespace Lvyue.Notary;

/// <summary>
/// The <see cref="INotaryRecorder"/> of one request: it validates the event now (a bad kind or attribute name
/// throws here, before anything is written) and queues it on the request's <see cref="LvyueDbContext"/>.
/// </summary>
public sealed class NotaryRecorder(LvyueDbContext db) : INotaryRecorder
{
    /// <inheritdoc />
    public void Record(string kind, long? contractId, NotaryPayload? payload = null) => Enqueue(kind, () => contractId, payload);

    /// <inheritdoc />
    public void Record(string kind, Contract contract, NotaryPayload? payload = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Enqueue(kind, () => contract.Id, payload);
    }

    /// <inheritdoc />
    public void Record(string kind, long? contractId, Func<NotaryPayload> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var at = db.Clock.GetUtcNow();
        var now = payload();
        _ = new NotaryEvent(kind, null, at, now.Digests, now.Attributes);
        db.EnqueueNotaryEvent(() =>
        {
            var saved = payload();
            return new NotaryEvent(kind, contractId, at, saved.Digests, saved.Attributes);
        });
    }

    private void Enqueue(string kind, Func<long?> contractId, NotaryPayload? payload)
    {
        payload ??= NotaryPayload.Empty;
        var at = db.Clock.GetUtcNow();
        // Built once now to validate; built again at save time with the contract id the save assigned.
        _ = new NotaryEvent(kind, null, at, payload.Digests, payload.Attributes);
        db.EnqueueNotaryEvent(() => new NotaryEvent(kind, contractId(), at, payload.Digests, payload.Attributes));
    }
}
