using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Kpi;

/// <summary>The KPI over HTTP: the region's units for a supervisor, a unit's own for its clerk, refusals, the drill-down, exports and pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class KpiApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_SupervisorRecomputesAndSeesEveryUnit_AUnitOnlyItself(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using (var r = await supervisor.PostJsonAsync("/api/v1/kpi/recompute", null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.True((await WebSession.ReadJsonAsync(r))!["units"]!.GetValue<int>() >= 2);
        }
        var all = await supervisor.GetOkAsync("/api/v1/kpi/units");
        var ids = all["units"]!.AsArray().Select(u => u!["budgetUnitId"]!.GetValue<long>()).ToList();
        Assert.Contains(facts.UnitId, ids);
        Assert.Contains(facts.OtherUnitId, ids);
        Assert.True(all["policyVersion"]!.GetValue<int>() >= 1);

        var detail = await supervisor.GetOkAsync($"/api/v1/kpi/units/{facts.UnitId}");
        var codes = detail["indicators"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["filing_on_time", "findings_answered", "documents_complete", "milestones_on_time", "overdue", "purchaser_breach",
            "sme_paid_on_time", "assessments_on_schedule", "final_on_schedule"], codes);
        var unit = detail["unit"]!;
        // the total is the weighted sum of the components with the default weights 40/40/20
        var expected = Math.Round(0.4m * unit["contractScore"]!.GetValue<decimal>() + 0.4m * unit["performanceScore"]!.GetValue<decimal>()
                                  + 0.2m * unit["evaluationScore"]!.GetValue<decimal>(), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, unit["score"]!.GetValue<decimal>());

        using var clerk = await app.LoginAsync("clerk");
        var own = await clerk.GetOkAsync("/api/v1/kpi/units");
        Assert.Equal([facts.UnitId], own["units"]!.AsArray().Select(u => u!["budgetUnitId"]!.GetValue<long>()));
        var (status, _) = await clerk.GetJsonAsync($"/api/v1/kpi/units/{facts.OtherUnitId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        using (var refused = await clerk.PostJsonAsync("/api/v1/kpi/recompute", null))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var supplier = await app.LoginAsync("supplier");
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.GetJsonAsync("/api/v1/kpi/units")).Status);
    }

    [Theory, BothDatabases]
    public async Task Api_BadRulesAreRefusedWithTheirFields_AndNothingIsWritten(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GetOkAsync("/api/v1/kpi/policy");
        var before = await CountPoliciesAsync(app);
        using var bad = await supervisor.PostJsonAsync("/api/v1/kpi/policy", new { parameters = new { contractWeight = 50, performanceWeight = 40, evaluationWeight = 20, excellentFrom = 70, goodFrom = 80, fairFrom = 60 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await WebSession.ReadJsonAsync(bad))!;
        Assert.NotNull(problem["errors"]!["contractWeight"]);
        Assert.NotNull(problem["errors"]!["excellentFrom"]);
        using var clerk = await app.LoginAsync("clerk");
        using (var refused = await clerk.PostJsonAsync("/api/v1/kpi/policy", new { parameters = new { } }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await CountPoliciesAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Pages_ShowTheFormulaTheUnitsAndTheEventsBehindEachIndicator(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var supervisor = await app.LoginAsync("supervisor");
        using (var r = await supervisor.PostFormAsync("/Kpi", "/Kpi?handler=Recompute", []))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var (status, page) = await supervisor.GetTextAsync("/Kpi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("考核办法", page);
        Assert.Contains("一票否决", page);
        Assert.Contains($"data-unit=\"{facts.UnitId}\"", page);
        Assert.Contains("data-testid=\"kpi-last-run\"", page);
        var (enStatus, english) = await supervisor.GetTextAsync("/Kpi?culture=en&ui-culture=en");
        Assert.Equal(HttpStatusCode.OK, enStatus);
        Assert.Contains("How the KPI is computed", english);
        var (_, unit) = await supervisor.GetTextAsync($"/Kpi/Unit?id={facts.UnitId}");
        Assert.Contains("合同按时备案", unit);
        Assert.Contains("data-testid=\"kpi-unit-score\"", unit);

        using var xlsx = await supervisor.Client.GetAsync("/api/v1/kpi/commendation?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        using var pdf = await supervisor.Client.GetAsync("/api/v1/kpi/commendation?format=pdf");
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        using var doc = await supervisor.Client.GetAsync("/api/v1/kpi/commendation?format=doc");
        Assert.Equal(HttpStatusCode.BadRequest, doc.StatusCode);

        using var clerk2 = await app.LoginAsync("clerk2");
        var (mine, minePage) = await clerk2.GetTextAsync("/Kpi");
        Assert.Equal(HttpStatusCode.OK, mine);
        Assert.DoesNotContain($"data-unit=\"{facts.UnitId}\"", minePage);
        Assert.DoesNotContain("kpi-commendation", minePage);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetTextAsync($"/Kpi/Unit?id={facts.UnitId}")).Status);
    }

    [Theory, BothDatabases]
    public async Task RulesPage_RefusesBadWeightsBesideTheField_AndSavesANewVersion(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");
        var (status, page) = await supervisor.GetTextAsync("/Kpi/Rules");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"kpi-rules-save\"", page);
        var before = await CountPoliciesAsync(app);
        var fields = new Dictionary<string, string>
        {
            ["Input.ContractWeight"] = "50", ["Input.PerformanceWeight"] = "40", ["Input.EvaluationWeight"] = "20", ["Input.FilingDeadlineWorkingDays"] = "10",
            ["Input.PeriodicLine"] = "Daily", ["Input.PeriodicFrequency"] = "Monthly", ["Note"] = "备案期限改为10个工作日",
        };
        using (var refused = await supervisor.PostFormAsync("/Kpi/Rules", "/Kpi/Rules", fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("三项权重须为非负数且合计100", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await CountPoliciesAsync(app));
        fields["Input.ContractWeight"] = "40";
        using (var saved = await supervisor.PostFormAsync("/Kpi/Rules", "/Kpi/Rules", fields))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await CountPoliciesAsync(app));
        var policy = (await supervisor.GetOkAsync("/api/v1/kpi/policy")).AsArray()[0]!;
        Assert.Equal(10, policy["parameters"]!["filingDeadlineWorkingDays"]!.GetValue<int>());
        Assert.Equal("备案期限改为10个工作日", policy["note"]!.GetValue<string>());
        using var clerk = await app.LoginAsync("clerk");
        var (clerkStatus, clerkPage) = await clerk.GetTextAsync("/Kpi/Rules");
        Assert.Equal(HttpStatusCode.OK, clerkStatus);
        Assert.DoesNotContain("kpi-rules-save", clerkPage);
    }

    private static async Task<int> CountPoliciesAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.KpiPolicies.CountAsync();
    }
}
