using Lvyue.Contracts;

namespace Lvyue.Notary;

/// <summary>
/// Records key events in the notarization log in the same transaction as the business write: an event recorded
/// now is appended by the next <c>SaveChanges</c> of the request's <see cref="Data.LvyueDbContext"/>, inside that
/// save's transaction (or the caller's), after the business rows and just before commit. If the write fails or
/// rolls back, there is no leaf. Any capability may call it (one call per event, before its SaveChanges).
/// </summary>
public interface INotaryRecorder
{
    /// <summary>Records an event of <paramref name="kind"/> about contract <paramref name="contractId"/> (or none).</summary>
    void Record(string kind, long? contractId, NotaryPayload? payload = null);

    /// <summary>Records an event about <paramref name="contract"/>, whose id may be assigned only by the coming save.</summary>
    void Record(string kind, Contract contract, NotaryPayload? payload = null);

    /// <summary>
    /// Records an event whose payload names rows the coming save inserts (their ids are assigned by it): the payload is
    /// built now to validate it and built again at save time. A recorder that does not defer builds it once, now.
    /// </summary>
    void Record(string kind, long? contractId, Func<NotaryPayload> payload) => Record(kind, contractId, payload());
}
