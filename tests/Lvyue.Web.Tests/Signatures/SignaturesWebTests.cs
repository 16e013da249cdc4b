using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Signatures;

/// <summary>
/// The demo's clerk and supplier sign a contract from the API and from the signing page in the required order; the
/// contract page shows it signed; anyone verifies the downloaded signatures with the document on the public API and
/// page, and a one-byte change or a garbage signature gets its reason, never an error page.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SignaturesWebTests(ApiHosts hosts)
{
    private static async Task<HttpResponseMessage> PostVerifyAsync(WebSession session, string url, byte[] document, params (string Name, byte[] Bytes)[] signatures)
    {
        using var form = new MultipartFormDataContent();
        if (url.StartsWith("/Signatures", StringComparison.Ordinal))
        {
            var (_, page) = await session.GetTextAsync(url);
            form.Add(new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken");
        }
        var doc = new ByteArrayContent(document);
        doc.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(doc, url.StartsWith("/api", StringComparison.Ordinal) ? "document" : "Document", "合同.txt");
        foreach (var (name, bytes) in signatures)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pkcs7-signature");
            form.Add(part, url.StartsWith("/api", StringComparison.Ordinal) ? "signature" : "Signature", name);
        }
        return await session.Client.PostAsync(url, form);
    }

    [Theory, BothDatabases]
    public async Task ClerkThenSupplierSign_AndAnyoneVerifies(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        using var supplier = await app.LoginAsync("supplier");
        var text = "电子签署测试合同 " + Guid.NewGuid();
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("SIG")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", text);
        var document = Encoding.UTF8.GetBytes(text);

        using (var early = await supplier.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { algorithm = "ecdsa" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("采购人", await early.Content.ReadAsStringAsync());
        }
        using (var bad = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { algorithm = "dsa" }))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var signed = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { algorithm = "sm2" }))
            Assert.Equal(HttpStatusCode.Created, signed.StatusCode);

        // The supplier signs from the signing page.
        var (status, page) = await supplier.GetTextAsync($"/Signatures/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"sign-form\"", page);
        using (var posted = await supplier.PostFormAsync($"/Signatures/{id}", $"/Signatures/{id}?handler=Sign", new() { ["algorithm"] = "ecdsa" }))
            Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"{posted.StatusCode}");

        var state = await clerk.GetOkAsync($"/api/v1/signatures/contracts/{id}");
        Assert.True(state["signed"]!.GetValue<bool>());
        var parties = state["parties"]!.AsArray();
        Assert.Equal(["Purchaser", "Supplier"], parties.Select(p => p!["party"]!.GetValue<string>()));
        Assert.Equal("sm2-sm3", parties[0]!["signature"]!["algorithm"]!.GetValue<string>());
        Assert.Equal("ecdsa-p256-sha256", parties[1]!["signature"]!["algorithm"]!.GetValue<string>());
        (_, page) = await clerk.GetTextAsync($"/Contracts/{id}");
        Assert.Contains("data-testid=\"contract-signed\"", page);
        (_, page) = await clerk.GetTextAsync($"/Signatures/{id}");
        Assert.Equal(2, CountOf(page, "data-testid=\"signature-valid\""));

        var files = new List<(string, byte[])>();
        foreach (var p in parties)
        {
            using var download = await clerk.Client.GetAsync($"/api/v1/signatures/{p!["signature"]!["id"]!.GetValue<long>()}/file");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            files.Add(($"{p["party"]}.p7s", await download.Content.ReadAsByteArrayAsync()));
        }

        using var anonymous = new WebSession(app.NewClient());
        using (var ok = await PostVerifyAsync(anonymous, "/api/v1/signatures/verify", document, [.. files]))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var verdicts = (await WebSession.ReadJsonAsync(ok))!.AsArray();
            Assert.Equal(2, verdicts.Count);
            Assert.All(verdicts, v => Assert.True(v!["valid"]!.GetValue<bool>(), v["reasonEn"]!.GetValue<string>()));
            Assert.Equal(2, verdicts[0]!["chain"]!.AsArray().Count);
            Assert.True(verdicts[0]!["chain"]![1]!["isTrustAnchor"]!.GetValue<bool>());
        }
        var changed = document.ToArray();
        changed[^1] ^= 1;
        using (var no = await PostVerifyAsync(anonymous, "/api/v1/signatures/verify", changed, [.. files]))
        {
            var verdicts = (await WebSession.ReadJsonAsync(no))!.AsArray();
            Assert.All(verdicts, v => Assert.Equal("DocumentChanged", v!["failure"]!.GetValue<string>()));
            Assert.All(verdicts, v => Assert.False(v!["valid"]!.GetValue<bool>()));
        }

        // The public page: valid, then changed by one byte, then a garbage signature — reasons, never an error page.
        using (var html = await PostVerifyAsync(anonymous, "/Signatures/Verify", document, files[0]))
        {
            var body = await html.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Contains("data-testid=\"signature-valid\"", body);
            Assert.Contains("GB/T 35275", body);
        }
        using (var html = await PostVerifyAsync(anonymous, "/Signatures/Verify", changed, files[1]))
        {
            var body = await html.Content.ReadAsStringAsync();
            Assert.Contains("data-failure=\"DocumentChanged\"", body);
            Assert.Contains("文件已被改动", body);
            Assert.DoesNotContain("signature-valid", body);
        }
        using (var html = await PostVerifyAsync(anonymous, "/Signatures/Verify", document, ("forged.p7s", Encoding.ASCII.GetBytes("-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n"))))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            var body = await html.Content.ReadAsStringAsync();
            Assert.Contains("data-failure=\"Malformed\"", body);
            Assert.DoesNotContain("signature-valid", body);
        }
    }

    [Theory, BothDatabases]
    public async Task Strangers_CannotSignOrSeeAndTheRootsArePublic(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("SIG")));
        using (var none = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode); // no document yet
            Assert.Contains("请先上传", await none.Content.ReadAsStringAsync());
        }
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", "陌生人测试 " + Guid.NewGuid());
        using var supervisor = await app.LoginAsync("supervisor");
        using (var refused = await supervisor.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = new WebSession(app.NewClient());
        using (var anon = await anonymous.Client.GetAsync($"/api/v1/signatures/contracts/{id}"))
            Assert.Equal(HttpStatusCode.Unauthorized, anon.StatusCode);
        using (var signed = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { }))
            Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var roots = (await anonymous.GetOkAsync("/api/v1/signatures/roots")).AsArray();
        Assert.Contains(roots, r => r!["algorithm"]!.GetValue<string>() == "sm2-sm3" && r["pem"]!.GetValue<string>().StartsWith("-----BEGIN CERTIFICATE-----"));
        var (status, page) = await anonymous.GetTextAsync("/Signatures/Verify");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("电子签名核验", page);
    }

    [Theory, BothDatabases]
    public async Task ThePurchasersOrganizationCertificateIsIssuedOnceAndSignsTheContract(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("SIG")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", "单位证书签署测试 " + Guid.NewGuid());
        using (var bad = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/organization-certificate", new { algorithm = "dsa" }))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var first = await PostOkAsync(clerk, $"/api/v1/signatures/contracts/{id}/organization-certificate", new { algorithm = "sm2" });
        Assert.Equal("Organization", first["kind"]!.GetValue<string>());
        Assert.Equal("sm2-sm3", first["algorithm"]!.GetValue<string>());
        var again = await PostOkAsync(clerk, $"/api/v1/signatures/contracts/{id}/organization-certificate", new { });
        Assert.Equal(first["id"]!.GetValue<long>(), again["id"]!.GetValue<long>()); // the valid one is returned, not a second
        using var supervisor = await app.LoginAsync("supervisor");
        using (var refused = await supervisor.PostJsonAsync($"/api/v1/signatures/contracts/{id}/organization-certificate", new { }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var signed = await clerk.PostJsonAsync($"/api/v1/signatures/contracts/{id}/sign", new { certificateId = first["id"]!.GetValue<long>() }))
            Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var status = await clerk.GetOkAsync($"/api/v1/signatures/contracts/{id}");
        var purchaser = status["parties"]!.AsArray().Single(p => p!["party"]!.GetValue<string>() == "Purchaser")!;
        Assert.Equal(first["commonName"]!.GetValue<string>(), purchaser["signature"]!["signerName"]!.GetValue<string>()); // signed as the unit
    }

    private static async Task<JsonNode> PostOkAsync(WebSession session, string url, object body)
    {
        using var response = await session.PostJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await WebSession.ReadJsonAsync(response))!;
    }

    private static int CountOf(string s, string what)
    {
        var n = 0;
        for (var i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
