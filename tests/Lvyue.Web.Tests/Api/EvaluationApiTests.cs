using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using static Lvyue.Web.Tests.Hosting.EvaluationWebSteps;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/evaluation: templates, assessments with their policy events and ratings, policies, and refusals that write nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class EvaluationApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_ClerkScoresAMonthAndGetsTheTotalThePolicyEventsAndTheRating(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        var id = await PerformingContractAsync(app, "EVA");
        using var clerk = await app.LoginAsync("clerk");
        var template = await clerk.GetOkAsync($"/api/v1/evaluation/contracts/{id}/template?line=Daily");
        Assert.Equal(100m, template["items"]!.AsArray().Sum(i => i!["weight"]!.GetValue<decimal>()));
        var scores = template["items"]!.AsArray().ToDictionary(i => i!["code"]!.GetValue<string>(), _ => 78m);

        using var created = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-03-10", scores, note = "三月" });
        var body = await WebSession.ReadJsonAsync(created);

        Assert.True(created.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        var a = body!["assessment"]!;
        Assert.Equal((78m, "2026-03"), (a["total"]!.GetValue<decimal>(), a["periodLabel"]!.GetValue<string>()));
        Assert.Contains(a["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Deduction" && e["reason"]!.GetValue<string>().Contains("10%"));
        Assert.Equal("Services", body["rating"]!["category"]!.GetValue<string>());
        var listed = await clerk.GetOkAsync($"/api/v1/evaluation/contracts/{id}/assessments");
        Assert.Equal(a["id"]!.GetValue<long>(), Assert.Single(listed.AsArray())!["id"]!.GetValue<long>());
        var deductions = await clerk.GetOkAsync($"/api/v1/evaluation/contracts/{id}/deductions");
        Assert.True(Assert.Single(deductions.AsArray())!["amount"]!.GetValue<decimal>() > 0);

        var rating = await clerk.GetOkAsync($"/api/v1/evaluation/suppliers/{facts.SupplierId}/rating?category=Services");
        var stored = rating["ratings"]!.AsArray().Single(r => r!["category"]!.GetValue<string>() == "Services")!;
        Assert.Equal(rating["computed"]!["stars"]!.GetValue<decimal>(), stored["stars"]!.GetValue<decimal>());
        Assert.Contains(rating["computed"]!["inputs"]!.AsArray(), i => i!["contractId"]!.GetValue<long>() == id && i["score"]!.GetValue<decimal>() == 78m);
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesADuplicatePeriodWithAConflictAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var id = await PerformingContractAsync(app, "DUP");
        var scores = await UniformScoresAsync(app, 92m);
        using var clerk = await app.LoginAsync("clerk");
        using (var first = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-04-01", scores }))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await AssessmentCountAsync(app);

        using var again = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-04-30", scores });

        await Problems.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(before, await AssessmentCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAScoreOutOfRangeWithAFieldErrorAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var id = await PerformingContractAsync(app, "RNG");
        var scores = await UniformScoresAsync(app, 90m);
        scores["quality"] = 101m;
        using var clerk = await app.LoginAsync("clerk");
        var before = await AssessmentCountAsync(app);

        using var response = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-05-01", scores });

        await Problems.AssertFieldErrorAsync(response, "scores[quality]");
        Assert.Equal(before, await AssessmentCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesAPeriodOutsideTheTermWithAFieldError(string provider)
    {
        var app = await hosts.For(provider);
        var id = await PerformingContractAsync(app, "TRM");
        var scores = await UniformScoresAsync(app, 90m);
        using var clerk = await app.LoginAsync("clerk");
        var before = await AssessmentCountAsync(app);

        using var response = await clerk.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-02-01", scores });

        await Problems.AssertFieldErrorAsync(response, "periodStart");
        Assert.Equal(before, await AssessmentCountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Api_TheSupplierCannotScoreItself(string provider)
    {
        var app = await hosts.For(provider);
        var id = await PerformingContractAsync(app, "SUP");
        var scores = await UniformScoresAsync(app, 100m);
        using var supplier = await app.LoginAsync("supplier");

        using var response = await supplier.PostJsonAsync("/api/v1/evaluation/assessments", new { contractId = id, line = "Daily", periodStart = "2026-03-01", scores });

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task Api_SupervisorRevisesThePolicyAndATemplateAsNewVersions(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using var clerk = await app.LoginAsync("clerk");
        var kunshan = new
        {
            appliesTo = "Daily", terminationThreshold = 80, terminationConsecutive = 2, terminationTimesInTerm = 3, bidBanThreshold = 85, deductionCap = 200000,
            bands = new object[] { new { below = 90, percent = 2 }, new { below = 85, percent = 5 }, new { below = 80, percent = 10 }, new { below = 70, percent = 20 } },
            note = "重申昆山规则",
        };
        var versions = (await supervisor.GetOkAsync($"/api/v1/evaluation/policies/{facts.RegionId}")).AsArray().Count;

        using (var byClerk = await clerk.PostJsonAsync($"/api/v1/evaluation/policies/{facts.RegionId}", kunshan))
            await Problems.AssertProblemAsync(byClerk, HttpStatusCode.Forbidden);
        using (var bad = await supervisor.PostJsonAsync($"/api/v1/evaluation/policies/{facts.RegionId}", kunshan with { terminationThreshold = 120 }))
            await Problems.AssertFieldErrorAsync(bad, "terminationThreshold");
        using (var ok = await supervisor.PostJsonAsync($"/api/v1/evaluation/policies/{facts.RegionId}", kunshan))
        {
            var body = await WebSession.ReadJsonAsync(ok);
            Assert.True(ok.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
            Assert.Equal(versions + 1, body!["version"]!.GetValue<int>());
        }
        Assert.Equal(versions + 1, (await supervisor.GetOkAsync($"/api/v1/evaluation/policies/{facts.RegionId}")).AsArray().Count);

        var templates = await supervisor.GetOkAsync("/api/v1/evaluation/templates");
        Assert.True(templates.AsArray().Count >= 90 + 9);
        var g05 = templates.AsArray().First(t => t!["line"]!.GetValue<string>() == "Final" && t["subcategoryId"] is not null)!;
        var items = new[] { new { code = "quality", name = "质量", nameEn = "Quality", weight = 70m, maxScore = 100m, guidance = "" }, new { code = "service", name = "服务", nameEn = "Service", weight = 20m, maxScore = 100m, guidance = "" } };
        using (var notHundred = await supervisor.PostJsonAsync($"/api/v1/evaluation/templates/{g05["id"]}/revisions",
                   new { name = "修订", frequency = "Once", scorerRole = "UnitLeader", satisfactionSurvey = false, items }))
            await Problems.AssertFieldErrorAsync(notHundred, "items");
        items[1] = items[1] with { weight = 30m };
        using var revised = await supervisor.PostJsonAsync($"/api/v1/evaluation/templates/{g05["id"]}/revisions",
            new { name = "修订", frequency = "Once", scorerRole = "UnitLeader", satisfactionSurvey = false, items });
        var v = await WebSession.ReadJsonAsync(revised);
        Assert.True(revised.StatusCode == HttpStatusCode.Created, v?.ToJsonString());
        Assert.Equal(g05["version"]!.GetValue<int>() + 1, v!["version"]!.GetValue<int>());
    }
}
