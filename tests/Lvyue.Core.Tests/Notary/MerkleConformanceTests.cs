using System.Text.Json;
using Lvyue.Notary;
using static Lvyue.Tests.Notary.MerkleVectors;

namespace Lvyue.Tests.Notary;

/// <summary>
/// Conformance with ../shared/reference/vectors/merkle: every transparency-dev inclusion and consistency
/// case (the happy paths verify, every mutation fails), through the library and through the text the
/// auditor commands take, and the RFC 6962 reference tree of 8 leaves.
/// </summary>
public sealed class MerkleConformanceTests
{
    [Fact]
    public void Vectors_EveryTransparencyDevInclusionCaseVerifiesOrFailsAsItsWantErrSays()
    {
        var cases = TransparencyDev("inclusion");
        Assert.Equal(98, cases.Count);
        var wrong = new List<string>();
        foreach (var (name, c) in cases)
        {
            var wantErr = c.GetProperty("wantErr").GetBoolean();
            var index = c.GetProperty("leafIdx").GetUInt64();
            var size = c.GetProperty("treeSize").GetUInt64();
            var leaf = Base64(c, "leafHash");
            var root = Base64(c, "root");
            var proof = Base64List(c, "proof");
            var verdict = InclusionProof.Verify(leaf, index, size, root, proof);
            if (verdict.IsValid == wantErr) wrong.Add($"{name}: library says {verdict}");
            var text = AuditorCheck.Inclusion(ToHex(leaf), $"{index}", $"{size}", ToHex(root), ToHexList(proof));
            var asTyped = proof is [[]] ? InclusionProof.Verify(leaf, index, size, root, []) : verdict;
            CheckText(name, proof, asTyped, text, wrong);
        }
        Assert.Empty(wrong);
        Assert.Equal(6, cases.Count(c => !c.Case.GetProperty("wantErr").GetBoolean()));
    }

    [Fact]
    public void Vectors_EveryTransparencyDevConsistencyCaseVerifiesOrFailsAsItsWantErrSays()
    {
        var cases = TransparencyDev("consistency");
        Assert.Equal(98, cases.Count);
        var wrong = new List<string>();
        foreach (var (name, c) in cases)
        {
            var wantErr = c.GetProperty("wantErr").GetBoolean();
            var size1 = c.GetProperty("size1").GetUInt64();
            var size2 = c.GetProperty("size2").GetUInt64();
            var root1 = Base64(c, "root1");
            var root2 = Base64(c, "root2");
            var proof = Base64List(c, "proof");
            var verdict = ConsistencyProof.Verify(size1, size2, root1, root2, proof);
            if (verdict.IsValid == wantErr) wrong.Add($"{name}: library says {verdict}");
            var text = AuditorCheck.Consistency($"{size1}", $"{size2}", ToHex(root1), ToHex(root2), ToHexList(proof));
            var asTyped = proof is [[]] ? ConsistencyProof.Verify(size1, size2, root1, root2, []) : verdict;
            CheckText(name, proof, asTyped, text, wrong);
        }
        Assert.Empty(wrong);
        Assert.Equal(6, cases.Count(c => !c.Case.GetProperty("wantErr").GetBoolean()));
    }

    /// <summary>
    /// The auditor commands' text gives the same verdict and reason as the library, except where the text
    /// cannot say what the JSON says: an empty hash in a proof list is refused as such, and a proof of one
    /// empty hash reads as --proof "" (the empty proof), so it gets the empty proof's verdict.
    /// </summary>
    private static void CheckText(string name, List<byte[]> proof, ProofVerdict library, ProofVerdict text, List<string> wrong)
    {
        if (proof.Count > 1 && proof.Any(p => p.Length == 0))
        {
            if (text.IsValid || !text.Reason!.EndsWith(" is empty", StringComparison.Ordinal)) wrong.Add($"{name}: an empty hash in --proof gives {text}");
        }
        else if (text.ToString() != library.ToString())
        {
            wrong.Add($"{name}: the text says {text}, the library {library}");
        }
    }

