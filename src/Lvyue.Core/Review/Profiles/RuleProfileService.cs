using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Rules;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Profiles;

/// <summary>A region's profile as it stands: its version (0 when none), content and the effective rule-set version.</summary>
/// <param name="RegionId">The region.</param>
/// <param name="RegionCode">Its code (part of the rule-set version and of its rules' id prefix).</param>
/// <param name="Version">The current profile version; 0 when the region has never changed the library.</param>
/// <param name="Content">What the profile changes and adds.</param>
/// <param name="RuleSetVersion">The version reviews under this profile record: library hash + profile version.</param>
/// <param name="LibraryVersion">The library's hash.</param>
/// <param name="Current">The stored version row, or null for version 0.</param>
public sealed record RuleProfileState(long RegionId, string RegionCode, int Version, RuleProfileContent Content,
    string RuleSetVersion, string LibraryVersion, RuleProfileVersion? Current)
{
    /// <summary>The id prefix of the region's own rules (R440303-).</summary>
    public string RulePrefix => RuleProfileService.RulePrefix(RegionCode);
}

/// <summary>How one example of a rule behaves under the rule as changed.</summary>
/// <param name="Text">The example text.</param>
/// <param name="MustTrigger">True for a trigger example.</param>
/// <param name="Ok">Whether it behaves as it says.</param>
public sealed record ExampleOutcome(string Text, bool MustTrigger, bool Ok);

/// <summary>The outcome of a change: the new state, and for a tuned rule how its examples behave under the new values.</summary>
/// <param name="State">The profile after the change.</param>
/// <param name="Examples">The changed rule's examples under the new rule (empty when the change has no rule to run).</param>
public sealed record RuleProfileResult(RuleProfileState State, IReadOnlyList<ExampleOutcome> Examples);

/// <summary>
/// Region rule profiles (规则配置): the current profile and its history, changes by the region's finance-bureau
/// supervisor (each one validated, saved in one transaction with its audit rows, and a new version), and the effective
/// rule set a review of the region's contracts uses (compiled once per version by <see cref="RuleProfileCache"/>).
/// </summary>
public sealed partial class RuleProfileService(LvyueDbContext db, RuleProfileCache cache)
{
    private const int MaxReason = 500;

    /// <summary>The compiled-set cache (the library and its rules).</summary>
    public RuleProfileCache Cache => cache;

    /// <summary>The id prefix of a region's own rules: R + the region code (R440303-).</summary>
    public static string RulePrefix(string regionCode) =>
        "R" + new string(regionCode.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) + "-";

    /// <summary>The region's current profile (version 0 and no change when it has none). Any user of the region may read it.</summary>
    public async Task<RuleProfileState> CurrentAsync(long regionId, CancellationToken ct = default)
    {
        if (!CanRead(regionId)) throw DomainException.Forbidden();
        return await StateAsync(regionId, ct);
    }

    /// <summary>The rule set a review of a contract of the region uses now (no permission check: the review has made it).</summary>
    public async Task<RuleSet> EffectiveAsync(long regionId, CancellationToken ct = default)
    {
        var state = await StateAsync(regionId, ct);
        return await cache.GetAsync(regionId, state.RegionCode, state.Version, state.Content);
    }

    /// <summary>The effective rule set of a known state.</summary>
    public Task<RuleSet> EffectiveAsync(RuleProfileState state) =>
        cache.GetAsync(state.RegionId, state.RegionCode, state.Version, state.Content);

    /// <summary>Every version of the region's profile, newest first.</summary>
    public async Task<List<RuleProfileVersion>> HistoryAsync(long regionId, CancellationToken ct = default)
    {
        if (!CanRead(regionId)) throw DomainException.Forbidden();
        return await db.RuleProfileVersions.AsNoTracking().Where(v => v.RegionId == regionId)
            .OrderByDescending(v => v.Version).ToListAsync(ct);
    }

