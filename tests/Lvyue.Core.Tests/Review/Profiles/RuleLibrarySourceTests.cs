using Lvyue.Review.Profiles;
using Lvyue.Review.Rules;

namespace Lvyue.Tests.Review.Profiles;

/// <summary>The library as files: parameters read from the YAML, overrides written back faithfully.</summary>
public sealed class RuleLibrarySourceTests
{
    [Fact]
    public void Parameters_AreTheNumericThresholdsOfARulesCondition()
    {
        var p = Assert.Single(RuleLibrarySource.Embedded.Parameters("CMP-BOND-001"));
        Assert.Equal(("condition/gt", "gt", 10m, "performanceBondShare", true, true), (p.Path, p.Op, p.LibraryValue, p.Subject, p.IsField, p.IsPercent));
        Assert.Empty(RuleLibrarySource.Embedded.Parameters("CMP-BOND-002"));
        Assert.Empty(RuleLibrarySource.Embedded.Parameters("NO-SUCH-001"));
        Assert.True(RuleLibrarySource.Embedded.Contains("CMP-BOND-002"));
    }

    [Fact]
    public void Apply_RewritesOnlyTheFilesItChanges_AndTheRewrittenFilesKeepEveryOtherRuleAsItWas()
    {
        var source = RuleLibrarySource.Embedded;
        // One change in each of several files written in different YAML styles (flow maps, block lists, quoted regexes).
        var files = source.Files.Where(f => f.Path.Contains("/compliance/", StringComparison.Ordinal)).Take(4).ToList();
        var small = new RuleLibrarySource(files);
        var victims = RuleLibrary.Load(files, checkExamples: false).Rules.GroupBy(r => r.File).Select(g => g.First().Id).ToList();
        var content = new RuleProfileContent([.. victims.Select(id => new RuleOverride(id, true, "test", null, null))], []);

        var applied = small.Apply(content, "region/440303.yaml");
        Assert.Equal(files.Count, applied.Count);
        Assert.All(applied, f => Assert.NotEqual(files.Single(x => x.Path == f.Path).Content, f.Content));
        var set = RuleLibrary.Load(applied, checkExamples: true); // every remaining rule's examples still pass
        Assert.DoesNotContain(set.Rules, r => victims.Contains(r.Id));
        Assert.Equal(RuleLibrary.Load(files, checkExamples: false).Rules.Count - victims.Count, set.Rules.Count);

        Assert.Same(files[0], small.Apply(RuleProfileContent.Empty, "region/440303.yaml")[0]);
    }

    [Fact]
    public void Apply_SetsSeverityAndThresholds_AndAddsTheRegionRulesAsAFile()
    {
        var content = new RuleProfileContent(
            [new RuleOverride("CMP-BOND-001", false, null, "low", new Dictionary<string, decimal> { ["condition/gt"] = 20m })],
            [ProfileFixtures.SatisfactionRule()]);
        var set = RuleLibrary.Load(new RuleLibrarySource(ProfileFixtures.BondLibrary).Apply(content, "region/440303.yaml"), checkExamples: false);
        var bond = set.Rules.Single(r => r.Id == "CMP-BOND-001");
        Assert.Equal("low", bond.Severity);
        Assert.DoesNotContain(set.ReviewText(ProfileFixtures.Contract).Hits, h => h.RuleId == "CMP-BOND-001");
        Assert.Single(set.ReviewText(ProfileFixtures.Contract.Replace("15%", "25%", StringComparison.Ordinal)).Hits, h => h.RuleId == "CMP-BOND-001");
        var own = set.Rules.Single(r => r.Id == "R440303-ACC-001");
        Assert.Equal("region/440303.yaml", own.File);
        Assert.Equal(["acceptance"], own.Scope);
    }

    [Fact]
    public async Task Cache_CompilesAContentOnce_AndVersionsItPerRegion()
    {
        var cache = new RuleProfileCache(ProfileFixtures.BondLibrary);
        var content = new RuleProfileContent([new RuleOverride("CMP-BOND-002", true, "x", null, null)], []);
        var a = await cache.GetAsync(1, "440303", 2, content);
        var b = await cache.GetAsync(2, "440304", 7, content);
        Assert.Equal(1, cache.CompiledCount);
        Assert.Equal($"{cache.Library.Version}+440303-v2", a.Version);
        Assert.Equal($"{cache.Library.Version}+440304-v7", b.Version);
        Assert.Same(a, await cache.GetAsync(1, "440303", 2, content));
        Assert.Same(cache.Base, await cache.GetAsync(1, "440303", 0, RuleProfileContent.Empty));
        Assert.Equal(cache.Base.Rules.Count, (await cache.GetAsync(1, "440303", 3, RuleProfileContent.Empty)).Rules.Count);
        Assert.Equal(1, cache.CompiledCount);
    }
}
