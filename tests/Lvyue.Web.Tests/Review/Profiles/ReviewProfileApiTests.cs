using System.Net;
using System.Text.Json.Nodes;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Review.Profiles;

/// <summary>/api/v1/review/profile: the region's profile, versioned changes, problems for bad rules, and reviews under it.</summary>
public sealed class ReviewProfileApiTests(ProfileHosts hosts) : IClassFixture<ProfileHosts>
{
    [Theory, BothDatabases]
    public async Task Changes_AreVersioned_ReviewsRecordTheEffectiveVersion_AndBadInputIsAProblemThatWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using var clerk = await app.LoginAsync("clerk");
        var start = await supervisor.GetOkAsync("/api/v1/review/profile");
        var v0 = start["version"]!.GetValue<int>();
        var lib = start["libraryVersion"]!.GetValue<string>();
        Assert.Equal("R440303-", start["rulePrefix"]!.GetValue<string>());

        // A clerk may read the profile but not change it.
        using (var denied = await clerk.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "disable", ruleId = "CMP-BOND-002", reason = "x" }))
            await Problems.AssertProblemAsync(denied, HttpStatusCode.Forbidden);
        // A catastrophic regex, an unknown kind and a stale base version are problems; nothing is written.
        using (var bad = await supervisor.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "addRule", rule = ProfileTexts.SatisfactionRule("(满意+)+为准", "regex") }))
            Assert.Contains(await Problems.AssertFieldErrorAsync(bad, "patterns"), m => m.Contains("(满意+)+为准"));
        using (var bad = await supervisor.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "rename", ruleId = "CMP-BOND-001" }))
            await Problems.AssertFieldErrorAsync(bad, "kind");
        using (var bad = await supervisor.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "severity", ruleId = "CMP-BOND-001", severity = "low", baseVersion = v0 + 7 }))
            await Problems.AssertProblemAsync(bad, HttpStatusCode.Conflict);
        Assert.Equal(v0, (await supervisor.GetOkAsync("/api/v1/review/profile"))["version"]!.GetValue<int>());

        JsonNode profile;
        using (var ok = await supervisor.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "severity", ruleId = "CMP-BOND-001", severity = "low", reason = "本区试行", baseVersion = v0 }))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            profile = (await WebSession.ReadJsonAsync(ok))!["profile"]!;
        }
        Assert.Equal(v0 + 1, profile["version"]!.GetValue<int>());
        Assert.Equal($"{lib}+440303-v{v0 + 1}", profile["ruleSetVersion"]!.GetValue<string>());
        using (var ok = await supervisor.PostJsonAsync("/api/v1/review/profile/changes", new { kind = "addRule", rule = ProfileTexts.SatisfactionRule() }))
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("RPF")));
        await ApiSteps.UploadTextAsync(clerk, id, "合同.txt", ProfileTexts.Contract);
        var review = await clerk.GetOkAsync($"/api/v1/contracts/{id}/review");
        Assert.Equal($"{lib}+440303-v{v0 + 2}", review["ruleSetVersion"]!.GetValue<string>());
        var hits = review["hits"]!.AsArray();
        Assert.Equal("low", hits.Single(h => h!["ruleId"]!.GetValue<string>() == "CMP-BOND-001")!["severity"]!.GetValue<string>());
        var own = hits.Single(h => h!["ruleId"]!.GetValue<string>() == "R440303-ACC-001")!;
        Assert.Equal("acceptance", own["clauseType"]!.GetValue<string>());
        Assert.Equal("民法典 第五百一十一条", own["basis"]!.GetValue<string>());

        var rule = await supervisor.GetOkAsync("/api/v1/review/profile/rules/CMP-BOND-001");
        Assert.Equal("low", rule["severity"]!.GetValue<string>());
        Assert.Equal("high", rule["librarySeverity"]!.GetValue<string>());
        Assert.Equal("condition/gt", rule["parameters"]![0]!["path"]!.GetValue<string>());
        Assert.True(rule["examples"]!.AsArray().Count >= 2);
        var history = (await supervisor.GetOkAsync("/api/v1/review/profile/history")).AsArray();
        Assert.Equal(["addRule", "severity"], history.Take(2).Select(h => h!["changeKind"]!.GetValue<string>()));
        var stats = (await supervisor.GetOkAsync("/api/v1/review/profile/stats")).AsArray();
        Assert.True(stats.Single(s => s!["ruleId"]!.GetValue<string>() == "R440303-ACC-001")!["hits"]!.GetValue<int>() >= 1);
        var (missing, _) = await supervisor.GetJsonAsync("/api/v1/review/profile/rules/NO-SUCH-001");
        Assert.Equal(HttpStatusCode.NotFound, missing);

        // Another instance started now compiles the region's profile at start, not in its first review.
        await using var second = await LvyueApp.StartAnotherInstanceAsync(app);
        var cache = (Lvyue.Review.Profiles.RuleProfileCache)second.Services.GetService(typeof(Lvyue.Review.Profiles.RuleProfileCache))!;
        for (var i = 0; i < 600 && cache.CompiledCount == 0; i++) await Task.Delay(100);
        Assert.Equal(1, cache.CompiledCount);
    }
}
