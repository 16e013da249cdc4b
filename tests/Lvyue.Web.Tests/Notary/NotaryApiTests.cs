using System.Net;
using System.Security.Cryptography;
using System.Text;
using Lvyue.Notary;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Notary;

/// <summary>
/// /api/v1/notary over HTTP: a filed document is found by its digest, proven in the signed checkpoint by inclusion
/// and consistency proofs checked with the published keys, and its receipt verifies offline; bad requests are
/// problems, never proofs; receipts follow tenancy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotaryApiTests(ApiHosts hosts)
{
    private static NoteVerifierSet Keys(System.Text.Json.Nodes.JsonNode keys) =>
        new(keys.AsArray().Select(k => NoteVerifier.Parse(k!["verifierKey"]!.GetValue<string>())));

    [Theory, BothDatabases]
    public async Task Api_ProvesAFiledDocumentFromItsDigestToAnOfflineReceipt(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var text = "物业管理服务合同 " + Guid.NewGuid();
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("NOT")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", text);
        using var anonymous = new WebSession(app.NewClient());
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var found = (await anonymous.GetOkAsync($"/api/v1/notary/lookup?digest={sha.ToUpperInvariant()}")).AsArray();
        var entry = Assert.Single(found)!;
        Assert.Equal(NotaryKinds.DocumentStored, entry["kind"]!.GetValue<string>());
        Assert.Null(entry["leaf"]); // the public sees no leaf data
        var index = entry["index"]!.GetValue<long>();
        var keys = Keys(await anonymous.GetOkAsync("/api/v1/notary/keys"));
        Assert.Contains(keys.Keys, k => k.Algorithm == NoteAlgorithm.Sm2);
        Assert.Contains(keys.Keys, k => k.Algorithm == NoteAlgorithm.Ed25519);

        // The receipt signs a checkpoint covering the leaf when none does yet; then the checkpoint is public.
        using var receiptResponse = await clerk.Client.GetAsync($"/api/v1/notary/leaves/{index}/receipt");
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        Assert.Equal("attachment", receiptResponse.Content.Headers.ContentDisposition?.DispositionType);
        var receipt = await receiptResponse.Content.ReadAsStringAsync();
        var verdict = ReceiptVerifier.Verify(receipt, keys);
        Assert.True(verdict.IsValid, verdict.Reason);
        var (status, note) = await anonymous.GetTextAsync("/api/v1/notary/checkpoint");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Checkpoint.Verify(note, keys, NotaryLog.DefaultOrigin, out var checkpoint).IsValid);
        Assert.True((long)checkpoint!.TreeSize > index);

        var inclusion = await anonymous.GetOkAsync($"/api/v1/notary/proofs/inclusion?index={index}&size={checkpoint.TreeSize}");
        var proof = inclusion["proof"]!.AsArray().Select(p => Convert.FromHexString(p!.GetValue<string>())).ToList();
        var leafHash = Convert.FromHexString(entry["leafHash"]!.GetValue<string>());
        Assert.True(InclusionProof.Verify(leafHash, (ulong)index, checkpoint.TreeSize, checkpoint.RootHash, proof).IsValid);
        var consistency = await anonymous.GetOkAsync($"/api/v1/notary/proofs/consistency?size1={index + 1}&size2={checkpoint.TreeSize}");
        var root1 = Convert.FromHexString(consistency["root1"]!.GetValue<string>());
        var cproof = consistency["proof"]!.AsArray().Select(p => Convert.FromHexString(p!.GetValue<string>())).ToList();
        Assert.Equal(Convert.ToHexStringLower(checkpoint.RootHash), consistency["root2"]!.GetValue<string>());
        Assert.True(ConsistencyProof.Verify((ulong)index + 1, checkpoint.TreeSize, root1, checkpoint.RootHash, cproof).IsValid);
        // One byte more and nothing is found.
        var other = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text + " ")));
        Assert.Empty((await anonymous.GetOkAsync($"/api/v1/notary/lookup?digest={other}")).AsArray());
    }

    [Theory, BothDatabases]
    public async Task Api_AnswersBadProofRequestsWithProblems(string provider)
    {
        var app = await hosts.For(provider);
        using var anonymous = new WebSession(app.NewClient());
        long size;
        await using (var s = app.Database.AsSystem()) size = await s.Get<NotaryLog>().SizeAsync();
        Assert.True(size > 0, "the demo filings are notarized");

        async Task<string> Bad(string url, string field)
        {
            using var r = await anonymous.Client.GetAsync(url);
            return string.Join(" ", await Problems.AssertFieldErrorAsync(r, field));
        }
        Assert.Contains("超过日志当前大小", await Bad($"/api/v1/notary/proofs/inclusion?index=0&size={size + 5}", "size"));
        Assert.Contains("不小于树的大小", await Bad($"/api/v1/notary/proofs/inclusion?index={size}&size={size}", "index"));
        await Bad("/api/v1/notary/proofs/inclusion?index=-1&size=1", "index");
        await Bad($"/api/v1/notary/proofs/consistency?size1=3&size2=2", "size1");
        await Bad($"/api/v1/notary/proofs/consistency?size1=1&size2={size + 1}", "size2");
        await Bad("/api/v1/notary/lookup?digest=abc", "digest");
        using var unauthenticated = await anonymous.Client.GetAsync("/api/v1/notary/leaves/0/receipt");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_GivesReceiptsAndEventsOnlyForContractsTheCallerCanSee(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk2 = await app.LoginAsync("clerk2");
        var id = await ApiSteps.CreateAsync(clerk2, facts.OtherContract(DemoFacts.NewNumber("TEN")));
        await ApiSteps.UploadTextAsync(clerk2, id, "合同.txt", "绿化养护合同 " + Guid.NewGuid());
        var events = (await clerk2.GetOkAsync($"/api/v1/notary/contracts/{id}/events")).AsArray();
        var index = Assert.Single(events)!["index"]!.GetValue<long>();

        using var clerk = await app.LoginAsync("clerk");
        using var supplier = await app.LoginAsync("supplier");
        foreach (var outsider in new[] { clerk, supplier })
        {
            using var receipt = await outsider.Client.GetAsync($"/api/v1/notary/leaves/{index}/receipt");
            await Problems.AssertProblemAsync(receipt, HttpStatusCode.NotFound);
            using var list = await outsider.Client.GetAsync($"/api/v1/notary/contracts/{id}/events");
            await Problems.AssertProblemAsync(list, HttpStatusCode.NotFound);
        }
        using var own = await clerk2.Client.GetAsync($"/api/v1/notary/leaves/{index}/receipt");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
