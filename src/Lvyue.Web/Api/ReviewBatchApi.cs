using Lvyue.Review.Batch;

namespace Lvyue.Web.Api;

/// <summary>A re-review batch as the API and the progress page show it.</summary>
public sealed record ReviewBatchDto(long Id, ReviewBatchStatus Status, string? Note, int ChunkSize, int Total, int Done, int Percent,
    int Unreadable, int Failed, int Changed, int FindingsAdded, int FindingsResolved, string? RuleSetVersion, string? LastError,
    string RequestedBy, DateTime RequestedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    public static ReviewBatchDto Of(ReviewBatch b) => new(b.Id, b.Status, b.Note, b.ChunkSize, b.Total, b.Done, b.Percent, b.Unreadable,
        b.Failed, b.Changed, b.FindingsAdded, b.FindingsResolved, b.RuleSetVersion, b.LastError, b.RequestedBy, b.RequestedAt,
        b.StartedAt, b.FinishedAt);
}

/// <summary>A request to re-review the region's archive: why (optional) and the documents per job run (default 50).</summary>
public sealed record ReviewBatchRequest(string? Note, int? ChunkSize);

/// <summary>/api/v1/review/batches: the finance supervisor re-reviews the region's contracts after a rule change and follows the progress.</summary>
public static class ReviewBatchApi
{
    public static RouteGroupBuilder MapReviewBatchApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/review/batches").WithTags("Review").RequireAuthorization();
        g.MapGet("/", async (ReviewBatchService batches, CancellationToken ct) =>
                TypedResults.Ok((await batches.ListAsync(ct: ct)).Select(ReviewBatchDto.Of)))
            .WithSummary("The region's re-review batches, newest first, with their progress");
        g.MapPost("/", async (ReviewBatchRequest? request, ReviewBatchService batches, CancellationToken ct) =>
            {
                var b = await batches.StartAsync(request?.Note, request?.ChunkSize ?? ReviewBatchService.DefaultChunkSize, ct);
                return TypedResults.Created($"/api/v1/review/batches/{b.Id}", ReviewBatchDto.Of(b));
            })
            .WithSummary("Re-review the current version of every contract document of the region with the rule set in force (409 while another batch runs)");
        g.MapGet("/{id:long}", async (long id, ReviewBatchService batches, CancellationToken ct) =>
                TypedResults.Ok(ReviewBatchDto.Of(await batches.GetAsync(id, ct))))
            .WithSummary("One batch: status, done/total, percent, unreadable, failed, documents whose findings changed, findings added and resolved");
        g.MapPost("/{id:long}/cancel", async (long id, ReviewBatchService batches, CancellationToken ct) =>
                TypedResults.Ok(ReviewBatchDto.Of(await batches.CancelAsync(id, ct))))
            .WithSummary("Stop a queued or running batch (the documents done keep their new reviews; 409 when it has ended)");
        return g;
    }
}
