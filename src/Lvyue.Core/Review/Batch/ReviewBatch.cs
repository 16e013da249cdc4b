namespace Lvyue.Review.Batch;

/// <summary>Where a <see cref="ReviewBatch"/> stands.</summary>
public enum ReviewBatchStatus
{
    /// <summary>Started; its first chunk is waiting for the job runner.</summary>
    Queued,
    /// <summary>At least one chunk done, more to do.</summary>
    Running,
    /// <summary>Every document of the batch re-reviewed.</summary>
    Done,
    /// <summary>Stopped by a supervisor; the documents done so far keep their new reviews.</summary>
    Cancelled,
}

/// <summary>
/// A re-review of the archive (批量重新审查): every contract's current document versions of a region reviewed again with the
/// rule set in force now (after a rule or profile change), in chunks run by the leased job table. The cursor (the last
/// document id done) and the counts are saved after every document, so a batch whose instance died resumes where it
/// stood when the job's lease expires.
/// </summary>
public sealed class ReviewBatch
{
    public long Id { get; set; }
    /// <summary>The region whose contracts are re-reviewed.</summary>
    public long RegionId { get; set; }
    public ReviewBatchStatus Status { get; set; }
    /// <summary>Why the batch was started (e.g. the rule change), as the supervisor wrote it.</summary>
    public string? Note { get; set; }
    /// <summary>Documents per job run.</summary>
    public int ChunkSize { get; set; }
    /// <summary>Document versions to re-review, counted at the start.</summary>
    public int Total { get; set; }
    /// <summary>Document versions re-reviewed so far (unreadable and failed included).</summary>
    public int Done { get; set; }
    /// <summary>Documents whose review says they could not be read.</summary>
    public int Unreadable { get; set; }
    /// <summary>Documents that could not be re-reviewed at all (e.g. the stored file is gone); skipped.</summary>
    public int Failed { get; set; }
    /// <summary>Documents whose findings changed (a finding new or resolved) against their previous review.</summary>
    public int Changed { get; set; }
    /// <summary>Findings that the previous review of the document did not have.</summary>
    public int FindingsAdded { get; set; }
    /// <summary>Findings of the previous review that are gone.</summary>
    public int FindingsResolved { get; set; }
    /// <summary>The last document id done: the next chunk starts after it.</summary>
    public long CursorDocumentId { get; set; }
    /// <summary>The rule-set version of the latest review written by the batch.</summary>
    public string? RuleSetVersion { get; set; }
    /// <summary>The last error of a document that failed, for the supervisor.</summary>
    public string? LastError { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Share done, 0–100.</summary>
    public int Percent => Total == 0 ? 100 : (int)Math.Min(100, Done * 100L / Total);

    /// <summary>Queued or running.</summary>
    public bool Active => Status is ReviewBatchStatus.Queued or ReviewBatchStatus.Running;
}
