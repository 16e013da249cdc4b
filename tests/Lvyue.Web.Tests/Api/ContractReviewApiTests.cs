using System.Net;
using System.Text.Json.Nodes;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/contracts/{id}/review: the review stored on upload and the answers to its findings.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractReviewApiTests(ApiHosts hosts)
{
    /// <summary>A contract whose performance bond is 15% of the amount.</summary>
    public const string BondOver10 = "物业管理服务合同\n甲方：示范区教育局\n乙方：鹏城物业管理有限公司\n第一条 合同金额\n合同总金额为人民币50000元。\n"
                                     + "第五条 履约保证金\n乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金，合同履行完毕后无息退还。\n";

    [Theory, BothDatabases]
    public async Task Api_ShowsTheReviewOfAnUploadedDocument_RefusesADismissalWithoutAReason_AndResolvesOnANewVersion(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("REV")));
        var (none, _) = await clerk.GetJsonAsync($"/api/v1/contracts/{id}/review");
        Assert.Equal(HttpStatusCode.NotFound, none);

        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", BondOver10);
        var review = await clerk.GetOkAsync($"/api/v1/contracts/{id}/review");
        Assert.False(string.IsNullOrEmpty(review["ruleSetVersion"]!.GetValue<string>()));
        Assert.Equal(1, review["summary"]!["compliance"]!.GetValue<int>());
        var bond = review["hits"]!.AsArray().Single(h => h!["ruleId"]!.GetValue<string>() == "CMP-BOND-001")!;
        Assert.Equal("compliance", bond["group"]!.GetValue<string>());
        Assert.Equal("high", bond["severity"]!.GetValue<string>());
        Assert.Contains("15%", bond["excerpt"]!.GetValue<string>());
        Assert.Equal("Open", bond["disposition"]!.GetValue<string>());
        var fid = bond["id"]!.GetValue<long>();

        using (var refused = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", new { disposition = "Dismissed" }))
            await Problems.AssertFieldErrorAsync(refused, "reason");
        Assert.Equal("Open", Finding(await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"), fid)["disposition"]!.GetValue<string>());

        using var clerk2 = await app.LoginAsync("clerk2");
        using (var foreign = await clerk2.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", new { disposition = "Accepted" }))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        using (var ok = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", new { disposition = "Dismissed", reason = "经财政局同意" }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var decided = Finding(await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"), fid);
        Assert.Equal("Dismissed", decided["disposition"]!.GetValue<string>());
        Assert.Equal("经财政局同意", decided["reason"]!.GetValue<string>());

        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", BondOver10.Replace("15%", "5%", StringComparison.Ordinal));
        var second = await clerk.GetOkAsync($"/api/v1/contracts/{id}/review");
        Assert.Equal(2, second["versionNo"]!.GetValue<int>());
        Assert.Equal(0, second["summary"]!["compliance"]!.GetValue<int>());
        Assert.DoesNotContain(second["hits"]!.AsArray(), h => h!["ruleId"]!.GetValue<string>() == "CMP-BOND-001");
        Assert.Equal("CMP-BOND-001", Assert.Single(second["resolved"]!.AsArray())!["ruleId"]!.GetValue<string>());
    }

    private static JsonNode Finding(JsonNode review, long id) => review["hits"]!.AsArray().Single(h => h!["id"]!.GetValue<long>() == id)!;
}
