using System.Diagnostics;
using System.Text.RegularExpressions;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Files;
using Lvyue.Review.Ingestion;
using Lvyue.Review.Rules;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Reviews;

/// <summary>A stored review with the findings of the previous version that are gone (resolved).</summary>
/// <param name="Review">The review, its findings loaded.</param>
/// <param name="Resolved">Findings of the previous version's review with no same rule at the same excerpt now.</param>
public sealed record ContractReviewView(ContractReview Review, IReadOnlyList<ReviewFinding> Resolved);

/// <summary>
/// Reviews the stored versions of a contract's documents against the effective rule set of the contract's region (the
/// library with the region's profile, <see cref="Profiles.RuleProfileService"/>; the library alone without one) and
/// keeps the reports: each finding of a new version is marked carried over (the previous version's review had the same
/// rule at the same excerpt; its answer is kept) or new, and the previous findings no longer present are resolved.
/// A version reviewed again (the re-review of the archive after a rule change) is compared with its own latest review, so
/// unchanged findings keep their answers. A reviewer accepts or dismisses each finding with a reason. Every write is one SaveChanges.
/// </summary>
public sealed partial class ContractReviewService(LvyueDbContext db, FileStore files, IngestionOptions? options = null, RuleSet? rules = null,
    Profiles.RuleProfileService? profiles = null)
{
    private TenantScope Scope => db.Scope;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Reviews one stored document version and stores the report (a document that cannot be read gets a report saying so).</summary>
    public async Task<ContractReview> ReviewDocumentAsync(long documentId, CancellationToken ct = default)
    {
        var doc = await db.ContractDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct)
                  ?? throw DomainException.NotFound("合同文件|document");
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Subcategory).FirstAsync(c => c.Id == doc.ContractId, ct);
        if (!CanReview(contract.BudgetUnitId)) throw DomainException.Forbidden();
        var (report, text) = await RunAsync(doc, contract, ct);

        var previous = await db.ContractReviews.Include(r => r.Findings)
            .Where(r => r.ContractId == doc.ContractId && r.FileName == doc.FileName && r.VersionNo <= doc.VersionNo)
            .OrderByDescending(r => r.VersionNo).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var review = new ContractReview
        {
            ContractId = doc.ContractId, DocumentId = doc.Id, DocumentSha256 = doc.Sha256, FileName = doc.FileName, VersionNo = doc.VersionNo,
            PreviousReviewId = previous?.Id, RuleSetVersion = report.RuleSetVersion, ReviewedAt = Now, ReviewedBy = Scope.Actor,
            Error = report.Error is null ? null : Truncate(report.Error, 2000), Text = text,
            ComplianceCount = Count(report, RuleGroups.Compliance), SevereCount = Count(report, RuleGroups.Severe),
            GeneralCount = Count(report, RuleGroups.General), MissingCount = Count(report, RuleGroups.Missing),
        };
        var before = previous?.Findings.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First()) ?? [];
        foreach (var h in report.Hits)
        {
            var f = new ReviewFinding
            {
                ContractId = doc.ContractId, RuleId = h.RuleId, Group = h.Group, Severity = h.Severity, ClauseType = h.ClauseType,
                Start = h.Start, End = h.End, Excerpt = h.Excerpt, MessageZh = h.Message.Zh, MessageEn = h.Message.En,
                Basis = h.Basis, Suggestion = h.Suggestion,
            };
            if (before.TryGetValue(f.Key, out var old))
            {
                f.CarriedOver = true;
                f.Disposition = old.Disposition;
                f.Reason = old.Reason;
                f.DecidedBy = old.DecidedBy;
                f.DecidedAt = old.DecidedAt;
            }
            review.Findings.Add(f);
        }
        db.ContractReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>The latest review of the contract (of its most recently reviewed document), or null when none. Suppliers are refused.</summary>
    public async Task<ContractReviewView?> LatestAsync(long contractId, CancellationToken ct = default)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, ct)) throw DomainException.NotFound("合同|contract");
        // The review is the purchaser's and the supervisor's working paper, not the supplier's.
        if (!Scope.All && Scope.SupplierId is not null) throw DomainException.Forbidden();
        var id = await db.ContractReviews.Where(r => r.ContractId == contractId)
            .OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(id.Value, ct);
    }

    /// <summary>One review with its findings and the resolved findings of the previous version.</summary>
    public async Task<ContractReviewView> GetAsync(long reviewId, CancellationToken ct = default)
    {
        var review = await db.ContractReviews.AsNoTracking().Include(r => r.Findings)
            .FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw DomainException.NotFound("审查报告|review");
        review.Findings = [.. review.Findings.OrderBy(f => f.Start ?? int.MaxValue).ThenBy(f => f.Id)];
        IReadOnlyList<ReviewFinding> resolved = [];
        if (review.PreviousReviewId is { } prev)
        {
            var now = review.Findings.Select(f => f.Key).ToHashSet();
            var old = await db.ReviewFindings.AsNoTracking().Where(f => f.ReviewId == prev).OrderBy(f => f.Id).ToListAsync(ct);
            resolved = [.. old.Where(f => !now.Contains(f.Key))];
        }
        return new ContractReviewView(review, resolved);
    }

    /// <summary>Accepts or dismisses a finding of a contract; a dismissal needs a reason. Refusals write nothing.</summary>
    public async Task<ReviewFinding> DecideAsync(long contractId, long findingId, FindingDisposition disposition, string? reason, CancellationToken ct = default)
    {
        var finding = await db.ReviewFindings.FirstOrDefaultAsync(f => f.Id == findingId && f.ContractId == contractId, ct)
                      ?? throw DomainException.NotFound("审查发现|finding");
        var unitId = await db.Contracts.Where(c => c.Id == contractId).Select(c => c.BudgetUnitId).FirstAsync(ct);
        if (!CanReview(unitId)) throw DomainException.Forbidden();
        reason = reason?.Trim();
        if (disposition == FindingDisposition.Open)
            throw new DomainException(ErrorKind.Invalid, new Msg("请选择采纳或驳回", "Choose accept or dismiss"),
                new Dictionary<string, Msg[]> { ["decision"] = [new Msg("请选择采纳或驳回", "Choose accept or dismiss")] });
        if (disposition == FindingDisposition.Dismissed && string.IsNullOrEmpty(reason))
            throw new DomainException(ErrorKind.Invalid, new Msg("驳回必须填写原因", "A dismissal needs a reason"),
                new Dictionary<string, Msg[]> { ["reason"] = [new Msg("请填写驳回原因", "Give the reason for dismissing")] });
        if (reason is { Length: > 1000 })
            throw new DomainException(ErrorKind.Invalid, new Msg("原因不能超过1000字", "The reason is at most 1,000 characters"),
                new Dictionary<string, Msg[]> { ["reason"] = [new Msg("原因过长", "The reason is too long")] });
        finding.Disposition = disposition;
        finding.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        finding.DecidedBy = Scope.Actor;
        finding.DecidedAt = Now;
        await db.SaveChangesAsync(ct);
        return finding;
    }

    private async Task<(ReviewReport Report, string Text)> RunAsync(ContractDocument doc, Contract contract, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        // A set given to the service wins (tests, tools); otherwise the region's profile, compiled once per version.
        var ruleSet = rules ?? (profiles is null ? RuleLibrary.Default : await profiles.EffectiveAsync(contract.RegionId, ct));
        var ext = Path.GetExtension(doc.FileName).ToLowerInvariant();
        var tmp = Path.Combine(Path.GetTempPath(), $"lvyue-review-{Guid.NewGuid():N}{ext}");
        try
        {
            await using (var src = files.Open(doc.Sha256))
            await using (var dst = File.Create(tmp))
                await src.CopyToAsync(dst, ct);
            var ingested = await new DocumentIngestor(options).IngestAsync(tmp, ct);
            var report = ruleSet.Review(ingested.Normalized, Context(contract));
            return (report.WithElapsed(sw.Elapsed.TotalMilliseconds), report.Error is null ? ingested.Text : "");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var why = e is DomainException d ? $"{d.Title.Zh} / {d.Title.En}" : e.Message;
            return (ReviewReport.Unreadable(ruleSet.Version, "the document could not be read / 文档无法读取: " + why, sw.Elapsed.TotalMilliseconds), "");
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    /// <summary>The unit's clerks and leaders who write its contracts, and the region's supervisors, review.</summary>
    private bool CanReview(long unitId) => Scope.All || (Scope.CanWriteContracts && Scope.BudgetUnitId == unitId)
                                           || (Scope.RegionId is not null && Scope.BudgetUnitId is null && Scope.SupplierId is null);

    private static ReviewContext Context(Contract c) => new(
        c.Category.ToString().ToLowerInvariant(), c.Subcategory?.Code,
        Snake().Replace(c.ProcurementMethod.ToString(), "$1_$2").ToLowerInvariant(), null);

    private static int Count(ReviewReport r, string group) => r.Summary.TryGetValue(group, out var n) ? n : 0;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Snake();
}
