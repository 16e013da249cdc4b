using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Reports;

/// <summary>
/// The review's hold on approval (审查把关): a filing is not approved while a high-severity finding of the current
/// version of any of its documents (the latest review of each file name) has no answer. The answer is the reviewer's:
/// accepted ("will fix / acknowledged") or dismissed with a reason, on the contract's review page or through the API.
/// A document that could not be read holds nothing up (there are no findings to answer); the approval queue shows it.
/// </summary>
public static class ReviewGate
{
    /// <summary>The ids of the latest review of each document file of the contracts (the current versions).</summary>
    public static async Task<List<long>> CurrentReviewIdsAsync(LvyueDbContext db, IReadOnlyCollection<long> contractIds, CancellationToken ct = default)
    {
        var rows = await db.ContractReviews.AsNoTracking().Where(r => contractIds.Contains(r.ContractId))
            .Select(r => new { r.Id, r.ContractId, r.FileName, r.VersionNo }).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.ContractId, r.FileName))
            .Select(g => g.OrderByDescending(r => r.VersionNo).ThenByDescending(r => r.Id).First().Id)];
    }

    /// <summary>The unanswered high-severity findings of the contract's current document versions, in text order.</summary>
    public static async Task<List<ReviewFinding>> OpenHighAsync(LvyueDbContext db, long contractId, CancellationToken ct = default)
    {
        var ids = await CurrentReviewIdsAsync(db, [contractId], ct);
        var open = await db.ReviewFindings.AsNoTracking()
            .Where(f => ids.Contains(f.ReviewId) && f.Severity == RuleSeverities.High && f.Disposition == FindingDisposition.Open)
            .ToListAsync(ct);
        return [.. open.OrderBy(f => f.ReviewId).ThenBy(f => f.Start ?? int.MaxValue).ThenBy(f => f.Id)];
    }

    /// <summary>Per contract: unanswered high-severity findings and whether a current document could not be read.</summary>
    public static async Task<Dictionary<long, (int OpenHigh, bool Unreadable)>> StatusAsync(LvyueDbContext db,
        IReadOnlyCollection<long> contractIds, CancellationToken ct = default)
    {
        var ids = await CurrentReviewIdsAsync(db, contractIds, ct);
        var reviews = await db.ContractReviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.ContractId, Unreadable = r.Error != null }).ToListAsync(ct);
        var open = await db.ReviewFindings.AsNoTracking()
            .Where(f => ids.Contains(f.ReviewId) && f.Severity == RuleSeverities.High && f.Disposition == FindingDisposition.Open)
            .GroupBy(f => f.ContractId).Select(g => new { ContractId = g.Key, N = g.Count() }).ToListAsync(ct);
        return contractIds.Distinct().ToDictionary(id => id, id => (
            open.FirstOrDefault(o => o.ContractId == id)?.N ?? 0,
            reviews.Any(r => r.ContractId == id && r.Unreadable)));
    }

    /// <summary>Refuses (409, nothing written) when the contract has unanswered high-severity findings; names them and the review page.</summary>
    public static async Task ThrowIfOpenHighAsync(LvyueDbContext db, long contractId, CancellationToken ct = default)
    {
        var open = await OpenHighAsync(db, contractId, ct);
        if (open.Count == 0) return;
        var rules = string.Join("、", open.Select(f => f.RuleId).Distinct().Take(10)) + (open.Select(f => f.RuleId).Distinct().Count() > 10 ? "…" : "");
        var page = ReviewPath(contractId);
        throw new DomainException(ErrorKind.Conflict,
            new Msg($"合同审查有{open.Count}项高风险发现尚未处理，不能同意备案", $"{open.Count} high-severity review finding(s) have no answer yet: the filing cannot be approved"),
            new Dictionary<string, Msg[]>
            {
                ["review"] =
                [
                    new Msg($"请在合同审查页（{page}）对 {rules} 逐项采纳（将修改/已知悉）或填写理由驳回",
                        $"Accept (will fix / acknowledged) or dismiss with a reason each of {rules} on the review page ({page})"),
                ],
            });
    }

    /// <summary>The contract's review page.</summary>
    public static string ReviewPath(long contractId) => $"/Contracts/Review/{contractId}";
}
