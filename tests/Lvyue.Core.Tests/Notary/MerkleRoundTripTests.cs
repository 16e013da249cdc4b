using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Generated proofs verify: every inclusion proof and every consistency proof of trees of 1 to 64 leaves.</summary>
public sealed class MerkleRoundTripTests
{
    private const int MaxSize = 64;

    private static readonly List<byte[]> Leaves =
        Enumerable.Range(0, MaxSize).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i * 7919))).ToList();

    private static readonly List<byte[]> Roots =
        Enumerable.Range(0, MaxSize + 1).Select(n => MerkleHash.Root(Leaves.Take(n).ToList())).ToList();

    [Fact]
    public void RoundTrip_EveryInclusionProofOfEveryLeafInTreesOfOneTo64LeavesVerifies()
    {
        var checkedProofs = 0;
        for (var size = 1; size <= MaxSize; size++)
        {
            var tree = Leaves.Take(size).ToList();
            for (var index = 0; index < size; index++)
            {
                var proof = InclusionProof.Generate(tree, (ulong)index);
                Assert.Equal(InclusionProof.Length((ulong)index, (ulong)size), proof.Count);
                var verdict = InclusionProof.Verify(Leaves[index], (ulong)index, (ulong)size, Roots[size], proof);
                Assert.True(verdict.IsValid, $"leaf {index} of {size}: {verdict}");
                var otherLeaf = Leaves[(index + 1) % MaxSize];
                Assert.False(InclusionProof.Verify(otherLeaf, (ulong)index, (ulong)size, Roots[size], proof).IsValid, $"leaf {index} of {size} with another leaf");
                Assert.False(InclusionProof.Verify(Leaves[index], (ulong)index, (ulong)size, Roots[size - 1], proof).IsValid, $"leaf {index} of {size} with the smaller tree's root");
                checkedProofs++;
            }
        }
        Assert.Equal(MaxSize * (MaxSize + 1) / 2, checkedProofs);
    }

    [Fact]
    public void RoundTrip_EveryConsistencyProofBetweenTreesOfOneTo64LeavesVerifies()
    {
        var checkedProofs = 0;
        for (var size2 = 1; size2 <= MaxSize; size2++)
        {
            var tree = Leaves.Take(size2).ToList();
            for (var size1 = 1; size1 <= size2; size1++)
            {
                var proof = ConsistencyProof.Generate(tree, (ulong)size1);
                Assert.Equal(ConsistencyProof.Length((ulong)size1, (ulong)size2), proof.Count);
                var verdict = ConsistencyProof.Verify((ulong)size1, (ulong)size2, Roots[size1], Roots[size2], proof);
                Assert.True(verdict.IsValid, $"{size1} to {size2}: {verdict}");
                if (size1 < size2)
                {
                    Assert.False(ConsistencyProof.Verify((ulong)size1, (ulong)size2, Roots[size1 - 1 == 0 ? size1 + 1 : size1 - 1], Roots[size2], proof).IsValid,
                        $"{size1} to {size2} with another old root");
                    Assert.False(ConsistencyProof.Verify((ulong)size1, (ulong)size2, Roots[size1], Roots[size2 - 1], proof).IsValid,
                        $"{size1} to {size2} with another new root");
                }
                checkedProofs++;
            }
        }
        Assert.Equal(MaxSize * (MaxSize + 1) / 2, checkedProofs);
    }

    [Fact]
    public void RoundTrip_ProofRangesFollowRfc6962Examples()
    {
        // RFC 6962 §2.1.3: the tree of 7 leaves a..g; the path of d (index 3) is [c, g, l]; the
        // consistency proofs 3→7, 4→7 and 6→7 are [c, d, g, l], [l] and [i, j, k].
        Assert.Equal([new SubtreeRange(2, 3), new SubtreeRange(0, 2), new SubtreeRange(4, 7)], InclusionProof.Ranges(3, 7));
        Assert.Equal([new SubtreeRange(2, 3), new SubtreeRange(3, 4), new SubtreeRange(0, 2), new SubtreeRange(4, 7)], ConsistencyProof.Ranges(3, 7));
        Assert.Equal([new SubtreeRange(4, 7)], ConsistencyProof.Ranges(4, 7));
        Assert.Equal([new SubtreeRange(4, 6), new SubtreeRange(6, 7), new SubtreeRange(0, 4)], ConsistencyProof.Ranges(6, 7));
    }

    [Fact]
    public void Split_IsTheLargestPowerOfTwoSmallerThanTheSize()
    {
        Assert.Equal(1UL, MerkleHash.Split(2));
        Assert.Equal(2UL, MerkleHash.Split(3));
        Assert.Equal(2UL, MerkleHash.Split(4));
        Assert.Equal(4UL, MerkleHash.Split(5));
        Assert.Equal(1UL << 62, MerkleHash.Split(1UL << 63));
        Assert.Equal(1UL << 63, MerkleHash.Split(ulong.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleHash.Split(1));
    }
}
