using Lvyue.Common;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Profiles;

/// <summary>A numeric parameter of a rule with the value the region uses.</summary>
/// <param name="Parameter">The parameter as the library has it.</param>
/// <param name="Value">The value in force in the region.</param>
public sealed record RuleParameterValue(RuleParameter Parameter, decimal Value)
{
    /// <summary>True when the region changed it.</summary>
    public bool Changed => Value != Parameter.LibraryValue;
}

/// <summary>One rule as a region has it: the library's text, the region's changes, and how its examples behave now.</summary>
/// <param name="Rule">The compiled rule (the library's when the region disabled it).</param>
/// <param name="IsRegionRule">True for a rule the region added.</param>
/// <param name="Severity">The severity in force.</param>
/// <param name="LibrarySeverity">The library's severity (null for a region rule).</param>
/// <param name="Disabled">True when the region disabled it.</param>
/// <param name="DisabledReason">Why.</param>
/// <param name="Parameters">Its numeric parameters with the values in force.</param>
/// <param name="Examples">Its examples run against the rule in force.</param>
/// <param name="RegionRule">The region's definition, for a region rule.</param>
/// <param name="Stats">Hits and answers over the region's reviews.</param>
public sealed record RuleDetail(ReviewRule Rule, bool IsRegionRule, string Severity, string? LibrarySeverity, bool Disabled, string? DisabledReason,
    IReadOnlyList<RuleParameterValue> Parameters, IReadOnlyList<ExampleOutcome> Examples, RegionRule? RegionRule, RuleHitStats Stats);

public sealed partial class RuleProfileService
{
    /// <summary>A rule of the region's effective set, or a library rule it disabled; not found otherwise.</summary>
    public async Task<RuleDetail> DetailAsync(long regionId, string ruleId, CancellationToken ct = default)
    {
        if (!CanRead(regionId)) throw DomainException.Forbidden();
        var state = await StateAsync(regionId, ct);
        var set = await EffectiveAsync(state);
        var o = state.Content.Override(ruleId);
        var rule = set.Rules.FirstOrDefault(r => r.Id == ruleId);
        var checker = set;
        if (rule is null && o is { Disabled: true })
        {
            rule = cache.Base.Rules.FirstOrDefault(r => r.Id == ruleId);
            checker = cache.Base;
        }
        if (rule is null) throw DomainException.NotFound("规则|rule");
        var region = state.Content.Rule(ruleId);
        var library = region is null ? cache.Base.Rules.FirstOrDefault(r => r.Id == ruleId)?.Severity : null;
        var parameters = cache.Library.Parameters(ruleId)
            .Select(p => new RuleParameterValue(p, o?.Parameters is { } ps && ps.TryGetValue(p.Path, out var v) ? v : p.LibraryValue)).ToList();
        var examples = rule.Examples.Select(e => new ExampleOutcome(e.Text, e.MustTrigger, checker.Check(rule, e))).ToList();
        // The numbers are the region's (its supervisors and the system); a unit's user sees the rule without them.
        var seesRegion = db.Scope.All || db.Scope.RegionId == regionId;
        var stats = (seesRegion ? (await RuleHitStatistics.ForRegionAsync(db, regionId, ruleId: ruleId, ct: ct)).FirstOrDefault() : null)
                    ?? new RuleHitStats(ruleId, 0, 0, 0);
        return new RuleDetail(rule, region is not null, rule.Severity, library, o?.Disabled == true, o?.DisabledReason, parameters, examples, region, stats);
    }
}
