using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lvyue.Notary;
using Lvyue.Testing;
using Lvyue.Web.Hosting;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Notary;

/// <summary>
/// A folder witness end to end in the host: the checkpoint round writes the checkpoint into the folder, a real witness
/// with its own key cosigns it there, the next round reads the cosignature back, and the public verification page shows
/// it as verified beside the notarized document (and, for a receipt, beside the receipt).
/// </summary>
public sealed class WitnessCosignaturePageTests
{
    private static async Task<string> PostVerifyAsync(WebSession session, string fileName, byte[] content)
    {
        var (_, page) = await session.GetTextAsync("/Verify");
        using var form = new MultipartFormDataContent { { new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "Upload", fileName);
        using var response = await session.Client.PostAsync("/Verify", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory, BothDatabases]
    public async Task VerifyPage_ShowsTheCosignatureAFolderWitnessWroteBack(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("lvyue-witness-page-");
        try
        {
            var witnessKey = Cosigner.Generate("audit.example.gov.cn/witness");
            await using var app = await LvyueApp.StartAsync(provider, new Dictionary<string, string?>
            {
                ["Notary:CheckpointIntervalSeconds"] = "0",
                ["Notary:Witnesses:0:Folder"] = Path.Combine(folder.FullName, "outbox"),
                ["Notary:Witnesses:0:VerifierKey"] = witnessKey.VerifierKey,
            });
            var facts = await app.Facts;
            using var clerk = await app.LoginAsync("clerk");
            var bytes = Encoding.UTF8.GetBytes("物业管理服务合同（见证副署） " + Guid.NewGuid());
            var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("WIT")));
            await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", Encoding.UTF8.GetString(bytes));
            using var anonymous = new WebSession(app.NewClient());
            var service = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NotaryCheckpointService>().Single();

            var checkpoint = await service.RunOnceAsync(CancellationToken.None);
            Assert.NotNull(checkpoint);
            var html = await PostVerifyAsync(anonymous, "合同.txt", bytes);
            Assert.Contains("data-testid=\"verdict-valid\"", html);
            Assert.Contains("该检查点尚无见证方副署", html);

            // The offline witness answers the file the round wrote.
            var request = Path.Combine(folder.FullName, "outbox", $"checkpoint-{checkpoint!.TreeSize}.txt");
            Assert.True(NotaryWitness.TryParseRequest(await File.ReadAllTextAsync(request), out var old, out var proof, out var note, out var reason), reason);
            var witness = new NotaryWitness(witnessKey, app.Services.GetRequiredService<NotaryKeyRing>().Verifiers,
                Path.Combine(folder.FullName, "witness-state.json"), TimeProvider.System);
            var answer = witness.AddCheckpoint(old, proof, note);
            Assert.True(answer.IsCosigned, answer.Reason);
            await File.WriteAllTextAsync(Path.ChangeExtension(request, ".cosignature"), answer.Cosignature!.ToLine() + "\n");

            Assert.Null(await service.RunOnceAsync(CancellationToken.None)); // nothing new to sign; the cosignature is read back
            html = await PostVerifyAsync(anonymous, "合同.txt", bytes);
            Assert.Contains("data-testid=\"cosignature-valid\"", html);
            Assert.Contains($"audit.example.gov.cn/witness+{witnessKey.KeyId:x8}", html);
            Assert.DoesNotContain("cosignature-unverified", html);

            // A receipt downloaded now carries the cosigned checkpoint and shows the same on the page.
            var index = (await anonymous.GetOkAsync($"/api/v1/notary/lookup?digest={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}"))
                .AsArray()[0]!["index"]!.GetValue<long>();
            var receipt = await clerk.Client.GetByteArrayAsync($"/api/v1/notary/leaves/{index}/receipt");
            Assert.Contains(witnessKey.Name, Encoding.UTF8.GetString(receipt));
            html = await PostVerifyAsync(anonymous, "receipt.json", receipt);
            Assert.Contains("data-testid=\"verdict-valid\"", html);
            Assert.Contains("data-testid=\"cosignature-valid\"", html);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
