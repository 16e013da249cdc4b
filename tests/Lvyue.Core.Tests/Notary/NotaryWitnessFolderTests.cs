using Lvyue.Notary;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Notary;

/// <summary>
/// An offline witness working through a folder: the log writes each checkpoint (with the consistency proof from the
/// previous one) into the folder, a real witness (C2SP tlog-witness, its own Ed25519 key) cosigns it and writes its
/// answer beside it, and the log reads the cosignature back, verifies it with the witness's key and stores it on the
/// checkpoint — so receipts carry it and the public verifier shows it. A forged answer is refused and stored nowhere.
/// </summary>
public sealed class NotaryWitnessFolderTests : IDisposable
{
    private static readonly NotaryKeyRing Keys = new(NotaryLog.DefaultOrigin, [NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519)]);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lvyue-witness-folder-");
    private readonly Cosigner _witnessKey = Cosigner.Generate("audit.example.gov.cn/witness");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Folder => Path.Combine(_dir.FullName, "outbox");

    private WitnessTarget Target => new() { Folder = Folder, VerifierKey = _witnessKey.VerifierKey };

    /// <summary>What the offline witness does with the folder: answers every checkpoint file it has not answered yet.</summary>
    private void WitnessRound(TestClock clock, Cosigner? key = null)
    {
        var witness = new NotaryWitness(key ?? _witnessKey, Keys.Verifiers, Path.Combine(_dir.FullName, "witness-state.json"), clock);
        foreach (var request in Directory.GetFiles(Folder, "checkpoint-*.txt").Order())
        {
            var answer = Path.ChangeExtension(request, ".cosignature");
            if (File.Exists(answer) || File.Exists(answer + ".stored") || File.Exists(answer + ".refused")) continue;
            Assert.True(NotaryWitness.TryParseRequest(File.ReadAllText(request), out var old, out var proof, out var checkpoint, out var reason), reason);
            var result = witness.AddCheckpoint(old, proof, checkpoint);
            Assert.True(result.IsCosigned, result.Reason);
            File.WriteAllText(answer, result.Cosignature!.ToLine() + "\n");
        }
    }

    private static async Task AppendAsync(TestDatabase db, int n)
    {
        await using var s = db.AsSystem();
        await s.Get<NotaryLog>().AppendAsync(Enumerable.Range(0, n).Select(i => new NotaryEvent("inspection.result", i + 1, db.Clock.GetUtcNow())).ToList());
    }

    [Theory, BothDatabases]
    public async Task FolderWitness_CosignaturesAreReadBackVerifiedAndStoredOnTheCheckpoint(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, 5);
        NotaryCheckpoint first;
        await using (var s = db.AsSystem())
        {
            first = (await new NotaryCheckpointer(s.Get<NotaryLog>(), Keys).SignIfGrownAsync())!;
            using var http = new HttpClient();
            var push = new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http);
            Assert.Contains("wrote checkpoint-5.txt", Assert.Single(await push.PushAsync(first, [Target])));
            // Nothing to read back before the witness answered.
            Assert.Empty(await push.CollectFolderCosignaturesAsync([Target]));
        }
        db.Clock.Advance(TimeSpan.FromMinutes(3));
        WitnessRound(db.Clock);

        await using (var s = db.AsSystem())
        {
            using var http = new HttpClient();
            var outcome = Assert.Single(await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).CollectFolderCosignaturesAsync([Target]));
            Assert.Contains("cosigned by audit.example.gov.cn/witness", outcome);
        }
        Assert.True(File.Exists(Path.Combine(Folder, "checkpoint-5.cosignature.stored")));

        await using (var s = db.AsSystem())
        {
            var stored = await s.Db.NotaryCheckpoints.AsNoTracking().SingleAsync();
            Assert.Equal(2, SignedNote.Parse(stored.Note).Signatures.Count);
            Assert.True(Cosignature.Verify(stored.Note, _witnessKey.Name, _witnessKey.PublicKey, out var time, out var reason), reason);
            Assert.Equal((ulong)db.Clock.GetUtcNow().ToUnixTimeSeconds(), time);
            // The log's own signature still verifies; the cosignature line is one the log's verifiers ignore.
            Assert.True(Checkpoint.Verify(stored.Note, Keys.Verifiers, NotaryLog.DefaultOrigin, out _).IsValid);

            // Receipts carry the cosigned checkpoint and still verify; the lookup shows the verified cosignature.
            var lookup = new NotaryLookup(s.Db, new NotaryCheckpointer(s.Get<NotaryLog>(), Keys), Keys, new NotaryOptions { Witnesses = [Target] });
            var check = await lookup.CheckAsync((await lookup.EntryAsync(2))!);
            Assert.True(check.Verdict.IsValid, check.Verdict.Reason);
            var cosignature = Assert.Single(check.Cosignatures);
            Assert.True(cosignature.Verified, cosignature.Reason);
            Assert.Equal((_witnessKey.Name, _witnessKey.KeyId.ToString("x8"), db.Clock.GetUtcNow().ToUnixTimeSeconds()),
                (cosignature.Witness, cosignature.KeyId, cosignature.At!.Value.ToUnixTimeSeconds()));
            // Without the witness's key the line is shown, but not as verified.
            var unknown = Assert.Single(WitnessCosignatures.Check(stored.Note, Keys.Verifiers, []));
            Assert.False(unknown.Verified);
        }
    }

    [Theory, BothDatabases]
    public async Task FolderWitness_AForgedOrForeignCosignatureIsRefusedAndGrowthIsCosignedWithItsConsistencyProof(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, 3);
        await using (var s = db.AsSystem())
        {
            var checkpoint = (await new NotaryCheckpointer(s.Get<NotaryLog>(), Keys).SignIfGrownAsync())!;
            using var http = new HttpClient();
            await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).PushAsync(checkpoint, [Target]);
        }
        // Someone else's key under the witness's name: the line does not verify with the configured key.
        WitnessRound(db.Clock, Cosigner.Generate(_witnessKey.Name));
        await using (var s = db.AsSystem())
        {
            using var http = new HttpClient();
            var outcome = Assert.Single(await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).CollectFolderCosignaturesAsync([Target]));
            Assert.Contains("refused", outcome);
            Assert.Single(SignedNote.Parse((await s.Db.NotaryCheckpoints.AsNoTracking().SingleAsync()).Note).Signatures);
        }
        Assert.True(File.Exists(Path.Combine(Folder, "checkpoint-3.cosignature.refused")));
        await using (var s = db.AsSystem())
        {
            // A folder without the witness's key is not read back: nothing to say until a witness answers there.
            using var http = new HttpClient();
            var keyless = new WitnessTarget { Folder = Folder };
            Assert.Empty(await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).CollectFolderCosignaturesAsync([keyless]));
        }

        // The log grows; the next file carries the consistency proof from size 3, which the real witness checks.
        File.Delete(Path.Combine(_dir.FullName, "witness-state.json"));
        await AppendAsync(db, 4);
        await using (var s = db.AsSystem())
        {
            var second = (await new NotaryCheckpointer(s.Get<NotaryLog>(), Keys).SignIfGrownAsync())!;
            Assert.Equal(7, second.TreeSize);
            using var http = new HttpClient();
            await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).PushAsync(second, [Target]);
        }
        Assert.StartsWith("old 3\n", File.ReadAllText(Path.Combine(Folder, "checkpoint-7.txt")));
        var witness = new NotaryWitness(_witnessKey, Keys.Verifiers, Path.Combine(_dir.FullName, "witness-state.json"), db.Clock);
        Assert.True(NotaryWitness.TryParseRequest(File.ReadAllText(Path.Combine(Folder, "checkpoint-3.txt")), out _, out _, out var firstCheckpoint, out _));
        Assert.True(witness.AddCheckpoint(0, [], firstCheckpoint).IsCosigned); // the witness saw size 3 before
        WitnessRound(db.Clock);
        await using (var s = db.AsSystem())
        {
            using var http = new HttpClient();
            var outcomes = await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), http).CollectFolderCosignaturesAsync([Target]);
            Assert.Contains(outcomes, o => o.StartsWith("checkpoint-7.cosignature: cosigned", StringComparison.Ordinal));
            var cosigned = await s.Db.NotaryCheckpoints.AsNoTracking().SingleAsync(c => c.TreeSize == 7);
            Assert.True(Cosignature.Verify(cosigned.Note, _witnessKey.Name, _witnessKey.PublicKey, out _, out var reason), reason);
        }
    }
}
