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
}
