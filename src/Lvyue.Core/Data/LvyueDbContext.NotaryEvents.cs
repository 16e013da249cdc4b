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

    private const int NotaryAppendSlice = 10_000;

    private bool HasNotaryEvents => _notaryQueue.Count > 0;

    // Called by SaveChangesAsync inside its transaction, after the business rows (so new ids are known).
    private async Task AppendNotaryEventsAsync(CancellationToken ct)
    {
        if (_notaryQueue.Count == 0) return;
        var queue = _notaryQueue.ToList();
        _notaryQueue.Clear();
        // A bulk import queues one event per row: append in slices so that the leaf and node rows in memory stay bounded.
        var log = new NotaryLog(this);
        foreach (var slice in queue.Chunk(NotaryAppendSlice)) await log.AppendAsync(slice.Select(build => build()).ToList(), ct);
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
