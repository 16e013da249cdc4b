using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/imports/contracts: all-or-nothing bulk import with a row and column report.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportsApiTests(ApiHosts hosts)
{
    private const string Header = "合同编号,合同名称,采购单位编码,合同类别,合同小类,采购方式,合同金额（元）,签订日期,履行开始日期,履行结束日期,预算年度,预算指标编码,供应商统一社会信用代码";

    [Theory, BothDatabases]
    public async Task Api_ImportsEveryRowOfAValidFile(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var numbers = new[] { DemoFacts.NewNumber("IMP"), DemoFacts.NewNumber("IMP") };
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync("/api/v1/imports/contracts", "合同导入.csv", Csv(facts, Row(facts, numbers[0], "60000"), Row(facts, numbers[1], "72000.50")));

        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal(2, body!["inserted"]!.GetValue<int>());
        Assert.Equal(before.Contracts + 2, (await StoreSnapshot.TakeAsync(app)).Contracts);
        foreach (var n in numbers)
            Assert.Equal(1, (await clerk.GetOkAsync("/api/v1/contracts?q=" + n))["total"]!.GetValue<int>());
    }

    [Theory, BothDatabases]
    public async Task Api_ImportsNothingWhenOneRowIsBadAndNamesItsRowAndColumn(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var good = DemoFacts.NewNumber("IMP");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync("/api/v1/imports/contracts", "合同导入.csv",
            Csv(facts, Row(facts, good, "60000"), Row(facts, DemoFacts.NewNumber("IMP"), "-500"), Row(facts, DemoFacts.NewNumber("IMP"), "80000")));

        var body = await WebSession.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {body?.ToJsonString()}");
        Assert.False(body!["succeeded"]!.GetValue<bool>());
        Assert.Equal(0, body["inserted"]!.GetValue<int>());
        var problem = Assert.Single(body["problems"]!.AsArray())!;
        Assert.Equal(3, problem["row"]!.GetValue<int>());
        Assert.Equal("合同金额（元）", problem["column"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["zh"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["en"]!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal(0, (await clerk.GetOkAsync("/api/v1/contracts?q=" + good))["total"]!.GetValue<int>());
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAMalformedXlsxAndImportsNothing(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostFileAsync("/api/v1/imports/contracts", "合同导入.xlsx", Encoding.UTF8.GetBytes("这不是一个Excel文件，只是伪装的文本"));

        Assert.True((int)response.StatusCode is 400 or 422, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await WebSession.ReadJsonAsync(response);
        Assert.NotNull(body);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesImportsToASupplier(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supplier = await app.LoginAsync("supplier");
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await supplier.PostFileAsync("/api/v1/imports/contracts", "合同导入.csv", Csv(facts, Row(facts, DemoFacts.NewNumber("IMP"), "60000")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    private static string Row(DemoFacts f, string number, string amount) =>
        $"{number},{f.UnitName}保洁服务合同,{f.UnitCode},服务,物业管理,询价,{amount},{f.LineYear}-03-02,{f.LineYear}-03-10,{f.LineYear}-12-31,{f.LineYear},{f.LineCode},{f.SupplierUscc}";

    private static byte[] Csv(DemoFacts f, params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");
}