    [Fact]
    public void ReferenceTree_HasherGivesTheRfc6962TestHashes()
    {
        var checks = ReferenceTree().GetProperty("hasher_checks");
        Assert.Equal(checks.GetProperty("empty_root").GetString(), ToHex(MerkleHash.EmptyRoot()));
        Assert.Equal(checks.GetProperty("empty_root").GetString(), ToHex(MerkleHash.Root([])));
        Assert.Equal(checks.GetProperty("leaf_hash_of_empty_input").GetString(), ToHex(MerkleHash.Leaf([])));
        Assert.Equal(checks.GetProperty("leaf_hash_of_ascii_L123456").GetString(), ToHex(MerkleHash.Leaf("L123456"u8)));
        Assert.Equal(checks.GetProperty("node_hash_of_ascii_N123_N456").GetString(), ToHex(MerkleHash.Node("N123"u8, "N456"u8)));
    }

    [Fact]
    public void ReferenceTree_LeafHashesNodeHashesAndTheRootOfEveryPrefixMatch()
    {
        var tree = ReferenceTree();
        var leaves = tree.GetProperty("leaf_inputs_hex").EnumerateArray().Select(e => MerkleHash.Leaf(Hex(e))).ToList();
        Assert.Equal(tree.GetProperty("leaf_hashes").EnumerateArray().Select(e => e.GetString()), leaves.Select(ToHex));

        var level = 0;
        foreach (var nodes in tree.GetProperty("node_hashes_by_level").EnumerateArray())
        {
            var width = 1UL << level;
            var expected = nodes.EnumerateArray().Select(e => e.GetString()!).ToList();
            var actual = Enumerable.Range(0, expected.Count)
                .Select(j => ToHex(MerkleHash.Root(leaves, (ulong)j * width, (ulong)(j + 1) * width))).ToList();
            Assert.Equal(expected, actual);
            level++;
        }

        var roots = tree.GetProperty("root_by_tree_size");
        for (var n = 0; n <= 8; n++)
            Assert.Equal(roots.GetProperty($"{n}").GetString(), ToHex(MerkleHash.Root(leaves.Take(n).ToList())));
    }

    [Fact]
    public void ReferenceTree_PublishedAndComputedInclusionProofsAreGeneratedVerifiedAndFailWhenAltered()
    {
        var tree = ReferenceTree();
        var leaves = tree.GetProperty("leaf_hashes").EnumerateArray().Select(Hex).ToList();
        var roots = tree.GetProperty("root_by_tree_size");
        var all = tree.GetProperty("computed_all_inclusion_proofs").EnumerateArray().ToList();
        var published = tree.GetProperty("published_inclusion_proofs").EnumerateArray().ToList();
        Assert.Equal(36, all.Count);
        Assert.Equal(5, published.Count);
        foreach (var p in published.Concat(all))
        {
            var index = p.GetProperty("leafIdx").GetUInt64();
            var size = p.GetProperty("treeSize").GetUInt64();
            var proof = HexList(p.GetProperty("proof"));
            var leaf = leaves[(int)index];
            var root = Hex(roots.GetProperty($"{size}"));
            if (p.TryGetProperty("leafHash", out var givenLeaf)) Assert.Equal(givenLeaf.GetString(), ToHex(leaf));
            if (p.TryGetProperty("root", out var givenRoot)) Assert.Equal(givenRoot.GetString(), ToHex(root));
            var label = $"leaf {index} of {size}";

            Assert.Equal(ToHexList(proof), ToHexList(InclusionProof.Generate(leaves.Take((int)size).ToList(), index)));
            Assert.True(InclusionProof.Verify(leaf, index, size, root, proof).IsValid, label);
            Assert.True(AuditorCheck.Inclusion(ToHex(leaf), $"{index}", $"{size}", ToHex(root), ToHexList(proof)).IsValid, label);

            foreach (var (mutation, verdict) in InclusionMutations(leaf, index, size, root, proof))
                Assert.False(verdict.IsValid, $"{label}: {mutation} was accepted");
        }
    }