    /// <summary>
    /// Applies one change as the next version: validated first (a refused change writes nothing), then saved with its
    /// audit rows in one transaction. A change made on an older version than the current one is refused (conflict).
    /// </summary>
    public async Task<RuleProfileResult> ApplyAsync(long regionId, RuleProfileChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var scope = db.Scope;
        if (!scope.All && !(scope.HasRole(Roles.Supervisor) && scope.RegionId == regionId)) throw DomainException.Forbidden();
        var state = await StateAsync(regionId, ct);
        if (change.BaseVersion is { } seen && seen != state.Version)
            throw new DomainException(ErrorKind.Conflict, new Msg(
                $"规则配置已更新为第{state.Version}版（您修改的是第{seen}版），请刷新后重试",
                $"The profile is now at version {state.Version} (you changed version {seen}); reload and try again"));
        var reason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim();
        var errors = new ErrorBag();
        if (reason is { Length: > MaxReason }) errors.Add("reason", "原因不能超过500字", "The reason is at most 500 characters");
        var (content, ruleId, summary, examples) = change.Kind switch
        {
            RuleProfileChangeKinds.Disable or RuleProfileChangeKinds.Enable or RuleProfileChangeKinds.Severity
                or RuleProfileChangeKinds.Parameters or RuleProfileChangeKinds.Reset => ChangeLibraryRule(state, change, reason, errors),
            RuleProfileChangeKinds.AddRule or RuleProfileChangeKinds.UpdateRule => SaveRegionRule(state, change, errors),
            RuleProfileChangeKinds.RemoveRule => RemoveRegionRule(state, change, reason, errors),
            _ => Refuse(errors, "kind", $"未知的修改类型“{change.Kind}”", $"Unknown change kind '{change.Kind}' ({string.Join(", ", RuleProfileChangeKinds.All)})"),
        };
        errors.ThrowIfAny("规则配置修改未保存", "The profile change was not saved");
        var row = new RuleProfileVersion
        {
            RegionId = regionId, Version = state.Version + 1, ChangeKind = change.Kind, RuleId = ruleId, Reason = reason,
            SummaryZh = summary!.Zh, SummaryEn = summary.En, Content = content!.ToJson(), CreatedAt = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = scope.Actor,
        };
        db.RuleProfileVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (region, version) index: another change became this version first.
            throw new DomainException(ErrorKind.Conflict, new Msg("规则配置已被他人同时修改，请刷新后重试",
                "Someone changed the profile at the same time; reload and try again"));
        }
        var next = state with
        {
            Version = row.Version, Content = content, Current = row,
            RuleSetVersion = RuleProfileCache.EffectiveVersion(state.LibraryVersion, state.RegionCode, row.Version),
        };
        // Compile the new version now, in the background, so the next upload does not wait for it (seconds for the library).
        _ = cache.GetAsync(regionId, next.RegionCode, next.Version, next.Content)
            .ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        return new RuleProfileResult(next, examples ?? []);
    }

    /// <summary>True when the scope may read the profile of <paramref name="regionId"/>.</summary>
    public bool CanRead(long regionId)
    {
        var s = db.Scope;
        return s.All || s.RegionId == regionId || s.UnitRegionId == regionId;
    }

    /// <summary>True when the scope may change the profile of <paramref name="regionId"/> (its supervisor).</summary>
    public bool CanEdit(long regionId) => db.Scope.All || (db.Scope.HasRole(Roles.Supervisor) && db.Scope.RegionId == regionId);

    private async Task<RuleProfileState> StateAsync(long regionId, CancellationToken ct)
    {
        var code = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.Code).FirstOrDefaultAsync(ct)
                   ?? throw DomainException.NotFound("地区|region");
        var row = await db.RuleProfileVersions.AsNoTracking().Where(v => v.RegionId == regionId)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var lib = cache.Library.Version;
        return row is null
            ? new RuleProfileState(regionId, code, 0, RuleProfileContent.Empty, lib, lib, null)
            : new RuleProfileState(regionId, code, row.Version, RuleProfileContent.FromJson(row.Content),
                RuleProfileCache.EffectiveVersion(lib, code, row.Version), lib, row);
    }

    private sealed record Outcome(RuleProfileContent? Content, string? RuleId, Msg? Summary, IReadOnlyList<ExampleOutcome>? Examples);

    private static Outcome Refuse(ErrorBag errors, string field, string zh, string en)
    {
        errors.Add(field, zh, en);
        return new Outcome(null, null, null, null);
    }
}
