using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Profiles;

namespace Lvyue.Web.Api;

/// <summary>A region's rule profile as the API shows it.</summary>
public sealed record RuleProfileDto(long RegionId, string RegionCode, int Version, string RuleSetVersion, string LibraryVersion, string RulePrefix,
    IReadOnlyList<RuleOverride> Overrides, IReadOnlyList<RegionRule> Rules, DateTime? ChangedAt, string? ChangedBy)
{
    public static RuleProfileDto Of(RuleProfileState s) => new(s.RegionId, s.RegionCode, s.Version, s.RuleSetVersion, s.LibraryVersion, s.RulePrefix,
        s.Content.Overrides, s.Content.Rules, s.Current?.CreatedAt, s.Current?.CreatedBy);
}

/// <summary>One version of a profile in its history.</summary>
public sealed record RuleProfileVersionDto(int Version, string ChangeKind, string? RuleId, string? Reason, string Summary, string SummaryEn, DateTime CreatedAt, string? CreatedBy)
{
    public static RuleProfileVersionDto Of(RuleProfileVersion v) => new(v.Version, v.ChangeKind, v.RuleId, v.Reason, v.SummaryZh, v.SummaryEn, v.CreatedAt, v.CreatedBy);
}

/// <summary>Hits and answers of one rule in the region, with the rule's group and severity in force.</summary>
public sealed record RuleStatsDto(string RuleId, string? Group, string? Severity, bool InForce, int Hits, int Accepted, int Dismissed, decimal? DismissalRate);

/// <summary>/api/v1/review/profile: the caller's region's rule profile, its changes, rules and the dismissal rate per rule.</summary>
public static class ReviewProfileApi
{
    public static RouteGroupBuilder MapReviewProfileApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/review/profile").WithTags("Review").RequireAuthorization();
        g.MapGet("/", async (LvyueDbContext db, RuleProfileService profiles, CancellationToken ct) =>
                TypedResults.Ok(RuleProfileDto.Of(await profiles.CurrentAsync(Region(db), ct))))
            .WithSummary("The region's current rule profile: version, effective rule-set version (library hash + profile version), overrides and region rules");
        g.MapGet("/history", async (LvyueDbContext db, RuleProfileService profiles, CancellationToken ct) =>
                TypedResults.Ok((await profiles.HistoryAsync(Region(db), ct)).Select(RuleProfileVersionDto.Of).ToList()))
            .WithSummary("Every version of the region's profile, newest first, with the change that made it");
        g.MapPost("/changes", async (RuleProfileChange change, LvyueDbContext db, RuleProfileService profiles, CancellationToken ct) =>
            {
                var result = await profiles.ApplyAsync(Region(db), change, ct);
                return TypedResults.Created("/api/v1/review/profile", new { profile = RuleProfileDto.Of(result.State), examples = result.Examples });
            })
            .WithSummary("One change (kind: disable, enable, severity, parameters, reset, addRule, updateRule, removeRule) as the next version; "
                         + "the region's supervisor only; a bad rule or value answers a problem and writes nothing; baseVersion guards against a concurrent change (409)");
        g.MapGet("/rules/{ruleId}", async (string ruleId, LvyueDbContext db, RuleProfileService profiles, CancellationToken ct) =>
            {
                var d = await profiles.DetailAsync(Region(db), ruleId, ct);
                var r = d.Rule;
                return TypedResults.Ok(new
                {
                    r.Id, r.Group, d.Severity, d.LibrarySeverity, d.IsRegionRule, d.Disabled, d.DisabledReason, message = r.Message.Zh, messageEn = r.Message.En,
                    r.Basis, r.Suggestion, r.Scope, r.AppliesTo, r.File,
                    parameters = d.Parameters.Select(p => new { p.Parameter.Path, p.Parameter.Op, p.Parameter.Subject, p.Parameter.LibraryValue, value = p.Value, p.Changed }),
                    examples = d.Examples, stats = Stats(d.Stats, r.Group, d.Severity, !d.Disabled), regionRule = d.RegionRule,
                });
            })
            .WithSummary("One rule as the region has it: text, basis, examples (run against the rule in force), parameters and its hits");
        g.MapGet("/stats", async (DateTime? since, LvyueDbContext db, RuleProfileService profiles, CancellationToken ct) =>
            {
                var region = Region(db);
                var state = await profiles.CurrentAsync(region, ct);
                var set = await profiles.EffectiveAsync(state);
                var byId = profiles.Cache.Base.Rules.Concat(set.Rules).GroupBy(r => r.Id).ToDictionary(x => x.Key, x => x.Last());
                var inForce = set.Rules.Select(r => r.Id).ToHashSet();
                var stats = await RuleHitStatistics.ForRegionAsync(db, region, since, ct: ct);
                return TypedResults.Ok(stats.Select(s => Stats(s, byId.GetValueOrDefault(s.RuleId)?.Group, byId.GetValueOrDefault(s.RuleId)?.Severity, inForce.Contains(s.RuleId)))
                    .OrderByDescending(s => s.DismissalRate ?? -1).ThenByDescending(s => s.Hits).ToList());
            })
            .WithSummary("Hits, accepted, dismissed and the dismissal rate (dismissed ÷ answered) per rule over the region's reviews (since: reviewed at or after, UTC)");
        return g;
    }

    private static RuleStatsDto Stats(RuleHitStats s, string? group, string? severity, bool inForce) =>
        new(s.RuleId, group, severity, inForce, s.Hits, s.Accepted, s.Dismissed, s.DismissalRate);

    /// <summary>The caller's region: the supervisor's, or the region of a unit's user; others have none.</summary>
    private static long Region(LvyueDbContext db) => db.Scope.RegionId ?? db.Scope.UnitRegionId
        ?? throw new DomainException(ErrorKind.Forbidden, new Msg("规则配置属于地区，您的账号不属于任何地区", "Rule profiles belong to a region; your account has none"));
}
