using System.Numerics;

namespace Lvyue.Notary;

/// <summary>
/// Consistency proofs of a Merkle log — that the tree of size2 leaves extends the tree of size1 leaves
/// without changing them: generation per RFC 6962 §2.1.2 and verification per RFC 9162 §2.1.4.2.
/// A proof starts from a tree of at least one leaf (a proof from the empty tree proves nothing).
/// </summary>
public static class ConsistencyProof
{
    /// <summary>How many hashes the consistency proof from <paramref name="size1"/> to <paramref name="size2"/> leaves has (1 ≤ size1 ≤ size2).</summary>
    public static int Length(ulong size1, ulong size2)
    {
        CheckSizes(size1, size2);
        if (size1 == size2) return 0;
        // The proof is the inclusion proof of the old tree's last leaf in the new tree, less the levels
        // inside the largest complete subtree ending at that leaf, plus that subtree's hash unless it is
        // the whole old tree (whose root the verifier already has).
        var seedIsOldRoot = BitOperations.IsPow2(size1);
        return InclusionProof.Length(size1 - 1, size2) - BitOperations.TrailingZeroCount(size1) + (seedIsOldRoot ? 0 : 1);
    }

    /// <summary>The leaf ranges whose subtree hashes make the proof from <paramref name="size1"/> to <paramref name="size2"/>, in proof order.</summary>
    public static IReadOnlyList<SubtreeRange> Ranges(ulong size1, ulong size2)
    {
        CheckSizes(size1, size2);
        var ranges = new List<SubtreeRange>(64);
        AddSubproof(size1, 0, size2, true, ranges);
        return ranges;
    }

    private static void AddSubproof(ulong m, ulong start, ulong end, bool wholeOldTree, List<SubtreeRange> into)
    {
        var n = end - start;
        if (m == n)
        {
            if (!wholeOldTree) into.Add(new SubtreeRange(start, end));
            return;
        }
        var k = MerkleHash.Split(n);
        if (m <= k)
        {
            AddSubproof(m, start, start + k, wholeOldTree, into);
            into.Add(new SubtreeRange(start + k, end));
        }
        else
        {
            AddSubproof(m - k, start + k, end, false, into);
            into.Add(new SubtreeRange(start, start + k));
        }
    }

    /// <summary>The consistency proof from the tree of the first <paramref name="size1"/> of <paramref name="leafHashes"/> to the tree of all of them.</summary>
    public static IReadOnlyList<byte[]> Generate(IReadOnlyList<byte[]> leafHashes, ulong size1)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return Ranges(size1, (ulong)leafHashes.Count).Select(r => MerkleHash.Root(leafHashes, r.Start, r.End)).ToList();
    }

    private static void CheckSizes(ulong size1, ulong size2)
    {
        if (size1 == 0) throw new ArgumentOutOfRangeException(nameof(size1), "a consistency proof starts from a tree of at least one leaf");
        if (size1 > size2) throw new ArgumentOutOfRangeException(nameof(size1), $"size1 {size1} is greater than size2 {size2}");
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="size2"/> leaves with root
    /// <paramref name="root2"/> extends the tree of <paramref name="size1"/> leaves with root <paramref name="root1"/>.
    /// When the sizes are equal the proof must be empty and the two roots identical.
    /// </summary>
    public static ProofVerdict Verify(ulong size1, ulong size2, byte[] root1, byte[] root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(root1);
        ArgumentNullException.ThrowIfNull(root2);
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 > size2) return ProofVerdict.Invalid($"size1 {size1} is greater than size2 {size2}: a log never shrinks");
        if (size1 == 0)
            return ProofVerdict.Invalid("size1 is 0: the empty tree is a prefix of every tree, so a proof from it proves nothing (size1 must be at least 1)");
        if (size1 == size2)
        {
            if (proof.Count != 0) return ProofVerdict.Invalid($"size1 equals size2, so the proof must be empty, but it has {proof.Count} hashes");
            return root1.AsSpan().SequenceEqual(root2)
                ? ProofVerdict.Valid
                : ProofVerdict.Invalid("size1 equals size2, but root1 and root2 differ");
        }
        if (ProofInput.LengthProblem("root1", root1) is { } root1Problem) return ProofVerdict.Invalid(root1Problem);
        if (ProofInput.LengthProblem("root2", root2) is { } root2Problem) return ProofVerdict.Invalid(root2Problem);
        var expected = Length(size1, size2);
        if (proof.Count != expected)
            return ProofVerdict.Invalid($"the proof has {proof.Count} hashes; the consistency proof from size {size1} to size {size2} has {expected}");
        if (ProofInput.ProofLengthProblem(proof) is { } proofProblem) return ProofVerdict.Invalid(proofProblem);

        // RFC 9162 §2.1.4.2: when the old tree is a complete subtree its root is the first hash of the path.
        var path = new List<byte[]>(proof.Count + 1);
        if (BitOperations.IsPow2(size1)) path.Add(root1);
        path.AddRange(proof);
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return ProofVerdict.Invalid("the proof has more hashes than the tree has levels");
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) return ProofVerdict.Invalid("the proof has fewer hashes than the tree has levels");
        if (!ProofInput.Same(fr, root1))
            return ProofVerdict.Invalid($"the proof leads to the old root {ProofInput.Hex(fr)}, not to root1 {ProofInput.Hex(root1)}");
        if (!ProofInput.Same(sr, root2))
            return ProofVerdict.Invalid($"the proof leads to the new root {ProofInput.Hex(sr)}, not to root2 {ProofInput.Hex(root2)}");
        return ProofVerdict.Valid;
    }
}
