using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Lvyue.Testing;
using Lvyue.Web.Tests.Api;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Review.Reports;

/// <summary>The review report downloads, the score in the review JSON, and the approval held up by open high-severity findings.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewReportApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_DownloadsTheReportAsDocxWithACommentPerHitAndAsPdf_ForTheUnitNotTheSupplier(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("RPT");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(number));
        using (var none = await clerk.Client.GetAsync($"/api/v1/contracts/{id}/review/report.docx"))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", ContractReviewApiTests.BondOver10);
        var review = await clerk.GetOkAsync($"/api/v1/contracts/{id}/review");
        var hits = review["hits"]!.AsArray();
        Assert.Equal(80, review["score"]!["groups"]!["compliance"]!["score"]!.GetValue<int>());    // the bond: one open high
        Assert.Equal(hits.Count(h => h!["severity"]!.GetValue<string>() == "high"), review["score"]!["openHigh"]!.GetValue<int>());

        using (var docx = await clerk.Client.GetAsync($"/api/v1/contracts/{id}/review/report.docx"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"审查报告-{number}-v1.docx", docx.Content.Headers.ContentDisposition!.FileNameStar);
            using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var comments = doc.MainDocumentPart!.WordprocessingCommentsPart!.Comments.ChildElements;
            Assert.Equal(hits.Count, comments.Count);
            Assert.Contains(comments, c => c.InnerText.Contains("[CMP-BOND-001]") && c.InnerText.Contains("政府采购法实施条例 第四十八条"));
            Assert.Contains(review["ruleSetVersion"]!.GetValue<string>(), doc.MainDocumentPart.Document.Body!.InnerText);
        }
        using (var pdf = await clerk.Client.GetAsync($"/api/v1/contracts/{id}/review/report.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal("%PDF-"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..5]);
        }
        using var supplier = await app.LoginAsync("supplier");
        using (var denied = await supplier.Client.GetAsync($"/api/v1/contracts/{id}/review/report.docx"))
            Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, denied.StatusCode.ToString());
    }

    [Theory, BothDatabases]
    public async Task Api_ApprovalWithOpenHighFindingsIsAProblem_TheQueueLinksToTheReview_AndAnsweringThemLetsItThrough(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("GATE"), 80_000m));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", ContractReviewApiTests.BondOver10);
        var taskId = (await ApiSteps.SubmitAsync(clerk, id))["id"]!.GetValue<long>();
        using var leader = await app.LoginAsync("leader");

        using (var refused = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "同意备案" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            var problem = (await WebSession.ReadJsonAsync(refused))!;
            Assert.Contains("高风险", problem["title"]!.GetValue<string>());
            var why = problem["errors"]!["review"]![0]!.GetValue<string>();
            Assert.Contains("CMP-BOND-001", why);
            Assert.Contains($"/Contracts/Review/{id}", why);
        }
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));

        var (ok, queue) = await leader.GetTextAsync("/Approvals");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains($"href=\"/Contracts/Review/{id}\" data-testid=\"open-high-findings\"", queue);
        using (var page = await leader.PostFormAsync("/Approvals", "/Approvals?handler=Approve", new() { ["taskId"] = taskId.ToString(), ["Note"] = "同意" }))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("不能同意备案", html);
            Assert.Contains($"/Contracts/Review/{id}", html);
        }
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));
        var (_, reviewPage) = await leader.GetTextAsync($"/Contracts/Review/{id}");
        Assert.Contains("data-testid=\"open-high\"", reviewPage);
        Assert.Contains("由本单位经办人处理", reviewPage);
        Assert.DoesNotContain("data-testid=\"dismiss\"", reviewPage);

        // The leader reads the review but does not answer it (the unit's clerk, who will fix the text, does): four eyes.
        var open = (await leader.GetOkAsync($"/api/v1/contracts/{id}/review"))["hits"]!.AsArray()
            .Where(h => h!["severity"]!.GetValue<string>() == "high" && h["disposition"]!.GetValue<string>() == "Open").ToList();
        Assert.NotEmpty(open);
        foreach (var h in open)
        {
            var fid = h!["id"]!.GetValue<long>();
            var answer = h["ruleId"]!.GetValue<string>() == "CMP-BOND-001"
                ? new { disposition = "Dismissed", reason = "保证金比例经财政局同意" } : new { disposition = "Accepted", reason = "已知悉，签订前补充" };
            using (var byLeader = await leader.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", answer))
                Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
            using var decided = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/review/findings/{fid}/decision", answer);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
        Assert.Equal(0, (await leader.GetOkAsync($"/api/v1/contracts/{id}/review"))["score"]!["openHigh"]!.GetValue<int>());
        var (_, after) = await leader.GetTextAsync("/Approvals");
        Assert.DoesNotContain($"href=\"/Contracts/Review/{id}\" data-testid=\"open-high-findings\"", after);

        using (var approved = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "同意备案" }))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Filed", await ApiSteps.StatusAsync(clerk, id));
    }
}
