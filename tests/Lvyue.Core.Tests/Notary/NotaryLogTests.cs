using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lvyue.Notary;
using Lvyue.Testing;

namespace Lvyue.Tests.Notary;

/// <summary>
/// The notarization log in the database, on SQLite and PostgreSQL: roots and proofs folded from the stored
/// subtree hashes equal the in-memory ones, each needs one query of O(log n) rows, appends get consecutive
/// indexes, checkpoints verify, and receipts verify offline and fail when anything in them is changed.
/// </summary>
public sealed class NotaryLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    private static NotaryEvent Event(int i) => new("document.stored", 1000 + i % 7, T0.AddSeconds(i),
        new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))) },
        new Dictionary<string, string> { ["file"] = $"合同{i}.pdf", ["version"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static int Log2Ceiling(long n) => n <= 1 ? 0 : BitOperations.Log2((ulong)(n - 1)) + 1;

    [Theory, BothDatabases]
    public async Task RootsAndProofsFromStorageEqualTheInMemoryOnesAndReadOLogNRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var log = s.Get<NotaryLog>();
        const int n = 300;
        var leaves = new List<byte[]>();
        // Single appends and a batch, so both paths build the subtree hashes.
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i, await log.AppendAsync(Event(i)));
            leaves.Add(MerkleHash.Leaf(Event(i).ToLeafData()));
        }
        var batch = Enumerable.Range(100, n - 100).Select(Event).ToList();
        Assert.Equal(Enumerable.Range(100, n - 100).Select(i => (long)i), await log.AppendAsync(batch));
        leaves.AddRange(batch.Select(e => MerkleHash.Leaf(e.ToLeafData())));
        Assert.Equal(n, await log.SizeAsync());
        Assert.Equal(MerkleHash.EmptyRoot(), await log.RootAsync(0));

        for (var size = 1; size <= n; size++)
        {
            var prefix = leaves.Take(size).ToList();
            var bound = 2 * Log2Ceiling(size) + 1;

            var (queries, rows) = (log.NodeQueries, log.NodeRowsRead);
            var root = await log.RootAsync(size);
            Assert.Equal(MerkleHash.Root(prefix), root);
            Assert.Equal(queries + 1, log.NodeQueries);
            Assert.InRange(log.NodeRowsRead - rows, 1, Log2Ceiling(size) + 1);

            // Every index of the small trees and of the sizes around powers of two; a spread elsewhere.
            var all = size <= 20 || size is 63 or 64 or 65 or 127 or 128 or 129 or 255 or 256 or 257 or n;
            var step = all ? 1 : size / 5 + 1;
            for (var i = 0; i < size; i += step)
            {
                (queries, rows) = (log.NodeQueries, log.NodeRowsRead);
                var proof = await log.InclusionProofAsync(i, size);
                Assert.Equal(InclusionProof.Generate(prefix, (ulong)i), proof);
                Assert.True(InclusionProof.Verify(leaves[i], (ulong)i, (ulong)size, root, proof).IsValid);
                Assert.True(log.NodeQueries - queries <= 1);
                Assert.True(log.NodeRowsRead - rows <= bound, $"inclusion {i} of {size} read {log.NodeRowsRead - rows} rows");
            }
            for (var size1 = 1; size1 <= size; size1 += step)
            {
                (queries, rows) = (log.NodeQueries, log.NodeRowsRead);
                var proof = await log.ConsistencyProofAsync(size1, size);
                Assert.Equal(ConsistencyProof.Generate(prefix, (ulong)size1), proof);
                Assert.True(ConsistencyProof.Verify((ulong)size1, (ulong)size, MerkleHash.Root(leaves.Take(size1).ToList()), root, proof).IsValid);
                Assert.True(log.NodeQueries - queries <= 1);
                Assert.True(log.NodeRowsRead - rows <= bound, $"consistency {size1}→{size} read {log.NodeRowsRead - rows} rows");
            }
        }

        // The log holds one node row per complete subtree: 2n − popcount(n) of them.
        Assert.Equal(2 * n - BitOperations.PopCount((uint)n), s.Db.NotaryNodes.Count());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.InclusionProofAsync(3, n + 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.RootAsync(n + 1));
    }

    [Theory, BothDatabases]
    public async Task AppendsInTheCallersTransactionRollBackWithIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var log = s.Get<NotaryLog>();
        await log.AppendAsync(Event(0));
        await using (var tx = await s.Db.Database.BeginTransactionAsync())
        {
            await log.AppendAsync(Event(1));
            await tx.RollbackAsync();
        }
        Assert.Equal(1, await log.SizeAsync());
        Assert.Equal(1, await log.AppendAsync(Event(2)));
        Assert.Equal(MerkleHash.Root([MerkleHash.Leaf(Event(0).ToLeafData()), MerkleHash.Leaf(Event(2).ToLeafData())]), await log.RootAsync(2));
    }

    [Theory, BothDatabases]
    public async Task ConcurrentAppendersGetConsecutiveIndexes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const int writers = 4, each = 10;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var s = db.AsSystem();
            var log = s.Get<NotaryLog>();
            for (var i = 0; i < each; i++) await log.AppendAsync(Event(w * each + i));
        })));
        await using var check = db.AsSystem();
        var rows = check.Db.NotaryLeaves.OrderBy(l => l.Index).ToList();
        Assert.Equal(Enumerable.Range(0, writers * each).Select(i => (long)i), rows.Select(r => r.Index));
        Assert.Equal(MerkleHash.Root(rows.Select(r => r.LeafHash).ToList()), await check.Get<NotaryLog>().RootAsync(writers * each));
    }

    [Theory, BothDatabases]
    public async Task ACheckpointVerifiesAndAReceiptRoundTripsAndFailsWhenTampered(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var log = s.Get<NotaryLog>();
        var ed = NoteSigner.Generate("lvyue.gov.cn/notary-ed25519", NoteAlgorithm.Ed25519);
        var sm2 = NoteSigner.Generate("lvyue.gov.cn/notary-sm2", NoteAlgorithm.Sm2);
        for (var i = 0; i < 13; i++) await log.AppendAsync(Event(i));
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.ReceiptAsync(3));

        var first = await log.CheckpointAsync(ed);
        Assert.Equal(13, first.TreeSize);
        var verdict = Checkpoint.Verify(first.Note, new NoteVerifierSet(ed.Verifier), NotaryLog.DefaultOrigin, out var parsed);
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(await log.RootAsync(13), parsed!.RootHash);
        Assert.Equal(first.Note, s.Db.NotaryCheckpoints.Single().Note);

        for (var i = 13; i < 21; i++) await log.AppendAsync(Event(i));
        var second = await log.CheckpointAsync(sm2);
        Assert.Equal(21, second.TreeSize);
        var keys = new NoteVerifierSet(ed.Verifier, sm2.Verifier);

        for (var i = 0; i < 21; i++)
        {
            var receipt = await log.ReceiptAsync(i);
            var ok = ReceiptVerifier.Verify(receipt, keys);
            Assert.True(ok.IsValid, ok.Reason);
        }

        var good = await log.ReceiptAsync(5);
        // Changed leaf data (and its stated hash, so the proof is what catches it).
        var changedLeaf = Mutate(good, o =>
        {
            var leaf = o["leaf"]!.GetValue<string>().Replace("document.stored", "document.erased", StringComparison.Ordinal);
            o["leaf"] = leaf;
            o["leafHash"] = Convert.ToHexStringLower(MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes(leaf)));
        });
        Assert.StartsWith("the inclusion proof does not verify", ReceiptVerifier.Verify(changedLeaf, keys).Reason);
        var staleHash = Mutate(good, o => o["leaf"] = o["leaf"]!.GetValue<string>().Replace("5.pdf", "6.pdf", StringComparison.Ordinal));
        Assert.StartsWith("the leaf data hashes to", ReceiptVerifier.Verify(staleHash, keys).Reason);
        var changedProof = Mutate(good, o => o["proof"]![1] = new string('0', 64));
        Assert.StartsWith("the inclusion proof does not verify", ReceiptVerifier.Verify(changedProof, keys).Reason);
        var changedIndex = Mutate(good, o => o["index"] = 6);
        Assert.False(ReceiptVerifier.Verify(changedIndex, keys).IsValid);
        var note = JsonNode.Parse(good)!["checkpoint"]!.GetValue<string>();
        var lastLine = note.TrimEnd('\n').Split('\n')[^1];
        var signature = lastLine[(lastLine.LastIndexOf(' ') + 1)..];
        var bytes = Convert.FromBase64String(signature);
        bytes[^1] ^= 1;
        var changedSignature = Mutate(good, o => o["checkpoint"] = note.Replace(signature, Convert.ToBase64String(bytes), StringComparison.Ordinal));
        Assert.StartsWith("the checkpoint does not verify", ReceiptVerifier.Verify(changedSignature, keys).Reason);
        Assert.StartsWith("the checkpoint does not verify", ReceiptVerifier.Verify(good, new NoteVerifierSet(ed.Verifier)).Reason);
        Assert.StartsWith("the receipt is not JSON", ReceiptVerifier.Verify("{", keys).Reason);
        Assert.Equal("the receipt has no leaf data \"leaf\"", ReceiptVerifier.Verify("""{"v":1}""", keys).Reason);
    }

    [Fact]
    public void TheLeafDataIsCanonicalSortedJsonWithAVersionAndParsesBack()
    {
        var e = new NotaryEvent("contract.filed", 42, new DateTimeOffset(2026, 11, 22, 12, 30, 0, TimeSpan.FromHours(8)),
            new Dictionary<string, string> { ["sm3"] = "ab", ["sha256"] = "cd" }, new Dictionary<string, string> { ["number"] = "N-1" });
        var text = e.ToString();
        Assert.Equal("""{"at":"2026-11-22T04:30:00.000000Z","attrs":{"number":"N-1"},"contract":42,"digests":{"sha256":"cd","sm3":"ab"},"kind":"contract.filed","v":1}""", text);
        var back = NotaryEvent.Parse(e.ToLeafData());
        Assert.Equal(e.ToLeafData(), back.ToLeafData());
        Assert.Throws<FormatException>(() => NotaryEvent.Parse("""{"v":1, "kind":"contract.filed","at":"2026-11-22T04:30:00.000000Z"}"""u8));
        Assert.Throws<FormatException>(() => NotaryEvent.Parse("""{"at":"2026-11-22T04:30:00.000000Z","kind":"x","v":2}"""u8));
        Assert.Throws<ArgumentException>(() => new NotaryEvent("Contract Filed", null, T0));
    }

    private static string Mutate(string json, Action<JsonObject> change)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        change(o);
        return o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
