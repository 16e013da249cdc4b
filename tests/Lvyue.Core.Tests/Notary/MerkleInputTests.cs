using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Malformed proofs and malformed option text are refused with a reason, never an exception.</summary>
public sealed class MerkleInputTests
{
    private static readonly List<byte[]> Leaves = Enumerable.Range(0, 8).Select(i => MerkleHash.Leaf([(byte)i])).ToList();
    private static readonly byte[] Root8 = MerkleHash.Root(Leaves);
    private static readonly byte[] Root5 = MerkleHash.Root(Leaves.Take(5).ToList());

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    private static string Reason(ProofVerdict verdict)
    {
        Assert.False(verdict.IsValid);
        return verdict.Reason!;
    }

    [Fact]
    public void Inclusion_AnIndexAtOrBeyondTheSizeOrAnEmptyTreeIsRefusedWithItsReason()
    {
        var proof = InclusionProof.Generate(Leaves, 7);
        Assert.Equal("the index 8 is not less than the tree size 8", Reason(InclusionProof.Verify(Leaves[7], 8, 8, Root8, proof)));
        Assert.Equal("the tree size is 0: an empty tree includes no leaf", Reason(InclusionProof.Verify(Leaves[0], 0, 0, MerkleHash.EmptyRoot(), [])));
    }

    [Fact]
    public void Inclusion_AProofOfTheWrongLengthIsRefusedSayingHowLongItShouldBe()
    {
        var proof = InclusionProof.Generate(Leaves, 3).ToList();
        Assert.Equal("the proof has 4 hashes; the inclusion proof of index 3 in a tree of 8 has 3",
            Reason(InclusionProof.Verify(Leaves[3], 3, 8, Root8, [.. proof, Root8])));
        Assert.Equal("the proof has 2 hashes; the inclusion proof of index 3 in a tree of 8 has 3",
            Reason(InclusionProof.Verify(Leaves[3], 3, 8, Root8, proof[1..])));
    }

    [Fact]
    public void Inclusion_HashesThatAreNot32BytesAreRefused()
    {
        var proof = InclusionProof.Generate(Leaves, 3).ToList();
        Assert.Equal("the leaf hash is 31 bytes; a SHA-256 hash is 32 bytes", Reason(InclusionProof.Verify(Leaves[3][1..], 3, 8, Root8, proof)));
        Assert.Equal("the root is 0 bytes; a SHA-256 hash is 32 bytes", Reason(InclusionProof.Verify(Leaves[3], 3, 8, [], proof)));
        Assert.Equal("proof hash 2 is 33 bytes; a SHA-256 hash is 32 bytes",
            Reason(InclusionProof.Verify(Leaves[3], 3, 8, Root8, [proof[0], [.. proof[1], 0], proof[2]])));
    }

    [Fact]
    public void Inclusion_AProofForAnotherRootNamesTheRootItLeadsTo()
    {
        var proof = InclusionProof.Generate(Leaves, 3);
        Assert.Equal($"the proof leads to the root {Hex(Root8)}, not to the given root {Hex(Root5)}",
            Reason(InclusionProof.Verify(Leaves[3], 3, 8, Root5, proof)));
    }

    [Fact]
    public void Consistency_ShrinkingEmptyAndEqualSizesAreJudgedByTheirOwnRules()
    {
        Assert.Equal("size1 8 is greater than size2 5: a log never shrinks", Reason(ConsistencyProof.Verify(8, 5, Root8, Root5, [])));
        Assert.StartsWith("size1 is 0:", Reason(ConsistencyProof.Verify(0, 0, MerkleHash.EmptyRoot(), MerkleHash.EmptyRoot(), [])));
        Assert.StartsWith("size1 is 0:", Reason(ConsistencyProof.Verify(0, 8, MerkleHash.EmptyRoot(), Root8, [])));
        Assert.True(ConsistencyProof.Verify(8, 8, Root8, Root8, []).IsValid);
        Assert.Equal("size1 equals size2, but root1 and root2 differ", Reason(ConsistencyProof.Verify(8, 8, Root8, Root5, [])));
        Assert.Equal("size1 equals size2, so the proof must be empty, but it has 1 hashes", Reason(ConsistencyProof.Verify(8, 8, Root8, Root8, [Root8])));
    }

    [Fact]
    public void Consistency_WrongLengthsAndWrongRootsAreRefusedWithTheirReasons()
    {
        var proof = ConsistencyProof.Generate(Leaves, 5).ToList();
        Assert.Equal("the proof has 0 hashes; the consistency proof from size 5 to size 8 has 4", Reason(ConsistencyProof.Verify(5, 8, Root5, Root8, [])));
        Assert.Equal("the proof has 5 hashes; the consistency proof from size 5 to size 8 has 4",
            Reason(ConsistencyProof.Verify(5, 8, Root5, Root8, [Root5, .. proof])));
        Assert.Equal("root1 is 31 bytes; a SHA-256 hash is 32 bytes", Reason(ConsistencyProof.Verify(5, 8, Root5[1..], Root8, proof)));
        Assert.StartsWith("the proof leads to the old root ", Reason(ConsistencyProof.Verify(5, 8, Root8, Root8, proof)));
        Assert.StartsWith("the proof leads to the new root ", Reason(ConsistencyProof.Verify(5, 8, Root5, Root5, proof)));
    }

    [Fact]
    public void Generation_RefusesIndexesAndSizesOutsideTheTree()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Generate(Leaves, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Generate([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Generate(Leaves, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Generate(Leaves, 9));
        Assert.Empty(ConsistencyProof.Generate(Leaves, 8));
    }

    [Fact]
    public void AuditorText_MalformedNumbersHexAndProofListsAreRefusedWithTheOptionNamed()
    {
        var proof = string.Join(",", InclusionProof.Generate(Leaves, 3).Select(Hex));
        Assert.True(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8", Hex(Root8), proof).IsValid);
        Assert.True(AuditorCheck.Inclusion(Hex(Leaves[3]).ToUpperInvariant(), " 3", "8 ", Hex(Root8), proof.Replace(",", ", ")).IsValid);
        Assert.Equal($"--index must be a whole number from 0 to {ulong.MaxValue}, not '-1'", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "-1", "8", Hex(Root8), proof)));
        Assert.StartsWith("--size must be a whole number", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8.0", Hex(Root8), proof)));
        Assert.StartsWith("--leaf-hash is not hexadecimal", Reason(AuditorCheck.Inclusion("xyz", "3", "8", Hex(Root8), proof)));
        Assert.StartsWith("--root is not hexadecimal", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8", Hex(Root8)[1..], proof)));
        Assert.Equal("--proof hash 4 of 4 is empty", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8", Hex(Root8), proof + ",")));
        Assert.StartsWith("--proof hash 2 is not hexadecimal", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8", Hex(Root8), "00,0g")));
        Assert.StartsWith("--proof is missing", Reason(AuditorCheck.Inclusion(Hex(Leaves[3]), "3", "8", Hex(Root8), null)));
        Assert.StartsWith("--size2 must be a whole number", Reason(AuditorCheck.Consistency("1", "18446744073709551616", Hex(Root8), Hex(Root8), "")));
        Assert.True(AuditorCheck.Consistency("8", "8", Hex(Root8), Hex(Root8), "").IsValid);
    }
}
