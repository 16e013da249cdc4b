using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using static Lvyue.Web.Tests.Hosting.EvaluationWebSteps;

namespace Lvyue.Web.Tests.Pages;

/// <summary>The evaluation and credit pages over HTTP: the assessment form, its refusals, the rating page with its formula, the supplier list's stars.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvaluationPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Page_AssessmentFormShowsTheTemplateAndRefusesAnOutOfRangeScoreBesideTheField(string provider)
    {
        var app = await hosts.For(provider);
        var id = await PerformingContractAsync(app, "PGE");
        var scores = await UniformScoresAsync(app, 90m);
        using var clerk = await app.LoginAsync("clerk");
        var (status, html) = await clerk.GetTextAsync($"/Evaluation/Assess?contractId={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("物业服务质量", html);
        Assert.Contains("群众满意度", html);
        var before = await AssessmentCountAsync(app);
        var fields = scores.ToDictionary(kv => $"Scores[{kv.Key}]", kv => kv.Value.ToString());
        fields["Scores[quality]"] = "120";
        fields["Period"] = "2026-07";
        fields["ContractId"] = id.ToString();
        fields["Line"] = "Daily";

        using var refused = await clerk.PostFormAsync($"/Evaluation/Assess?contractId={id}", $"/Evaluation/Assess?contractId={id}", fields);

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("得分须在0–100之间", body);
        Assert.Equal(before, await AssessmentCountAsync(app));

        fields["Scores[quality]"] = "80";
        using var saved = await clerk.PostFormAsync($"/Evaluation/Assess?contractId={id}", $"/Evaluation/Assess?contractId={id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Evaluation/Contract/{id}", saved.Headers.Location!.OriginalString);
        var (_, contractPage) = await clerk.GetTextAsync($"/Evaluation/Contract/{id}");
        Assert.Contains("87.00", contractPage); // 80×30% + 90×70%
    }

    [Theory, BothDatabases]
    public async Task Page_RatingPageDocumentsTheFormulaAndTheSupplierListShowsStars(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var id = await PerformingContractAsync(app, "STR");
        var scores = await UniformScoresAsync(app, 91m);
        using var clerk = await app.LoginAsync("clerk");
        using (var created = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-08-01", scores }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (status, rating) = await clerk.GetTextAsync($"/Evaluation/Rating/{facts.SupplierId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("合同金额 ÷ 10 000", rating);
        Assert.Contains("每两年减半", rating);
        Assert.Contains("data-testid=\"rating-Services\"", rating);
        Assert.Contains("data-stars=\"", rating);

        var (_, suppliers) = await clerk.GetTextAsync($"/Suppliers?Q={Uri.EscapeDataString(facts.SupplierUscc)}");
        Assert.Contains($"/Evaluation/Rating/{facts.SupplierId}", suppliers);
        Assert.Matches("data-testid=\"star-rating\" data-stars=\"[1-5]\\.[05]\"", suppliers);

        using var credit = await app.LoginAsync("credit");
        var (creditStatus, creditPage) = await credit.GetTextAsync("/Credit");
        Assert.Equal(HttpStatusCode.OK, creditStatus);
        Assert.Contains("一票否决", creditPage);
        var (detStatus, detPage) = await credit.GetTextAsync("/Credit/Determinations");
        Assert.Equal(HttpStatusCode.OK, detStatus);
        Assert.Contains("data-testid=\"determinations\"", detPage);
        var (evalStatus, evalPage) = await clerk.GetTextAsync("/Evaluation");
        Assert.Equal(HttpStatusCode.OK, evalStatus);
        Assert.Contains("data-testid=\"evaluation-contracts\"", evalPage);
    }

    [Theory, BothDatabases]
    public async Task Page_SupervisorPublishesAPolicyVersionAndATemplateVersionAndBadInputChangesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        long templateId;
        int templateVersion;
        await using (var s = app.Database.AsSystem())
        {
            var sub = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(s.Db.Subcategories, x => x.Code == "G05");
            var t = await s.Get<Lvyue.Evaluation.TemplateService>().CurrentAsync(sub.Id, Lvyue.Evaluation.AssessmentLine.Final);
            (templateId, templateVersion) = (t.Id, t.Version);
        }
        using var supervisor = await app.LoginAsync("supervisor");
        async Task<int> PolicyVersionsAsync() => (await supervisor.GetOkAsync($"/api/v1/evaluation/policies/{facts.RegionId}")).AsArray().Count;
        var versions = await PolicyVersionsAsync();
        var policy = new Dictionary<string, string>
        {
            ["AppliesTo"] = "Daily", ["TerminationThreshold"] = "80", ["TerminationConsecutive"] = "2", ["TerminationTimesInTerm"] = "3",
            ["BidBanThreshold"] = "85", ["DeductionCap"] = "200000", ["Bands"] = "90:2%, 85:5%, 80:十", ["Note"] = "页面修订",
        };

        using (var bad = await supervisor.PostFormAsync("/Evaluation/Policy", "/Evaluation/Policy", policy))
            Assert.Contains("分数线:比例%", await bad.Content.ReadAsStringAsync());
        Assert.Equal(versions, await PolicyVersionsAsync());
        policy["Bands"] = "90:2%, 85:5%, 80:10%, 70:20%";
        using (var ok = await supervisor.PostFormAsync("/Evaluation/Policy", "/Evaluation/Policy", policy))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(versions + 1, await PolicyVersionsAsync());

        var (status, edit) = await supervisor.GetTextAsync($"/Evaluation/TemplateEdit/{templateId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("quality|", edit);
        var form = new Dictionary<string, string>
        {
            ["Name"] = "家具终评模板（修订）", ["Frequency"] = "Once", ["ScorerRole"] = "UnitLeader",
            ["Items"] = "quality|产品质量|Quality|60|100|按合同验收\nservice|售后服务|After-sales|30|100|",
        };
        using (var notHundred = await supervisor.PostFormAsync($"/Evaluation/TemplateEdit/{templateId}", $"/Evaluation/TemplateEdit/{templateId}", form))
            Assert.Contains("权重合计须为100", await notHundred.Content.ReadAsStringAsync());
        form["Items"] = "quality|产品质量|Quality|70|100|按合同验收\nservice|售后服务|After-sales|30|100|";
        using (var saved = await supervisor.PostFormAsync($"/Evaluation/TemplateEdit/{templateId}", $"/Evaluation/TemplateEdit/{templateId}", form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var templates = await supervisor.GetOkAsync("/api/v1/evaluation/templates");
        var current = templates.AsArray().Single(t => t!["name"]!.GetValue<string>() == "家具终评模板（修订）")!;
        Assert.Equal(templateVersion + 1, current["version"]!.GetValue<int>());
        using var clerk = await app.LoginAsync("clerk");
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetTextAsync($"/Evaluation/TemplateEdit/{templateId}")).Status);
    }
}
