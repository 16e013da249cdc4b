using System.Globalization;
using Lvyue.Common;
using Lvyue.Jobs;
using Lvyue.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Batch;

/// <summary>
/// One chunk of a <see cref="ReviewBatch"/>: the next <see cref="ReviewBatch.ChunkSize"/> current document versions after
/// the cursor, each re-reviewed through <see cref="ContractReviewService.ReviewDocumentAsync"/> (so the region's effective
/// rule set is used and answers to unchanged findings are carried over), compared with the document's previous review,
/// and counted; the cursor and counts are saved after every document. When documents remain, the next chunk's job is
/// inserted in the transaction that records this one's outcome, so exactly one job carries a batch on.
/// </summary>
public sealed class ReviewBatchJob(ContractReviewService reviews, JobOptions? options = null) : IJobHandler
{
    public const string JobKind = "review.batch";
    public string Kind => JobKind;

    private bool _more;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Db;
        var id = long.Parse(run.Job.Payload ?? "0", CultureInfo.InvariantCulture);
        var batch = await db.ReviewBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !batch.Active) return;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (batch.Status == ReviewBatchStatus.Queued)
        {
            batch.Status = ReviewBatchStatus.Running;
            batch.StartedAt = now;
            await db.SaveChangesAsync(ct);
        }
        var chunk = await ReviewBatchService.CurrentDocuments(db, batch.RegionId)
            .Where(d => d.Id > batch.CursorDocumentId).Select(d => d.Id).Take(batch.ChunkSize + 1).ToListAsync(ct);
        _more = chunk.Count > batch.ChunkSize;
        foreach (var documentId in chunk.Take(batch.ChunkSize))
        {
            // A supervisor may cancel between two documents.
            if (await db.ReviewBatches.AsNoTracking().AnyAsync(b => b.Id == id && b.Status == ReviewBatchStatus.Cancelled, ct))
            {
                _more = false;
                return;
            }
            await ReviewOneAsync(db, batch, documentId, ct);
            batch.CursorDocumentId = documentId;
            batch.Done++;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(batch);
        }
        if (!_more)
        {
            // The documents counted at the start are done (those added since were reviewed on upload).
            var current = await db.ReviewBatches.AsNoTracking().Where(b => b.Id == id).Select(b => b.Status).FirstAsync(ct);
            if (current == ReviewBatchStatus.Running)
            {
                batch.Status = ReviewBatchStatus.Done;
                batch.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
                if (batch.Done > batch.Total) batch.Total = batch.Done;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private async Task ReviewOneAsync(Data.LvyueDbContext db, ReviewBatch batch, long documentId, CancellationToken ct)
    {
        var before = await db.ContractReviews.AsNoTracking().Where(r => r.DocumentId == documentId)
            .OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var previous = before == 0
            ? []
            : (await db.ReviewFindings.AsNoTracking().Where(f => f.ReviewId == before).Select(f => new { f.RuleId, f.Excerpt }).ToListAsync(ct))
                .Select(f => (f.RuleId, f.Excerpt)).ToHashSet();
        try
        {
            var review = await reviews.ReviewDocumentAsync(documentId, ct);
            var now = review.Findings.Select(f => f.Key).ToHashSet();
            var added = now.Count(k => !previous.Contains(k));
            var resolved = previous.Count(k => !now.Contains(k));
            batch.FindingsAdded += added;
            batch.FindingsResolved += resolved;
            if (added + resolved > 0) batch.Changed++;
            if (review.Error is not null) batch.Unreadable++;
            batch.RuleSetVersion = review.RuleSetVersion;
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            db.Attach(batch);
            batch.Failed++;
            batch.LastError = Truncate($"{documentId}: {e.Title.Zh} / {e.Title.En}");
        }
    }

    /// <summary>Inserts the next chunk's job with the outcome of this one (fenced on the lease by the worker).</summary>
    public async Task RecordAsync(JobRun run, JobOutcome outcome, CancellationToken ct)
    {
        if (!outcome.Succeeded || !_more) return;
        await new JobQueue(run.Db, options ?? new JobOptions()).EnqueueAsync(JobKind, run.Job.Payload, run.Db.Clock.GetUtcNow().UtcDateTime, ct: ct);
    }

    private static string Truncate(string s) => s.Length <= 1000 ? s : s[..1000];
}
