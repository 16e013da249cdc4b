using System.Numerics;
using System.Security.Cryptography;

namespace Lvyue.Notary;

/// <summary>
/// The hashing of an RFC 6962 / RFC 9162 Merkle tree with SHA-256: a leaf is SHA-256(0x00‖data),
/// an interior node SHA-256(0x01‖left‖right), and the root of n leaves splits them at the largest
/// power of two smaller than n (the empty tree's root is SHA-256 of nothing).
/// </summary>
public static class MerkleHash
{
    /// <summary>The length of every hash in the tree, in bytes.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The hash of a leaf whose content is <paramref name="data"/>.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(data);
        return sha.GetHashAndReset();
    }

    /// <summary>The hash of an interior node over its two children.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([NodePrefix]);
        sha.AppendData(left);
        sha.AppendData(right);
        return sha.GetHashAndReset();
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n must be at least 2): where the tree of n leaves splits.</summary>
    public static ulong Split(ulong n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2UL);
        return 1UL << (BitOperations.Log2(n - 1));
    }

    /// <summary>The root of the tree whose leaf hashes are <paramref name="leafHashes"/>, in order.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? EmptyRoot() : Root(leafHashes, 0, (ulong)leafHashes.Count);
    }

    /// <summary>The root of the subtree over the leaves [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="leafHashes"/>.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, ulong start, ulong end)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (start >= end || end > (ulong)leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(end), $"[{start}, {end}) is not a non-empty range of the {leafHashes.Count} leaves");
        return Subtree(leafHashes, start, end);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leafHashes, ulong start, ulong end)
    {
        var n = end - start;
        if (n == 1) return leafHashes[checked((int)start)];
        var k = Split(n);
        return Node(Subtree(leafHashes, start, start + k), Subtree(leafHashes, start + k, end));
    }
}
