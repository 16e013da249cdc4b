using System.Net;
using System.Text;
using Lvyue.Notary;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Notary;

/// <summary>The witness endpoint (C2SP tlog-witness) of a host configured with Notary:Witness:Key, over HTTP.</summary>
public sealed class NotaryWitnessApiTests
{
    [Theory, BothDatabases]
    public async Task WitnessEndpoint_CosignsTheLogsCheckpointOnceAndThenAsksForTheSizeItSaw(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-witness-key-").FullName;
        try
        {
            var witnessKey = NoteKeyFiles.Generate("audit.example/witness", NoteAlgorithm.Ed25519, Path.Combine(dir, "w.pem"), Path.Combine(dir, "w.pub.pem"));
            await using var app = await LvyueApp.StartAsync(provider, new Dictionary<string, string?>
            {
                ["Notary:Witness:Key"] = Path.Combine(dir, "w.pem"), ["Notary:Witness:Name"] = "audit.example/witness",
            });
            using var anonymous = new WebSession(app.NewClient());
            var (status, checkpoint) = await anonymous.GetTextAsync("/api/v1/notary/checkpoint");
            Assert.Equal(HttpStatusCode.OK, status);
            var size = Checkpoint.Parse(SignedNote.Parse(checkpoint).Text).TreeSize;

            using var first = await anonymous.Client.PostAsync("/api/v1/notary/witness/add-checkpoint", new StringContent("old 0\n\n" + checkpoint));
            var line = await first.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var cosigned = SignedNote.Parse(checkpoint).ToString().TrimEnd('\n') + "\n" + line;
            var publicKey = Cosigner.FromNoteSigner(witnessKey).PublicKey;
            Assert.True(Cosignature.Verify(cosigned, "audit.example/witness", publicKey, out _, out var reason), reason);

            using var again = await anonymous.Client.PostAsync("/api/v1/notary/witness/add-checkpoint", new StringContent("old 0\n\n" + checkpoint));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal($"{size}\n", await again.Content.ReadAsStringAsync());
            using var garbage = await anonymous.Client.PostAsync("/api/v1/notary/witness/add-checkpoint", new StringContent("hello"));
            Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
            Assert.Empty(app.Services.GetServices<NotaryWitness>().Skip(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory, BothDatabases]
    public async Task WitnessPush_StoresVerifiedCosignaturesLearnsTheWitnessSizeAndWritesFolderRequests(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("lvyue-witness-push-").FullName;
        try
        {
            var witnessKey = Cosigner.FromNoteSigner(NoteKeyFiles.Generate("audit.example/witness", NoteAlgorithm.Ed25519,
                Path.Combine(dir, "w.pem"), Path.Combine(dir, "w.pub.pem")));
            await using var app = await LvyueApp.StartAsync(provider, new Dictionary<string, string?>
            {
                ["Notary:Witness:Key"] = Path.Combine(dir, "w.pem"), ["Notary:Witness:Name"] = "audit.example/witness",
            });
            var witness = new WitnessTarget { Url = "/api/v1/notary/witness/add-checkpoint", VerifierKey = witnessKey.VerifierKey };
            var impostor = new WitnessTarget { Url = witness.Url, VerifierKey = Cosigner.Generate("audit.example/witness").VerifierKey };
            var folder = new WitnessTarget { Folder = Path.Combine(dir, "outbox") };
            var ring = app.Services.GetRequiredService<NotaryKeyRing>();

            async Task<(NotaryCheckpoint Checkpoint, IReadOnlyList<string> Outcomes)> SignAndPushAsync(params WitnessTarget[] targets)
            {
                await using var s = app.Database.AsSystem();
                s.Get<INotaryRecorder>().Record("inspection.result", (long?)null, NotaryPayload.Of(("outcome", "pass")));
                await s.Db.SaveChangesAsync();
                var checkpoint = (await new NotaryCheckpointer(s.Get<NotaryLog>(), ring).SignIfGrownAsync())!;
                using var client = app.CreateClient();
                return (checkpoint, await new NotaryWitnessPush(s.Db, s.Get<NotaryLog>(), client).PushAsync(checkpoint, targets));
            }

            var (first, outcomes) = await SignAndPushAsync(impostor, witness);
            Assert.True(outcomes[0].Contains("refused"), string.Join(" | ", outcomes));
            Assert.True(outcomes[1].Contains("cosigned by audit.example/witness"), outcomes[1]);
            // The second push starts from "old 0", is told the size the witness saw, and proves growth from it.
            var (second, again) = await SignAndPushAsync(witness, folder);
            Assert.True(again[0].Contains("cosigned"), again[0]);
            Assert.Contains($"checkpoint-{second.TreeSize}.txt", again[1]);

            await using var check = app.Database.AsSystem();
            foreach (var c in new[] { first, second })
            {
                var stored = await check.Db.NotaryCheckpoints.FindAsync(c.Id);
                Assert.True(Cosignature.Verify(stored!.Note, witnessKey.Name, witnessKey.PublicKey, out _, out var reason), reason);
                Assert.True(Checkpoint.Verify(stored.Note, ring.Verifiers, NotaryLog.DefaultOrigin, out _).IsValid);
                Assert.Equal(ring.Signers.Count + 1, SignedNote.Parse(stored.Note).Signatures.Count); // the impostor's line was not stored
            }
            var request = await File.ReadAllTextAsync(Path.Combine(dir, "outbox", $"checkpoint-{second.TreeSize}.txt"));
            Assert.True(NotaryWitness.TryParseRequest(request, out var old, out var proof, out _, out _));
            Assert.Equal(first.TreeSize, old);
            Assert.True(ConsistencyProof.Verify((ulong)first.TreeSize, (ulong)second.TreeSize, first.RootHash, second.RootHash, proof).IsValid);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
