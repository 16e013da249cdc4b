namespace Lvyue.Notary;

/// <summary>
/// The proof that the log only grew between two tree sizes: both roots as the stored log has them and the
/// RFC 9162 consistency proof between them, ready for an API answer or an auditor.
/// </summary>
public sealed record NotaryGrowthProof(long Size1, long Size2, byte[] Root1, byte[] Root2, IReadOnlyList<byte[]> Proof)
{
    /// <summary>Checks the proof against its own roots (a self-check; an auditor checks it against signed checkpoints).</summary>
    public ProofVerdict Verify() => ConsistencyProof.Verify((ulong)Size1, (ulong)Size2, Root1, Root2, Proof);
}

/// <summary>
/// Proves from the stored log that the tree of <c>size1</c> leaves is a prefix of the tree of <c>size2</c> leaves,
/// reading O(log n) stored subtree hashes through <see cref="NotaryLog"/>.
/// </summary>
public sealed class NotaryGrowth(NotaryLog log)
{
    /// <summary>The growth proof from <paramref name="size1"/> to <paramref name="size2"/> (1 ≤ size1 ≤ size2 ≤ log size).</summary>
    public async Task<NotaryGrowthProof> ProveGrowthAsync(long size1, long size2, CancellationToken ct = default)
    {
        var proof = await log.ConsistencyProofAsync(size1, size2, ct);
        var root1 = await log.RootAsync(size1, ct);
        var root2 = await log.RootAsync(size2, ct);
        return new NotaryGrowthProof(size1, size2, root1, root2, proof);
    }
}
