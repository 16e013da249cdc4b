using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Batch;

/// <summary>
/// Starts, lists and cancels the re-reviews of a region's archive (<see cref="ReviewBatch"/>). Only the region's
/// finance supervisors act; one batch per region runs at a time. Starting writes the batch and its first job in one
/// transaction, so a batch never exists without the job that runs it.
/// </summary>
public sealed class ReviewBatchService(LvyueDbContext db, JobOptions? jobOptions = null)
{
    /// <summary>Documents per job run: small enough to finish well inside a lease, large enough to keep the job table quiet.</summary>
    public const int DefaultChunkSize = 50;

    private TenantScope Scope => db.Scope;

    /// <summary>The current version of every document of the region's contracts (the highest version of each file name), by id.</summary>
    public static IQueryable<ContractDocument> CurrentDocuments(LvyueDbContext db, long regionId) =>
        from d in db.ContractDocuments
        join c in db.Contracts on d.ContractId equals c.Id
        where c.RegionId == regionId
              && !db.ContractDocuments.Any(o => o.ContractId == d.ContractId && o.FileName == d.FileName && o.VersionNo > d.VersionNo)
        orderby d.Id
        select d;

    /// <summary>Starts a re-review of every current document version of the supervisor's region.</summary>
    public async Task<ReviewBatch> StartAsync(string? note, int chunkSize = DefaultChunkSize, CancellationToken ct = default)
    {
        var regionId = RequireSupervisor();
        note = note?.Trim();
        if (note is { Length: > 500 })
            throw new DomainException(ErrorKind.Invalid, new Msg("说明不能超过500字", "The note is at most 500 characters"),
                new Dictionary<string, Msg[]> { ["note"] = [new Msg("说明过长", "The note is too long")] });
        if (chunkSize is < 1 or > 1000)
            throw new DomainException(ErrorKind.Invalid, new Msg("每批文件数应在1至1000之间", "The chunk size is 1 to 1,000"),
                new Dictionary<string, Msg[]> { ["chunkSize"] = [new Msg("每批文件数应在1至1000之间", "The chunk size is 1 to 1,000")] });
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ReviewBatches.AnyAsync(b => b.RegionId == regionId && (b.Status == ReviewBatchStatus.Queued || b.Status == ReviewBatchStatus.Running), ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("本区域已有正在进行的批量重新审查，请等待其完成或先取消", "A re-review of this region is already running; wait for it or cancel it"));
        var batch = new ReviewBatch
        {
            RegionId = regionId, Status = ReviewBatchStatus.Queued, Note = string.IsNullOrEmpty(note) ? null : note, ChunkSize = chunkSize,
            Total = await CurrentDocuments(db, regionId).CountAsync(ct), RequestedBy = Scope.Actor, RequestedAt = now,
        };
        db.ReviewBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        await new JobQueue(db, jobOptions ?? new JobOptions()).EnqueueAsync(ReviewBatchJob.JobKind, batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), now, ct: ct);
        await tx.CommitAsync(ct);
        return batch;
    }

    /// <summary>The region's batches, newest first.</summary>
    public async Task<IReadOnlyList<ReviewBatch>> ListAsync(int take = 50, CancellationToken ct = default)
    {
        var regionId = RequireSupervisor();
        return await db.ReviewBatches.AsNoTracking().Where(b => b.RegionId == regionId)
            .OrderByDescending(b => b.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    /// <summary>One batch of the supervisor's region.</summary>
    public async Task<ReviewBatch> GetAsync(long id, CancellationToken ct = default)
    {
        var regionId = RequireSupervisor();
        return await db.ReviewBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.RegionId == regionId, ct)
               ?? throw DomainException.NotFound("批量审查|review batch");
    }

    /// <summary>Stops a queued or running batch; the documents done keep their new reviews. A finished batch is refused.</summary>
    public async Task<ReviewBatch> CancelAsync(long id, CancellationToken ct = default)
    {
        var regionId = RequireSupervisor();
        var batch = await db.ReviewBatches.FirstOrDefaultAsync(b => b.Id == id && b.RegionId == regionId, ct)
                    ?? throw DomainException.NotFound("批量审查|review batch");
        if (!batch.Active)
            throw new DomainException(ErrorKind.Conflict, new Msg("该批量审查已结束，不能取消", "The batch has ended and cannot be cancelled"));
        batch.Status = ReviewBatchStatus.Cancelled;
        batch.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return batch;
    }

    /// <summary>The region of a finance supervisor; anyone else is refused.</summary>
    private long RequireSupervisor()
    {
        if (Scope.RegionId is { } region && Scope.BudgetUnitId is null && Scope.SupplierId is null && Scope.HasRole(Roles.Supervisor)) return region;
        throw DomainException.Forbidden();
    }
}
