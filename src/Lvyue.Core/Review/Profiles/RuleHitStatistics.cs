using Lvyue.Common;
using Lvyue.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Profiles;

/// <summary>How one rule fared in a region's reviews: how often it hit and how reviewers answered.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Hits">Findings of the rule, each counted once: a finding carried over to a new document version is the same hit.</param>
/// <param name="Accepted">Answers that accepted a finding.</param>
/// <param name="Dismissed">Answers that dismissed one.</param>
public sealed record RuleHitStats(string RuleId, int Hits, int Accepted, int Dismissed)
{
    /// <summary>Answered findings.</summary>
    public int Decided => Accepted + Dismissed;

    /// <summary>Dismissed ÷ answered, or null when none was answered: a high rate marks a noisy rule.</summary>
    public decimal? DismissalRate => Decided == 0 ? null : Math.Round((decimal)Dismissed / Decided, 4);
}

/// <summary>Per-rule hits and answers over the stored reviews of a region's contracts.</summary>
public static class RuleHitStatistics
{
    /// <summary>
    /// Hits, accepted and dismissed per rule over the reviews of <paramref name="regionId"/>'s contracts reviewed since
    /// <paramref name="since"/> (UTC; null for all), of every rule or of <paramref name="ruleId"/>. A carried-over finding repeats an earlier hit and is not counted
    /// again, and its answer only when it was given after that review (an answer copied from the previous version is
    /// the earlier finding's answer).
    /// </summary>
    public static async Task<List<RuleHitStats>> ForRegionAsync(Data.LvyueDbContext db, long regionId, DateTime? since = null,
        string? ruleId = null, CancellationToken ct = default)
    {
        var s = db.Scope;
        if (!(s.All || s.RegionId == regionId)) throw DomainException.Forbidden();
        var rows = from f in db.ReviewFindings
                   join r in db.ContractReviews on f.ReviewId equals r.Id
                   join c in db.Contracts on f.ContractId equals c.Id
                   where c.RegionId == regionId && (since == null || r.ReviewedAt >= since) && (ruleId == null || f.RuleId == ruleId)
                   select new
                   {
                       f.RuleId,
                       Hit = f.CarriedOver ? 0 : 1,
                       Own = !f.CarriedOver || f.DecidedAt > r.ReviewedAt,
                       f.Disposition,
                   };
        var list = await rows.GroupBy(x => x.RuleId).Select(g => new
        {
            RuleId = g.Key,
            Hits = g.Sum(x => x.Hit),
            Accepted = g.Sum(x => x.Own && x.Disposition == FindingDisposition.Accepted ? 1 : 0),
            Dismissed = g.Sum(x => x.Own && x.Disposition == FindingDisposition.Dismissed ? 1 : 0),
        }).ToListAsync(ct);
        return [.. list.Select(x => new RuleHitStats(x.RuleId, x.Hits, x.Accepted, x.Dismissed)).OrderBy(x => x.RuleId, StringComparer.Ordinal)];
    }
}
