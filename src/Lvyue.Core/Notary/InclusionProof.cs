using System.Numerics;

namespace Lvyue.Notary;

/// <summary>
/// Inclusion proofs (audit paths) of a Merkle log: generation per RFC 6962 §2.1.1 and verification per
/// RFC 9162 §2.1.3.2. A proof lists the sibling subtree hashes from the leaf up to the root.
/// </summary>
public static class InclusionProof
{
    /// <summary>How many hashes the inclusion proof of leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves has.</summary>
    public static int Length(ulong index, ulong size)
    {
        if (index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is not less than tree size {size}");
        // Below the level where the paths to the leaf and to the last leaf meet, every level has a
        // sibling; above it, only the levels where the leaf lies in a right-hand subtree do.
        var diverging = index ^ (size - 1);
        var inner = diverging == 0 ? 0 : BitOperations.Log2(diverging) + 1;
        return inner + BitOperations.PopCount(index >> inner);
    }

    /// <summary>The leaf ranges whose subtree hashes make the proof of leaf <paramref name="index"/> in a tree of <paramref name="size"/>, in proof order.</summary>
    public static IReadOnlyList<SubtreeRange> Ranges(ulong index, ulong size)
    {
        if (index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is not less than tree size {size}");
        var ranges = new List<SubtreeRange>(64);
        AddPath(index, 0, size, ranges);
        return ranges;
    }

    private static void AddPath(ulong index, ulong start, ulong end, List<SubtreeRange> into)
    {
        var n = end - start;
        if (n == 1) return;
        var k = MerkleHash.Split(n);
        if (index < k)
        {
            AddPath(index, start, start + k, into);
            into.Add(new SubtreeRange(start + k, end));
        }
        else
        {
            AddPath(index - k, start + k, end, into);
            into.Add(new SubtreeRange(start, start + k));
        }
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of all of <paramref name="leafHashes"/>.</summary>
    public static IReadOnlyList<byte[]> Generate(IReadOnlyList<byte[]> leafHashes, ulong index)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return Ranges(index, (ulong)leafHashes.Count).Select(r => MerkleHash.Root(leafHashes, r.Start, r.End)).ToList();
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the leaf hashed <paramref name="leafHash"/> is leaf
    /// <paramref name="index"/> (0-based) of the tree of <paramref name="size"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    public static ProofVerdict Verify(byte[] leafHash, ulong index, ulong size, byte[] root, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(proof);
        if (size == 0) return ProofVerdict.Invalid("the tree size is 0: an empty tree includes no leaf");
        if (index >= size) return ProofVerdict.Invalid($"the index {index} is not less than the tree size {size}");
        if (ProofInput.LengthProblem("the leaf hash", leafHash) is { } leafProblem) return ProofVerdict.Invalid(leafProblem);
        if (ProofInput.LengthProblem("the root", root) is { } rootProblem) return ProofVerdict.Invalid(rootProblem);
        var expected = Length(index, size);
        if (proof.Count != expected)
            return ProofVerdict.Invalid($"the proof has {proof.Count} hashes; the inclusion proof of index {index} in a tree of {size} has {expected}");
        if (ProofInput.ProofLengthProblem(proof) is { } proofProblem) return ProofVerdict.Invalid(proofProblem);

        // RFC 9162 §2.1.3.2: fn is the leaf's position and sn the last leaf's, both shifted up one level per step.
        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0) return ProofVerdict.Invalid("the proof has more hashes than the tree has levels");
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) return ProofVerdict.Invalid("the proof has fewer hashes than the tree has levels");
        return ProofInput.Same(r, root)
            ? ProofVerdict.Valid
            : ProofVerdict.Invalid($"the proof leads to the root {ProofInput.Hex(r)}, not to the given root {ProofInput.Hex(root)}");
    }
}