    [Fact]
    public void ReferenceTree_PublishedAndComputedConsistencyProofsAreGeneratedVerifiedAndFailWhenAltered()
    {
        var tree = ReferenceTree();
        var leaves = tree.GetProperty("leaf_hashes").EnumerateArray().Select(Hex).ToList();
        var roots = tree.GetProperty("root_by_tree_size");
        var all = tree.GetProperty("computed_all_consistency_proofs").EnumerateArray().ToList();
        var published = tree.GetProperty("published_consistency_proofs").EnumerateArray().ToList();
        Assert.Equal(36, all.Count);
        Assert.Equal(5, published.Count);
        foreach (var p in published.Concat(all))
        {
            var size1 = p.GetProperty("size1").GetUInt64();
            var size2 = p.GetProperty("size2").GetUInt64();
            var proof = HexList(p.GetProperty("proof"));
            var root1 = Hex(roots.GetProperty($"{size1}"));
            var root2 = Hex(roots.GetProperty($"{size2}"));
            if (p.TryGetProperty("root1", out var given1)) Assert.Equal(given1.GetString(), ToHex(root1));
            if (p.TryGetProperty("root2", out var given2)) Assert.Equal(given2.GetString(), ToHex(root2));
            var label = $"{size1} to {size2}";

            Assert.Equal(ToHexList(proof), ToHexList(ConsistencyProof.Generate(leaves.Take((int)size2).ToList(), size1)));
            Assert.True(ConsistencyProof.Verify(size1, size2, root1, root2, proof).IsValid, label);
            Assert.True(AuditorCheck.Consistency($"{size1}", $"{size2}", ToHex(root1), ToHex(root2), ToHexList(proof)).IsValid, label);

            foreach (var (mutation, verdict) in ConsistencyMutations(size1, size2, root1, root2, proof))
                Assert.False(verdict.IsValid, $"{label}: {mutation} was accepted");
        }
    }

    /// <summary>Alterations of a valid inclusion proof, each of which must be refused.</summary>
    internal static IEnumerable<(string, ProofVerdict)> InclusionMutations(byte[] leaf, ulong index, ulong size, byte[] root, List<byte[]> proof)
    {
        yield return ("another leaf", InclusionProof.Verify(MerkleHash.Leaf(leaf), index, size, root, proof));
        yield return ("another root", InclusionProof.Verify(leaf, index, size, Flip(root, 0), proof));
        yield return ("index + 1", InclusionProof.Verify(leaf, index + 1, size, root, proof));
        if (index > 0) yield return ("index - 1", InclusionProof.Verify(leaf, index - 1, size, root, proof));
        yield return ("size 0", InclusionProof.Verify(leaf, index, 0, root, proof));
        yield return ("trailing hash", InclusionProof.Verify(leaf, index, size, root, [.. proof, root]));
        yield return ("preceding hash", InclusionProof.Verify(leaf, index, size, root, [leaf, .. proof]));
        if (proof.Count > 0) yield return ("last hash removed", InclusionProof.Verify(leaf, index, size, root, proof[..^1]));
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.ToList();
            flipped[i] = Flip(proof[i], 31);
            yield return ($"bit flipped in hash {i + 1}", InclusionProof.Verify(leaf, index, size, root, flipped));
        }
    }

    /// <summary>Alterations of a valid consistency proof, each of which must be refused.</summary>
    internal static IEnumerable<(string, ProofVerdict)> ConsistencyMutations(ulong size1, ulong size2, byte[] root1, byte[] root2, List<byte[]> proof)
    {
        yield return ("another root1", ConsistencyProof.Verify(size1, size2, Flip(root1, 0), root2, proof));
        yield return ("another root2", ConsistencyProof.Verify(size1, size2, root1, Flip(root2, 0), proof));
        yield return ("size1 0", ConsistencyProof.Verify(0, size2, root1, root2, proof));
        yield return ("trailing hash", ConsistencyProof.Verify(size1, size2, root1, root2, [.. proof, root2]));
        yield return ("preceding hash", ConsistencyProof.Verify(size1, size2, root1, root2, [root1, .. proof]));
        if (size1 != size2)
        {
            yield return ("roots swapped", ConsistencyProof.Verify(size1, size2, root2, root1, proof));
            yield return ("sizes swapped", ConsistencyProof.Verify(size2, size1, root1, root2, proof));
            yield return ("size1 + 1", ConsistencyProof.Verify(size1 + 1, size2, root1, root2, proof));
            yield return ("size1 - 1", ConsistencyProof.Verify(size1 - 1, size2, root1, root2, proof));
            yield return ("empty proof", ConsistencyProof.Verify(size1, size2, root1, root2, []));
            yield return ("last hash removed", ConsistencyProof.Verify(size1, size2, root1, root2, proof[..^1]));
        }
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.ToList();
            flipped[i] = Flip(proof[i], 31);
            yield return ($"bit flipped in hash {i + 1}", ConsistencyProof.Verify(size1, size2, root1, root2, flipped));
        }
    }

    internal static byte[] Flip(byte[] hash, int at)
    {
        var copy = hash.ToArray();
        copy[at] ^= 0x01;
        return copy;
    }
}
