using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lvyue.Common;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1 performance tracking: schedule, milestones, status with evidence, overdue and termination registers, calendar.</summary>
[Collection(ApiCollection.Name)]
public sealed class PerformanceApiTests(ApiHosts hosts)
{
    /// <summary>Files a contract through the API and has the unit leader approve it.</summary>
    internal static async Task<long> FiledContractAsync(LvyueApp app, WebSession clerk, string prefix)
    {
        var facts = await app.Facts;
        var (id, taskId) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber(prefix), 80_000m));
        using var leader = await app.LoginAsync("leader");
        using var approve = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        return id;
    }

    private static Task<HttpResponseMessage> PatchAsync(WebSession s, string url, object body) =>
        s.Client.PatchAsJsonAsync(url, body, WebSession.Json);

    [Theory, BothDatabases]
    public async Task Api_AddsMilestonesAndMeetsThemWithEvidence(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var id = await FiledContractAsync(app, clerk, "MS");
        var today = ChinaTime.Today(TimeProvider.System);

        using (var add = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new
               { kind = "Acceptance", title = "终验", dueDate = today.AddDays(10), responsibleParty = "Purchaser" }))
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var schedule = await clerk.GetOkAsync($"/api/v1/contracts/{id}/milestones");
        var acceptanceId = schedule["milestones"]!.AsArray().Single()!["id"]!.GetValue<long>();
        using (var add = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new
               {
                   kind = "PaymentInstallment", title = "验收款", amount = 40_000m, responsibleParty = "Purchaser",
                   ruleTrigger = "Milestone", triggerMilestoneId = acceptanceId, ruleOffsetDays = 30, ruleDayCount = "Calendar",
               }))
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var docId = schedule["documents"]!.AsArray()[0]!["id"]!.GetValue<long>();

        using (var met = await PatchAsync(clerk, $"/api/v1/milestones/{acceptanceId}/status", new { status = "Met", evidenceDocumentId = docId, note = "验收报告" }))
        {
            Assert.Equal(HttpStatusCode.OK, met.StatusCode);
            var row = (await WebSession.ReadJsonAsync(met))!;
            Assert.Equal(("Met", "met", docId), (row["status"]!.GetValue<string>(), row["ocdsStatus"]!.GetValue<string>(), row["evidenceDocumentId"]!.GetValue<long>()));
        }
        var after = await clerk.GetOkAsync($"/api/v1/contracts/{id}/milestones");
        var payment = after["milestones"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "PaymentInstallment")!;
        Assert.Equal(today.AddDays(30).ToString("yyyy-MM-dd"), payment["dueDate"]!.GetValue<string>());
        var timeline = await clerk.GetOkAsync($"/api/v1/contracts/{id}");
        Assert.Contains(timeline["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "milestone-scheduled");
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesBadMilestonesWithProblemsAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var id = await FiledContractAsync(app, clerk, "MSBAD");
        var before = await StoreSnapshot.TakeAsync(app);

        using (var early = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new { kind = "Delivery", dueDate = "2026-01-05", responsibleParty = "Supplier" }))
            Assert.Contains("2026-02-20", (await Problems.AssertFieldErrorAsync(early, "dueDate"))[0]);
        using (var english = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones?culture=en", new { kind = "Delivery", dueDate = "2026-01-05", responsibleParty = "Supplier" }))
            Assert.Contains("before the contract starts", (await Problems.AssertFieldErrorAsync(english, "dueDate"))[0]);
        using (var negative = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new { kind = "PaymentInstallment", dueDate = "2026-06-01", amount = -5, responsibleParty = "Purchaser" }))
            await Problems.AssertFieldErrorAsync(negative, "amount");
        using (var tooMuch = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new { kind = "PaymentInstallment", dueDate = "2026-06-01", amount = 80_000.01m, responsibleParty = "Purchaser" }))
            await Problems.AssertFieldErrorAsync(tooMuch, "amount");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        using var clerk2 = await app.LoginAsync("clerk2");
        using (var foreign = await clerk2.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new { kind = "Delivery", dueDate = "2026-06-01", responsibleParty = "Supplier" }))
            await Problems.AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetJsonAsync($"/api/v1/contracts/{id}/milestones")).Status);
    }

    [Theory, BothDatabases]
    public async Task Api_ShowsTheOverdueRegisterAndTerminatesWithACreditOutcome(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var id = await FiledContractAsync(app, clerk, "OVD");
        var due = ChinaTime.Today(TimeProvider.System).AddDays(-30);
        using (var add = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/milestones", new { kind = "Delivery", title = "逾期交付", dueDate = due, amount = 20_000m, responsibleParty = "Supplier" }))
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var milestoneId = (await clerk.GetOkAsync($"/api/v1/contracts/{id}/milestones"))["milestones"]!.AsArray().Single()!["id"]!.GetValue<long>();

        using var supervisor = await app.LoginAsync("supervisor");
        var register = await supervisor.GetOkAsync("/api/v1/overdue?pageSize=500");
        var row = register["rows"]!.AsArray().Single(r => r!["milestoneId"]!.GetValue<long>() == milestoneId)!;
        Assert.Equal((30, 20_000m, 600_000m), (row["daysOverdue"]!.GetValue<int>(), row["amountAtStake"]!.GetValue<decimal>(), row["risk"]!.GetValue<decimal>()));
        using (var interview = await supervisor.PostJsonAsync($"/api/v1/overdue/{milestoneId}/actions", new { kind = "Interview", note = "约谈供应商" }))
            Assert.Equal(HttpStatusCode.Created, interview.StatusCode);
        using (var byClerk = await clerk.PostJsonAsync($"/api/v1/overdue/{milestoneId}/actions", new { kind = "Interview", note = "x" }))
            await Problems.AssertProblemAsync(byClerk, HttpStatusCode.Forbidden);

        using (var noReason = await supervisor.PostJsonAsync("/api/v1/terminations", new { contractId = id, reason = "" }))
            await Problems.AssertFieldErrorAsync(noReason, "reason");
        long entryId;
        using (var move = await supervisor.PostJsonAsync("/api/v1/terminations", new { contractId = id, reason = "逾期30日仍未交货" }))
        {
            Assert.Equal(HttpStatusCode.Created, move.StatusCode);
            entryId = (await WebSession.ReadJsonAsync(move))!["id"]!.GetValue<long>();
        }
        Assert.Equal("Terminated", await ApiSteps.StatusAsync(clerk, id));
        Assert.DoesNotContain((await supervisor.GetOkAsync("/api/v1/overdue?pageSize=500"))["rows"]!.AsArray(), r => r!["milestoneId"]!.GetValue<long>() == milestoneId);
        using (var outcome = await supervisor.PostJsonAsync($"/api/v1/terminations/{entryId}/outcome", new { outcome = "Supplier", note = "仲裁认定供应商违约" }))
            Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        var list = await supervisor.GetOkAsync("/api/v1/terminations");
        Assert.Equal("Supplier", list.AsArray().Single(t => t!["id"]!.GetValue<long>() == entryId)!["outcome"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Api_CalendarIsReadByAllAndWrittenByTheSystemAdministrator(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        var y2026 = await clerk.GetOkAsync("/api/v1/calendar/2026");
        Assert.False(y2026["provisional"]!.GetValue<bool>());
        Assert.Contains(y2026["days"]!.AsArray(), d => d!["date"]!.GetValue<string>() == "2026-02-14" && d["kind"]!.GetValue<string>() == "Workday");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetJsonAsync("/api/v1/calendar/2031")).Status);
        using (var byClerk = await clerk.PutJsonAsync("/api/v1/calendar/2031", new { source = "x", days = Array.Empty<object>() }))
            Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);

        using var admin = await app.LoginAsync("sysadmin");
        using (var bad = await admin.PutJsonAsync("/api/v1/calendar/2031", new { source = "", days = Array.Empty<object>() }))
            await Problems.AssertFieldErrorAsync(bad, "source");
        using (var ok = await admin.PutJsonAsync("/api/v1/calendar/2031", new
               { provisional = true, source = "法定节假日", days = new[] { new { date = "2031-01-01", kind = "Holiday", name = "元旦" } } }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single((await clerk.GetOkAsync("/api/v1/calendar/2031"))["days"]!.AsArray());
    }
}
