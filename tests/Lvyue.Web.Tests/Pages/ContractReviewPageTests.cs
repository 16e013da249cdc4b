using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>/Contracts/Review/{id}: the document with its hits highlighted, the findings and their accept/dismiss forms.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractReviewPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Page_HighlightsTheBondHit_AndADismissalWithoutAReasonIsRefusedThenOneWithAReasonIsKept(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("REVP")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", ContractReviewApiTests.BondOver10);
        var fid = (await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"))["hits"]!.AsArray()
            .Single(h => h!["ruleId"]!.GetValue<string>() == "CMP-BOND-001")!["id"]!.GetValue<long>();

        var (status, details) = await clerk.GetTextAsync($"/Contracts/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/Contracts/Review/{id}\"", details);
        var (ok, html) = await clerk.GetTextAsync($"/Contracts/Review/{id}");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("data-testid=\"hit-mark\"", html);
        Assert.Contains($"href=\"#finding-{fid}\">乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金", html);
        Assert.Contains("政府采购法实施条例 第四十八条", html);
        Assert.Contains("data-testid=\"summary-compliance\">1<", html);

        var url = $"/Contracts/Review/{id}";
        using (var supplier = await app.LoginAsync("supplier"))
        {
            var (denied, _) = await supplier.GetTextAsync(url);
            Assert.True(denied is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, denied.ToString());
        }
        using (var refused = await clerk.PostFormAsync(url, url + "?handler=Decide",
                   new() { ["FindingId"] = fid.ToString(), ["Disposition"] = "Dismissed", ["Reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("驳回必须填写原因", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal("Open", Disposition(await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"), fid));

        using (var kept = await clerk.PostFormAsync(url, url + "?handler=Decide",
                   new() { ["FindingId"] = fid.ToString(), ["Disposition"] = "Dismissed", ["Reason"] = "比例经批准" }))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("Dismissed", Disposition(await clerk.GetOkAsync($"/api/v1/contracts/{id}/review"), fid));
        var (_, after) = await clerk.GetTextAsync(url);
        Assert.Contains("比例经批准", after);
    }

    private static string Disposition(System.Text.Json.Nodes.JsonNode review, long fid) =>
        review["hits"]!.AsArray().Single(h => h!["id"]!.GetValue<long>() == fid)!["disposition"]!.GetValue<string>();
}
