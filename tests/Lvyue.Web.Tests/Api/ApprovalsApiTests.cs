using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/contracts/{id}/submit and /api/v1/approvals: the approval of filings by amount band.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalsApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_SubmitsAFilingThatTheUnitLeaderApproves(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("APV"), 80_000m));
        await ApiSteps.UploadTextAsync(clerk, id);

        var task = await ApiSteps.SubmitAsync(clerk, id);

        Assert.Equal("UnitLeader", task["level"]!.GetValue<string>());
        Assert.Equal("Pending", task["state"]!.GetValue<string>());
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));
        var taskId = task["id"]!.GetValue<long>();
        using var leader = await app.LoginAsync("leader");
        var queue = await leader.GetOkAsync("/api/v1/approvals");
        Assert.Contains(queue.AsArray(), t => t!["id"]!.GetValue<long>() == taskId && t["contractId"]!.GetValue<long>() == id);
        using var supervisor = await app.LoginAsync("supervisor");
        Assert.DoesNotContain((await supervisor.GetOkAsync("/api/v1/approvals")).AsArray(), t => t!["id"]!.GetValue<long>() == taskId);

        using (var approve = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "同意备案" }))
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        var filed = await clerk.GetOkAsync($"/api/v1/contracts/{id}");
        Assert.Equal("Filed", filed["status"]!.GetValue<string>());
        Assert.Contains(filed["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "approved" && e["actor"]!.GetValue<string>() == "leader");
        Assert.DoesNotContain((await leader.GetOkAsync("/api/v1/approvals")).AsArray(), t => t!["id"]!.GetValue<long>() == taskId);
        using (var again = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "再次同意" }))
            await Problems.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task Api_ReturnsAFilingToTheClerkOnlyWithAReason(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var (id, taskId) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber("RET")));
        using var leader = await app.LoginAsync("leader");
        var before = await StoreSnapshot.TakeAsync(app);

        using (var noReason = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/return", new { note = " " }))
            await Problems.AssertFieldErrorAsync(noReason, "reason");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));

        using (var returned = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/return", new { note = "请补充验收标准" }))
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        Assert.Equal("Draft", await ApiSteps.StatusAsync(clerk, id));
        var history = await leader.GetOkAsync("/api/v1/approvals?state=all");
        var decided = history.AsArray().Single(t => t!["id"]!.GetValue<long>() == taskId)!;
        Assert.Equal("Returned", decided["state"]!.GetValue<string>());
        Assert.Equal("请补充验收标准", decided["reason"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Api_SendsAFilingAtOrAbove200000ToTheSupervisingAuthority(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var (id, taskId) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber("AUTH"), 200_000m));
        using var leader = await app.LoginAsync("leader");
        using var supervisor = await app.LoginAsync("supervisor");

        Assert.DoesNotContain((await leader.GetOkAsync("/api/v1/approvals")).AsArray(), t => t!["id"]!.GetValue<long>() == taskId);
        using (var byLeader = await leader.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "越级审批" }))
            await Problems.AssertProblemAsync(byLeader, HttpStatusCode.Forbidden);
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));

        var queued = (await supervisor.GetOkAsync("/api/v1/approvals")).AsArray().Single(t => t!["id"]!.GetValue<long>() == taskId)!;
        Assert.Equal("Authority", queued["level"]!.GetValue<string>());
        using (var approve = await supervisor.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "同意" }))
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Filed", await ApiSteps.StatusAsync(clerk, id));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesToSubmitADraftWithoutItsDocument(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("NODOC")));
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.PostJsonAsync($"/api/v1/contracts/{id}/submit", null);

        await Problems.AssertFieldErrorAsync(response, "documents");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal("Draft", await ApiSteps.StatusAsync(clerk, id));
    }

    [Theory, BothDatabases]
    public async Task Api_RefusesTheApprovalQueueToAClerk(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var (id, taskId) = await ApiSteps.FileAndSubmitAsync(clerk, facts.Contract(DemoFacts.NewNumber("SELF")));

        using (var queue = await clerk.Client.GetAsync("/api/v1/approvals"))
            Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        using (var self = await clerk.PostJsonAsync($"/api/v1/approvals/{taskId}/approve", new { note = "自己批准" }))
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));
    }
}
