using System.Net;
using System.Text.Json.Nodes;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Review.Batch;

/// <summary>Hosts of their own (the batch re-reviews the whole demo archive) whose job runner polls every second.</summary>
public sealed class ReviewBatchHosts : IAsyncLifetime
{
    private readonly HostPool _pool = new(new Dictionary<string, string?> { ["Jobs:PollSeconds"] = "1" });
    public Task<LvyueApp> For(string provider) => _pool.For(provider);
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

/// <summary>
/// /api/v1/review/batches and 批量重新审查 (/Review/Batch): the supervisor re-reviews the region's archive, the app's job
/// runner works through it in the background, and the progress is visible on the API and the page; others are refused.
/// </summary>
public sealed class ReviewBatchWebTests(ReviewBatchHosts hosts) : IClassFixture<ReviewBatchHosts>
{
    [Theory, BothDatabases]
    public async Task The_supervisor_rereviews_the_archive_and_follows_its_progress(string provider)
    {
        var app = await hosts.For(provider);
        using var clerk = await app.LoginAsync("clerk");
        using (var refused = await clerk.PostJsonAsync("/api/v1/review/batches", new { note = "越权" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (pageStatus, _) = await clerk.GetTextAsync("/Review/Batch");
        Assert.NotEqual(HttpStatusCode.OK, pageStatus);

        using var supervisor = await app.LoginAsync("supervisor");
        var (emptyStatus, emptyPage) = await supervisor.GetTextAsync("/Review/Batch");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Contains("data-testid=\"batch-start\"", emptyPage);
        Assert.Contains("data-testid=\"batch-empty\"", emptyPage);

        long id;
        int total;
        using (var created = await supervisor.PostJsonAsync("/api/v1/review/batches", new { note = "规则库更新", chunkSize = 3 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            id = body["id"]!.GetValue<long>();
            total = body["total"]!.GetValue<int>();
            Assert.True(total > 0, "the demo archive has documents");
            Assert.Equal("规则库更新", body["note"]!.GetValue<string>());
            Assert.Equal($"/api/v1/review/batches/{id}", created.Headers.Location!.ToString());
        }
        using (var second = await supervisor.PostJsonAsync("/api/v1/review/batches", new { note = "again" }))
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        using (var bad = await supervisor.PostJsonAsync("/api/v1/review/batches", new { chunkSize = 0 }))
            await Problems.AssertFieldErrorAsync(bad, "chunkSize");

        // The app's job runner carries the batch on, chunk after chunk, in the background.
        JsonNode batch = await supervisor.GetOkAsync($"/api/v1/review/batches/{id}");
        for (var i = 0; i < 600 && batch["status"]!.GetValue<string>() != "Done"; i++)
        {
            await Task.Delay(200);
            batch = await supervisor.GetOkAsync($"/api/v1/review/batches/{id}");
        }
        Assert.Equal("Done", batch["status"]!.GetValue<string>());
        Assert.Equal(total, batch["done"]!.GetValue<int>());
        Assert.Equal(100, batch["percent"]!.GetValue<int>());
        // The rules did not change since the demo documents were reviewed: nothing new, nothing resolved.
        Assert.Equal(0, batch["changed"]!.GetValue<int>());
        Assert.Equal(0, batch["findingsAdded"]!.GetValue<int>());
        Assert.Equal(0, batch["findingsResolved"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(batch["ruleSetVersion"]!.GetValue<string>()));

        var list = (await supervisor.GetOkAsync("/api/v1/review/batches")).AsArray();
        Assert.Equal(id, Assert.Single(list)!["id"]!.GetValue<long>());
        using (var ended = await supervisor.PostJsonAsync($"/api/v1/review/batches/{id}/cancel", null))
            Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        var (status, page) = await supervisor.GetTextAsync("/Review/Batch");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-batch=\"{id}\"", page);
        Assert.Contains("已完成", page);
        Assert.Contains($"<span data-field=\"done\">{total}</span> / <span data-field=\"total\">{total}</span>", page);
        Assert.Contains("规则库更新", page);

        using (var foreign = await clerk.Client.GetAsync($"/api/v1/review/batches/{id}"))
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }
}
