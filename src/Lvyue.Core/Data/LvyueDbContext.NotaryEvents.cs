using Lvyue.Notary;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

/// <summary>The notary capability's part of the context: the digest index and the queue of events to record.</summary>
public sealed partial class LvyueDbContext
{
    private readonly List<Func<NotaryEvent>> _notaryQueue = [];

    /// <summary>Which leaves carry which document digests.</summary>
    public DbSet<NotaryLeafDigest> NotaryLeafDigests => Set<NotaryLeafDigest>();

    /// <summary>Queues an event for the next save (see <see cref="INotaryRecorder"/>); built when the save runs.</summary>
    internal void EnqueueNotaryEvent(Func<NotaryEvent> build) => _notaryQueue.Add(build);

    private bool HasNotaryEvents => _notaryQueue.Count > 0;

    // Called by SaveChangesAsync inside its transaction, after the business rows (so new ids are known).
    private async Task AppendNotaryEventsAsync(CancellationToken ct)
    {
        if (_notaryQueue.Count == 0) return;
        var events = _notaryQueue.Select(build => build()).ToList();
        _notaryQueue.Clear();
        await new NotaryLog(this).AppendAsync(events, ct);
    }

    partial void ConfigureNotaryEvents(ModelBuilder b)
    {
        b.Entity<NotaryLeafDigest>(e =>
        {
            e.HasKey(d => new { d.Digest, d.Algorithm, d.LeafIndex });
            e.Property(d => d.Digest).HasMaxLength(128);
            e.Property(d => d.Algorithm).HasMaxLength(32);
        });
    }
}
