using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Extraction;

/// <summary>POST /api/v1/extract: a contract document read for the filing form; refused files as problems.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExtractApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Extract_ReadsADocxIntoPrefilledFieldsWithSpansAndMatchesTheSupplierByUscc(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("EXT");

        using var response = await clerk.PostFileAsync("/api/v1/extract", "合同.docx", ExtractionFixtures.Docx(ExtractionFixtures.Lines(facts, number)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await WebSession.ReadJsonAsync(response))!;
        var text = body["text"]!.GetValue<string>();
        var fields = body["fields"]!.AsArray().ToDictionary(f => f!["key"]!.GetValue<string>(), f => f!);
        string Value(string key) => fields[key]["value"]!.GetValue<string>();
        string Words(string key) => text[fields[key]["start"]!.GetValue<int>()..fields[key]["end"]!.GetValue<int>()];
        Assert.Equal("示范区教育局物业管理服务合同", Value("title"));
        Assert.Equal(number, Value("contractNumber"));
        Assert.Contains(number, Words("contractNumber"), StringComparison.Ordinal);
        Assert.Equal("58000", Value("amountTotal"));
        Assert.Equal("6", Value("taxRate"));
        Assert.Equal("Services", Value("category"));
        Assert.Equal("2026-02-20", Value("signDate"));
        Assert.Equal("2026-03-01", Value("startDate"));
        Assert.Equal("2027-02-28", Value("endDate"));
        Assert.Equal(facts.SupplierId.ToString(), Value("supplier"));
        Assert.Equal(facts.SupplierUscc, Words("supplier"));
        Assert.Equal("form.supplierids", fields["supplier"]["input"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal("13800138000", Value("supplier.contactPhone"));
        Assert.All(fields.Values, f => Assert.InRange(f["confidence"]!.GetValue<double>(), 0.01, 1.0));
        Assert.Equal(2, body["paymentInstallments"]!.GetValue<int>());
    }

    [Theory, BothDatabases]
    public async Task Extract_RefusesACorruptDocxANonContractAndAnEmptyFileAsProblems(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");

        using var corrupt = await clerk.PostFileAsync("/api/v1/extract", "合同.docx", Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not a zip"));
        await Problems.AssertProblemAsync(corrupt, HttpStatusCode.BadRequest);
        using var notContract = await clerk.PostFileAsync("/api/v1/extract", "菜谱.txt", Encoding.UTF8.GetBytes("西红柿炒鸡蛋：西红柿两个，鸡蛋三个，盐少许。先炒蛋，再炒西红柿。"));
        var problem = await Problems.AssertProblemAsync(notContract, HttpStatusCode.BadRequest);
        Assert.Contains("不像是合同文本", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        using var empty = await clerk.PostFileAsync("/api/v1/extract", "合同.txt", []);
        await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest);
        using var exe = await clerk.PostFileAsync("/api/v1/extract", "合同.exe", Encoding.UTF8.GetBytes("MZ"));
        await Problems.AssertProblemAsync(exe, HttpStatusCode.BadRequest);
    }

    [Theory, BothDatabases]
    public async Task Extract_RefusesACookieCallerWithoutTheAntiforgeryTokenAndAReader(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var docx = ExtractionFixtures.Docx(ExtractionFixtures.Lines(facts, "EXT-1"));

        using var noToken = await clerk.PostFileAsync("/api/v1/extract", "合同.docx", docx, antiforgery: false);
        await Problems.AssertProblemAsync(noToken, HttpStatusCode.BadRequest);
        using var supplier = await app.LoginAsync("supplier");
        using var forbidden = await supplier.PostFileAsync("/api/v1/extract", "合同.docx", docx);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
