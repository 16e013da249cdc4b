using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lvyue.Notary;
using Lvyue.Testing;
using Lvyue.Web.Hosting;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Notary;

/// <summary>
/// The public verification page (no login) for documents, digests and receipts in Chinese and English, the
/// contract page's notarized events with their receipts, and the checkpoint signer of the host.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotaryPagesTests(ApiHosts hosts)
{
    private static async Task<(HttpStatusCode Status, string Html)> PostVerifyAsync(WebSession session, string? fileName, byte[]? content, string? digest = null)
    {
        var (status, page) = await session.GetTextAsync("/Verify");
        Assert.Equal(HttpStatusCode.OK, status);
        using var form = new MultipartFormDataContent { { new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        if (fileName is not null)
        {
            var part = new ByteArrayContent(content!);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Upload", fileName);
        }
        if (digest is not null) form.Add(new StringContent(digest), "Digest");
        using var response = await session.Client.PostAsync("/Verify", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task VerifyPage_FindsANotarizedDocumentAndNotOneChangedByOneByte(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var bytes = Encoding.UTF8.GetBytes("物业管理服务合同（存证核验） " + Guid.NewGuid());
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("VER"), title: "保密的合同标题XYZ"));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", Encoding.UTF8.GetString(bytes));
        using var anonymous = new WebSession(app.NewClient());

        var (status, html) = await PostVerifyAsync(anonymous, "合同.txt", bytes);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"verdict-valid\"", html);
        Assert.Contains("已存证", html);
        Assert.Contains(NotaryKinds.DocumentStored, html);
        Assert.DoesNotContain("保密的合同标题XYZ", html);
        Assert.DoesNotContain("verdict-invalid", html);

        var changed = bytes.ToArray();
        changed[^1] ^= 1;
        (_, html) = await PostVerifyAsync(anonymous, "合同.txt", changed);
        Assert.Contains("data-testid=\"verdict-notfound\"", html);
        Assert.DoesNotContain("verdict-valid", html);

        var sm3 = Lvyue.Files.FileStore.Sm3Hex(bytes);
        (_, html) = await PostVerifyAsync(anonymous, null, null, sm3.ToUpperInvariant());
        Assert.Contains("data-testid=\"verdict-valid\"", html);
        (_, html) = await PostVerifyAsync(anonymous, null, null, "xyz");
        Assert.Contains("摘要应为 64 位十六进制", html);
    }

    [Theory, BothDatabases]
    public async Task VerifyPage_ChecksAReceiptAndGivesTheReasonATamperedOneFailsInEnglishToo(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("RCP")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", "回执核验 " + Guid.NewGuid());
        var index = (await clerk.GetOkAsync($"/api/v1/notary/contracts/{id}/events")).AsArray()[0]!["index"]!.GetValue<long>();
        using var download = await clerk.Client.GetAsync($"/api/v1/notary/leaves/{index}/receipt");
        var receipt = await download.Content.ReadAsStringAsync();
        using var anonymous = new WebSession(app.NewClient());

        var (_, html) = await PostVerifyAsync(anonymous, "receipt.json", Encoding.UTF8.GetBytes(receipt));
        Assert.Contains("data-testid=\"verdict-valid\"", html);
        Assert.Contains("回执有效", html);

        var tampered = JsonNode.Parse(receipt)!;
        tampered["index"] = index + 1;
        using (var en = await anonymous.Client.GetAsync("/culture/en?returnUrl=/Verify")) Assert.Equal(HttpStatusCode.Redirect, en.StatusCode);
        (_, html) = await PostVerifyAsync(anonymous, "receipt.json", Encoding.UTF8.GetBytes(tampered.ToJsonString()));
        Assert.Contains("data-testid=\"verdict-invalid\"", html);
        Assert.Contains("The receipt is not valid", html);
        Assert.Contains("inclusion proof does not verify", html);
        (_, html) = await PostVerifyAsync(anonymous, "receipt.json", Encoding.UTF8.GetBytes("{\"v\":1,"));
        Assert.Contains("the receipt is not JSON", html);
    }

    [Theory, BothDatabases]
    public async Task ContractPage_ListsNotarizedEventsWithAReceiptForEach(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var (id, _) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber("DET")));

        var (status, html) = await clerk.GetTextAsync($"/Contracts/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("存证记录", html);
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/api/v1/notary/leaves/\\d+/receipt)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count); // the document, the submission
        Assert.Contains("提交备案", html);
        using var receipt = await clerk.Client.GetAsync(links[^1]);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var keys = new NoteVerifierSet(app.Services.GetRequiredService<NotaryKeyRing>().Signers.Select(s => s.Verifier));
        Assert.True(ReceiptVerifier.Verify(await receipt.Content.ReadAsStringAsync(), keys).IsValid);
    }

    [Theory, BothDatabases]
    public async Task Host_SignsACheckpointOnItsOwnWhenTheLogGrew(string provider)
    {
        await using var app = await LvyueApp.StartAsync(provider, new Dictionary<string, string?> { ["Notary:CheckpointIntervalSeconds"] = "1" });
        await using var s = app.Database.AsSystem();
        var log = s.Get<NotaryLog>();
        var size = await log.SizeAsync();
        Assert.True(size > 0);

        // Waits for the background rounds (bounded), then checks what they stored.
        for (var i = 0; i < 120 && await log.LatestCheckpointSizeAsync() < size; i++) await Task.Delay(250);

        Assert.Equal(size, await log.LatestCheckpointSizeAsync());
        var service = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NotaryCheckpointService>().Single();
        Assert.Null(await service.RunOnceAsync(CancellationToken.None)); // not grown: nothing signed
    }

    [Fact]
    public async Task Host_RefusesToStartInProductionWithoutASigningKey()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            LvyueApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "false", ["Notary:AllowGeneratedKey"] = "false" }));
        Assert.Contains("Notary:SigningKey", e.ToString());
    }
}
