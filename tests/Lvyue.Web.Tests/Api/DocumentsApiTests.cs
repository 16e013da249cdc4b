using System.Net;
using System.Security.Cryptography;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/contracts/{id}/documents: multipart uploads, versions, downloads and refused files.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentsApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_KeepsEveryVersionOfAnUploadedDocument(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("DOC")));

        var v1 = await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", "第一版合同文本");
        var v2 = await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", "第二版合同文本，金额调整");
        using (var pdf = await clerk.PostFileAsync($"/api/v1/contracts/{id}/documents", "附件.pdf", ReadAll(TestFiles.Pdf().Content)))
            Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);

        Assert.Equal(1, v1["versionNo"]!.GetValue<int>());
        Assert.Equal(2, v2["versionNo"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("第一版合同文本"))), v1["sha256"]!.GetValue<string>());
        Assert.Equal(64, v1["sm3"]!.GetValue<string>().Length);
        var contract = await clerk.GetOkAsync($"/api/v1/contracts/{id}");
        var docs = contract["documents"]!.AsArray().Select(d => (d!["fileName"]!.GetValue<string>(), d["versionNo"]!.GetValue<int>())).ToList();
        Assert.Equal([("合同.txt", 2), ("合同.txt", 1), ("附件.pdf", 1)], docs.OrderBy(d => d.Item1, StringComparer.Ordinal).ThenByDescending(d => d.Item2));
        using var download = await clerk.Client.GetAsync($"/api/v1/contracts/{id}/documents/{v1["id"]!.GetValue<long>()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("第一版合同文本", Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAnExeRenamedPdfAndStoresNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("EXE")));
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync($"/api/v1/contracts/{id}/documents", "合同.pdf", ReadAll(TestFiles.ExeRenamedPdf().Content));

        var messages = await Problems.AssertFieldErrorAsync(response, "documents");
        Assert.Contains(messages, m => m.Contains("PDF"));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Empty((await clerk.GetOkAsync($"/api/v1/contracts/{id}"))["documents"]!.AsArray());
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAnUnsupportedFileTypeAndStoresNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("EXT")));
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync($"/api/v1/contracts/{id}/documents", "setup.exe", ReadAll(TestFiles.ExeRenamedPdf().Content));

        await Problems.AssertFieldErrorAsync(response, "documents");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesADocumentOver50MbAndStoresNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("BIG")));
        var before = await StoreSnapshot.TakeAsync(app);
        var tooBig = new byte[50 * 1024 * 1024 + 1];
        Array.Fill(tooBig, (byte)'a');

        using var response = await clerk.PostFileAsync($"/api/v1/contracts/{id}/documents", "合同.txt", tooBig);

        var messages = await Problems.AssertFieldErrorAsync(response, "documents");
        Assert.Contains(messages, m => m.Contains("50 MB"));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        var tmp = Path.Combine(app.Database.FileStoreRoot, "tmp");
        Assert.True(!Directory.Exists(tmp) || !Directory.EnumerateFileSystemEntries(tmp).Any(), "the upload left a temporary file");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesABrowserSessionUploadWithoutTheAntiforgeryToken(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("CSRF")));
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync($"/api/v1/contracts/{id}/documents", "合同.txt", Encoding.UTF8.GetBytes("伪造的上传"), antiforgery: false);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    internal static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
