namespace Lvyue.Notary;

/// <summary>
/// Signs checkpoints of the log with the platform's keys when the log grew, and gives receipts (signing a
/// checkpoint first when none covers the leaf yet). Safe with several instances: the check and the insert run
/// under the log's append lock.
/// </summary>
public sealed class NotaryCheckpointer(NotaryLog log, NotaryKeyRing keys)
{
    /// <summary>A new checkpoint of the current tree, or null when the latest one already has its size (or the log is empty).</summary>
    public Task<NotaryCheckpoint?> SignIfGrownAsync(CancellationToken ct = default) =>
        log.CheckpointAsync(keys.Signers, keys.Origin, onlyIfGrown: true, ct);

    /// <summary>The receipt of leaf <paramref name="index"/> (see docs/notary-leaf-format.md); null when the log has no such leaf.</summary>
    public async Task<string?> ReceiptAsync(long index, CancellationToken ct = default)
    {
        if (index < 0 || index >= await log.SizeAsync(ct)) return null;
        if (await log.LatestCheckpointSizeAsync(ct) <= index) await SignIfGrownAsync(ct);
        return await log.ReceiptAsync(index, ct);
    }
}
