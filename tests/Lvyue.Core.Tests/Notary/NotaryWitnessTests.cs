using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Lvyue.Notary;
using Lvyue.Testing;

namespace Lvyue.Tests.Notary;

/// <summary>
/// The witness (C2SP tlog-witness add-checkpoint, tlog-cosignature v1): it cosigns a first checkpoint and then only
/// checkpoints consistent with the last one it saw, refuses stale sizes, forks, unknown keys and malformed requests,
/// and its cosignatures verify offline with the format the specification fixes.
/// </summary>
public sealed class NotaryWitnessTests : IDisposable
{
    private const string Origin = "lvyue.gov.cn/notary/log";
    private static readonly NoteSigner Log = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);
    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-witness-").FullName;
    private readonly Cosigner _key = Cosigner.Generate("witness.example/w1");
    private readonly TestClock _clock = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private NotaryWitness Witness() => new(_key, new NoteVerifierSet(Log.Verifier), Path.Combine(_dir, "state.json"), _clock);

    private static List<byte[]> Leaves(int n, string salt = "") =>
        Enumerable.Range(0, n).Select(i => MerkleHash.Leaf(Encoding.UTF8.GetBytes($"leaf {i}{salt}"))).ToList();

    private static string SignedCheckpoint(IReadOnlyList<byte[]> leaves, NoteSigner? signer = null) =>
        new Checkpoint(Origin, (ulong)leaves.Count, MerkleHash.Root(leaves)).Sign(signer ?? Log).ToString();

    [Fact]
    public void Witness_CosignsAFirstCheckpointThenOnlyConsistentGrowth()
    {
        var witness = Witness();
        var leaves = Leaves(13);
        var first = SignedCheckpoint(leaves[..5]);

        var r1 = witness.AddCheckpoint(0, [], first);
        Assert.Equal(200, r1.Status);
        var cosigned = SignedNote.Parse(first).WithSignatures([r1.Cosignature!]).ToString();
        Assert.True(Cosignature.Verify(cosigned, _key.Name, _key.PublicKey, out var time, out var reason), reason);
        Assert.Equal((ulong)_clock.GetUtcNow().ToUnixTimeSeconds(), time);

        var second = SignedCheckpoint(leaves);
        var r2 = witness.AddCheckpoint(5, ConsistencyProof.Generate(leaves, 5), second);
        Assert.Equal(200, r2.Status);
        // A restarted witness remembers what it saw.
        var stale = Witness().AddCheckpoint(5, ConsistencyProof.Generate(leaves, 5), second);
        Assert.Equal((409, 13L), (stale.Status, stale.KnownSize));
        Assert.Equal(200, Witness().AddCheckpoint(13, [], second).Status);
    }

    [Fact]
    public void Witness_RefusesAForkABadProofAnUnknownKeyAndMalformedInput()
    {
        var witness = Witness();
        var leaves = Leaves(8);
        Assert.Equal(200, witness.AddCheckpoint(0, [], SignedCheckpoint(leaves[..3])).Status);

        // Another history of the first three leaves, grown to eight: no proof makes it consistent.
        var fork = Leaves(3, "x").Concat(leaves[3..]).ToList();
        var forked = witness.AddCheckpoint(3, ConsistencyProof.Generate(fork, 3), SignedCheckpoint(fork));
        Assert.Equal(422, forked.Status);
        Assert.Null(forked.Cosignature);
        Assert.Equal(422, witness.AddCheckpoint(3, [], SignedCheckpoint(leaves)).Status);
        Assert.Equal(422, witness.AddCheckpoint(3, [], SignedCheckpoint(Leaves(3, "y"))).Status); // same size, other root

        var stranger = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);
        Assert.Equal(403, witness.AddCheckpoint(3, ConsistencyProof.Generate(leaves, 3), SignedCheckpoint(leaves, stranger)).Status);
        Assert.Equal(400, witness.AddCheckpoint(3, [], "not a note").Status);
        Assert.Equal(400, witness.AddCheckpoint(9, [], SignedCheckpoint(leaves)).Status);
        // After all refusals the witness still stands at size 3 and accepts the true growth.
        Assert.Equal(200, witness.AddCheckpoint(3, ConsistencyProof.Generate(leaves, 3), SignedCheckpoint(leaves)).Status);
    }

    [Fact]
    public void Cosignature_HasTheSpecifiedKeyIdTimestampAndMessage()
    {
        var text = new Checkpoint(Origin, 5, new byte[32]).ToNoteText();
        var line = _key.Sign(text, 1_679_315_147);

        byte[] idInput = [.. Encoding.UTF8.GetBytes(_key.Name), 0x0A, 0x04, .. _key.PublicKey];
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(idInput)), line.KeyId);
        Assert.Equal(72, line.Signature.Length);
        Assert.Equal(1_679_315_147UL, BinaryPrimitives.ReadUInt64BigEndian(line.Signature));
        Assert.Equal("cosignature/v1\ntime 1679315147\n" + text, Encoding.UTF8.GetString(Cosignature.Message(text, 1_679_315_147)));
        Assert.StartsWith(_key.Name + "+", _key.VerifierKey);

        var note = SignedNote.Sign(text, Log).WithSignatures([line]).ToString();
        Assert.True(Cosignature.Verify(note, _key.Name, _key.PublicKey, out _, out _));
        var tampered = note.Replace("\n5\n", "\n6\n");
        Assert.False(Cosignature.Verify(tampered, _key.Name, _key.PublicKey, out _, out var why));
        Assert.Contains("does not verify", why);
        Assert.False(Cosignature.Verify(note, "other.example/w", _key.PublicKey, out _, out why));
        Assert.Contains("no cosignature", why);
    }

    [Fact]
    public void VerifierKey_RoundTripsAndIsRefusedWithAWrongIdOrType()
    {
        for (var i = 0; i < 20; i++) // base64 of random keys often holds '+'
        {
            var key = Cosigner.Generate("witness.example/w" + i);
            var (name, publicKey) = Cosignature.ParseVerifierKey(key.VerifierKey);
            Assert.Equal((key.Name, Convert.ToHexString(key.PublicKey)), (name, Convert.ToHexString(publicKey)));
        }
        var parts = _key.VerifierKey.Split('+', 3);
        Assert.Throws<NoteFormatException>(() => Cosignature.ParseVerifierKey($"{parts[0]}+00000000+{parts[2]}"));
        Assert.Throws<NoteFormatException>(() => Cosignature.ParseVerifierKey(Log.Verifier.ToString())); // an Ed25519 note key (0x01), not a cosigner key
        Assert.Throws<NoteFormatException>(() => Cosignature.ParseVerifierKey("no-plus"));
    }

    [Fact]
    public void Request_IsReadAsTlogWitnessSpecifiesAndRefusedWhenMalformed()
    {
        var leaves = Leaves(6);
        var proof = ConsistencyProof.Generate(leaves, 4);
        var checkpoint = SignedCheckpoint(leaves);
        var body = "old 4\n" + string.Concat(proof.Select(p => Convert.ToBase64String(p) + "\n")) + "\n" + checkpoint;

        Assert.True(NotaryWitness.TryParseRequest(body, out var old, out var parsed, out var note, out _));
        Assert.Equal(4, old);
        Assert.Equal(proof.Select(Convert.ToHexString), parsed.Select(Convert.ToHexString));
        Assert.Equal(checkpoint, note);
        Assert.False(NotaryWitness.TryParseRequest("old x\n\n" + checkpoint, out _, out _, out _, out _));
        Assert.False(NotaryWitness.TryParseRequest("old 4\nnot-base64\n\n" + checkpoint, out _, out _, out _, out _));
        Assert.False(NotaryWitness.TryParseRequest("old 4", out _, out _, out _, out _));
    }
}
