using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Lvyue.Review.Rules;

namespace Lvyue.Review.Profiles;

/// <summary>
/// The compiled effective rule sets of regions, one per profile content, compiled once (the whole library takes
/// seconds) and shared by every review in the process. A version's content never changes, so a set is keyed by the
/// hash of its content and reused under each region and version that has that content; a region with no profile, or
/// one whose profile changes nothing, uses the library set itself. Holds a bounded number of sets.
/// </summary>
public sealed class RuleProfileCache
{
    private const int Capacity = 16;
    private readonly Lazy<RuleSet> _base;
    private readonly ConcurrentDictionary<string, Lazy<Task<RuleSet>>> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(long Region, int Version, string Content), RuleSet> _versioned = new();

    /// <summary>The cache over the embedded library (its base set is <see cref="RuleLibrary.Default"/>).</summary>
    public RuleProfileCache() : this(RuleLibrarySource.Embedded, () => RuleLibrary.Default) { }

    /// <summary>A cache over other rule files (tests, a folder of rules).</summary>
    public RuleProfileCache(IReadOnlyList<RuleFile> library) : this(new RuleLibrarySource(library), null) { }

    private RuleProfileCache(RuleLibrarySource library, Func<RuleSet>? baseSet)
    {
        Library = library;
        _base = new Lazy<RuleSet>(baseSet ?? (() => RuleLibrary.Load(library.Files, checkExamples: false)));
    }

    /// <summary>The library the profiles change.</summary>
    public RuleLibrarySource Library { get; }

    /// <summary>The library compiled as it is (a region without a profile).</summary>
    public RuleSet Base => _base.Value;

    /// <summary>Number of compiled profile sets held (for tests of the cache).</summary>
    public int CompiledCount => _compiled.Count;

    /// <summary>
    /// The rule-set version a review under a region's profile records: the library hash alone for version 0 (no
    /// profile), otherwise the library hash, the region code and the profile version (3f2a…+440303-v4).
    /// </summary>
    public static string EffectiveVersion(string libraryVersion, string regionCode, int profileVersion) =>
        profileVersion <= 0 ? libraryVersion : $"{libraryVersion}+{regionCode}-v{profileVersion}";

    /// <summary>The file path a region's own rules are compiled under (as errors name it).</summary>
    public static string RegionFilePath(string regionCode) => $"region/{regionCode}.yaml";

    /// <summary>The effective rule set of a region at profile <paramref name="version"/> with <paramref name="content"/>.</summary>
    public async Task<RuleSet> GetAsync(long regionId, string regionCode, int version, RuleProfileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (version <= 0) return Base;
        var json = content.ToJson();
        if (_versioned.TryGetValue((regionId, version, json), out var hit)) return hit;
        RuleSet set;
        if (content.Overrides.Count == 0 && content.Rules.Count == 0) set = Base;
        else
        {
            var key = Hash(json);
            var lazy = _compiled.GetOrAdd(key, _ => new Lazy<Task<RuleSet>>(
                () => Task.Run(() => RuleLibrary.Load(Library.Apply(content, RegionFilePath(regionCode)), checkExamples: false))));
            try
            {
                set = await lazy.Value;
            }
            catch
            {
                _compiled.TryRemove(new KeyValuePair<string, Lazy<Task<RuleSet>>>(key, lazy)); // a later call tries again
                throw;
            }
        }
        var versioned = set.WithVersion(EffectiveVersion(Library.Version, regionCode, version));
        // Only the newest version of a region is used for new reviews: drop the region's older entries.
        foreach (var key in _versioned.Keys.Where(k => k.Region == regionId && k.Version < version)) _versioned.TryRemove(key, out _);
        _versioned[(regionId, version, json)] = versioned;
        Trim();
        return versioned;
    }

    private void Trim()
    {
        if (_compiled.Count <= Capacity) return;
        // Keep the sets some region's newest version uses; drop the others (they recompile if ever asked again).
        var live = _versioned.Keys.Select(k => Hash(k.Content)).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _compiled.Keys.Where(k => !live.Contains(k)).ToList())
        {
            if (_compiled.Count <= Capacity) break;
            _compiled.TryRemove(key, out _);
        }
    }

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
