using Lvyue.Common;
using Lvyue.Review.Profiles;
using Lvyue.Review.Reviews;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Review.Profiles.ProfileFixtures;

namespace Lvyue.Tests.Review.Profiles;

/// <summary>A region's supervisor tunes the library and adds rules; each change is a version and changes what a review reports.</summary>
public sealed class RuleProfileServiceTests
{
    [Theory, BothDatabases]
    public async Task ProfileEdits_ChangeWhatAReviewReports_AndEachReviewRecordsTheVersionItUsed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var cache = new RuleProfileCache(BondLibrary);
        var lib = cache.Library.Version;
        long docId;
        await using (var s = db.Scope(world.Clerk))
        {
            var c = await s.Filing.CreateAsync(world.Input("JY-2026-401"));
            await s.Filing.AddDocumentAsync(c.Id, TestFiles.Txt(Contract, "合同.txt"));
            docId = (await s.Db.ContractDocuments.SingleAsync(d => d.ContractId == c.Id)).Id;
        }

        async Task<ContractReview> ReviewAsync()
        {
            await using var s = db.Scope(world.Clerk);
            return await ReviewsOf(s, cache).ReviewDocumentAsync(docId);
        }

        async Task<RuleProfileResult> ChangeAsync(RuleProfileChange change)
        {
            await using var s = db.Scope(world.Supervisor);
            return await ProfilesOf(s, cache).ApplyAsync(world.Region.Id, change);
        }

        var r0 = await ReviewAsync();
        Assert.Equal(lib, r0.RuleSetVersion);
        Assert.Equal("high", Assert.Single(r0.Findings, f => f.RuleId == "CMP-BOND-001").Severity);

        // Raise the bond limit to 20%: 15% no longer hits, and the library's trigger example (15%) is reported as flipped.
        var v1 = await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Parameters, "CMP-BOND-001",
            Parameters: new Dictionary<string, decimal> { ["condition/gt"] = 20m }, BaseVersion: 0));
        Assert.Equal(1, v1.State.Version);
        Assert.Equal($"{lib}+440303-v1", v1.State.RuleSetVersion);
        Assert.Contains(v1.Examples, e => e.MustTrigger && !e.Ok);
        var r1 = await ReviewAsync();
        Assert.Equal($"{lib}+440303-v1", r1.RuleSetVersion);
        Assert.DoesNotContain(r1.Findings, f => f.RuleId == "CMP-BOND-001");

        // 12% still hits, lower it again and set the severity to low.
        await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Parameters, "CMP-BOND-001",
            Parameters: new Dictionary<string, decimal> { ["condition/gt"] = 12m }));
        await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Severity, "CMP-BOND-001", Severity: "low", Reason: "本区保证金规定较宽"));
        var r3 = await ReviewAsync();
        Assert.Equal($"{lib}+440303-v3", r3.RuleSetVersion);
        Assert.Equal("low", Assert.Single(r3.Findings, f => f.RuleId == "CMP-BOND-001").Severity);

        // Disabling needs a reason; refused, nothing is written.
        var refused = await Assert.ThrowsAsync<DomainException>(() => ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Disable, "CMP-BOND-001")));
        Assert.True(refused.Errors.ContainsKey("reason"));
        await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Disable, "CMP-BOND-001", Reason: "本区由保证金管理办法另行规定"));
        var r4 = await ReviewAsync();
        Assert.DoesNotContain(r4.Findings, f => f.RuleId == "CMP-BOND-001");

        // A region rule reports its finding with its message and basis.
        var added = await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.AddRule, Rule: SatisfactionRule()));
        Assert.All(added.Examples, e => Assert.True(e.Ok));
        var r5 = await ReviewAsync();
        Assert.Equal($"{lib}+440303-v5", r5.RuleSetVersion);
        var own = Assert.Single(r5.Findings, f => f.RuleId == "R440303-ACC-001");
        Assert.Equal("acceptance", own.ClauseType);
        Assert.Contains("以甲方满意为准", own.Excerpt);
        Assert.Equal("民法典 第五百一十一条", own.Basis);

        // Re-enabling and resetting bring the library rule back as the library has it.
        await ChangeAsync(new RuleProfileChange(RuleProfileChangeKinds.Reset, "CMP-BOND-001"));
        var r6 = await ReviewAsync();
        Assert.Equal("high", Assert.Single(r6.Findings, f => f.RuleId == "CMP-BOND-001").Severity);

        await using (var s = db.Scope(world.Supervisor))
        {
            var history = await ProfilesOf(s, cache).HistoryAsync(world.Region.Id);
            Assert.Equal([6, 5, 4, 3, 2, 1], history.Select(h => h.Version));
            Assert.Equal(["reset", "addRule", "disable", "severity", "parameters", "parameters"], history.Select(h => h.ChangeKind));
            Assert.All(history, h => Assert.Equal(world.Supervisor.Actor, h.CreatedBy));
            Assert.Equal("本区由保证金管理办法另行规定", history[2].Reason);
            var audited = await s.Db.AuditEntries.Where(a => a.EntityType == nameof(RuleProfileVersion)).ToListAsync();
            Assert.Equal(6, audited.Count);
            Assert.All(audited, a => Assert.Equal("insert", a.Action));
        }
    }

    [Theory, BothDatabases]
    public async Task BadRegionRules_AreRefusedWithTheReason_AndWriteNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var cache = new RuleProfileCache(BondLibrary);
        await using var s = db.Scope(world.Supervisor);
        var profiles = ProfilesOf(s, cache);

        async Task<DomainException> Refused(RegionRule rule)
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => profiles.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.AddRule, Rule: rule)));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
            return e;
        }

        var good = SatisfactionRule();
        var catastrophic = await Refused(good with { Match = RegionRuleMatch.Regex, Patterns = ["(满意+)+为准"] });
        Assert.Contains("patterns", catastrophic.Errors.Keys);
        Assert.Contains("(满意+)+为准", catastrophic.Errors["patterns"][0].Zh);
        var backreference = await Refused(good with { Match = RegionRuleMatch.Regex, Patterns = [@"(甲方)\1"] });
        Assert.Contains("回溯", backreference.Errors["patterns"][0].Zh);
        var invalid = await Refused(good with { Match = RegionRuleMatch.Regex, Patterns = ["满意[为准"] });
        Assert.Contains("无效", invalid.Errors["patterns"][0].Zh);
        var noTrigger = await Refused(good with { Patterns = ["甲方认可为准"] });
        Assert.Contains("应触发的示例未触发规则", noTrigger.Errors["examples"][0].Zh);
        var passTriggers = await Refused(good with { Exclude = [], Pass = ["第六条 验收\n验收标准以国家标准为准，最终以甲方满意为准。"] });
        Assert.Contains("不应触发的示例触发了规则", passTriggers.Errors["examples"][0].Zh);
        var badId = await Refused(good with { Id = "CMP-ACC-001" });
        Assert.Contains("R440303-", badId.Errors["id"][0].Zh);
        var noPass = await Refused(good with { Pass = [] });
        Assert.Contains("pass", noPass.Errors.Keys);
        var missing = await Refused(good with { Group = "missing" });
        Assert.Contains("group", missing.Errors.Keys);

        Assert.Equal(0, await s.Db.RuleProfileVersions.CountAsync());
        Assert.Equal(0, await s.Db.AuditEntries.CountAsync(a => a.EntityType == nameof(RuleProfileVersion)));
        Assert.Equal(0, (await profiles.CurrentAsync(world.Region.Id)).Version);

        // The same rule with a safe, bounded regex is accepted.
        var ok = await profiles.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.AddRule,
            Rule: good with { Match = RegionRuleMatch.Regex, Patterns = ["以甲方[^。]{0,4}满意为准"] }));
        Assert.Equal(1, ok.State.Version);
        Assert.Equal("以甲方[^。]{0,4}满意为准", Assert.Single(ok.State.Content.Rules).Patterns[0]);
    }

    [Theory, BothDatabases]
    public async Task OnlyTheRegionsSupervisor_ChangesItsProfile_AndAStaleChangeIsAConflict(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "邻区");
        var cache = new RuleProfileCache(BondLibrary);
        var disable = new RuleProfileChange(RuleProfileChangeKinds.Disable, "CMP-BOND-002", Reason: "本区另有规定");

        await using (var s = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => ProfilesOf(s, cache).ApplyAsync(world.Region.Id, disable))).Kind);
        await using (var s = db.Scope(other.Supervisor))
        {
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => ProfilesOf(s, cache).ApplyAsync(world.Region.Id, disable))).Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => ProfilesOf(s, cache).CurrentAsync(world.Region.Id))).Kind);
        }
        await using (var s = db.Scope(world.Supervisor))
        {
            var p = ProfilesOf(s, cache);
            Assert.Equal(1, (await p.ApplyAsync(world.Region.Id, disable with { BaseVersion = 0 })).State.Version);
            var stale = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id,
                new RuleProfileChange(RuleProfileChangeKinds.Severity, "CMP-BOND-003", Severity: "high", BaseVersion: 0)));
            Assert.Equal(ErrorKind.Conflict, stale.Kind);
            var unknown = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id,
                new RuleProfileChange(RuleProfileChangeKinds.Parameters, "CMP-BOND-001", Parameters: new Dictionary<string, decimal> { ["condition/lt"] = 5 })));
            Assert.Contains("parameters[condition/lt]", unknown.Errors.Keys);
            var percent = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id,
                new RuleProfileChange(RuleProfileChangeKinds.Parameters, "CMP-BOND-001", Parameters: new Dictionary<string, decimal> { ["condition/gt"] = 150 })));
            Assert.Contains("0–100", percent.Errors["parameters[condition/gt]"][0].Zh);
            Assert.Equal(1, await s.Db.RuleProfileVersions.CountAsync());
        }
        // The other region's reviews still use the library as it is.
        await using (var s = db.Scope(other.Supervisor))
        {
            var state = await ProfilesOf(s, cache).CurrentAsync(other.Region.Id);
            Assert.Equal(0, state.Version);
            Assert.Equal(cache.Library.Version, state.RuleSetVersion);
            Assert.Contains((await ProfilesOf(s, cache).EffectiveAsync(other.Region.Id)).Rules, r => r.Id == "CMP-BOND-002");
        }
    }

    [Theory, BothDatabases]
    public async Task ARegionRule_IsUpdatedAndRemovedAsVersions_AndAnAddWithATakenIdIsRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var cache = new RuleProfileCache(BondLibrary);
        await using var s = db.Scope(world.Supervisor);
        var p = ProfilesOf(s, cache);
        var rule = SatisfactionRule();
        await p.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.AddRule, Rule: rule));

        var taken = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.AddRule, Rule: rule)));
        Assert.Contains("id", taken.Errors.Keys);
        var notThere = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id,
            new RuleProfileChange(RuleProfileChangeKinds.UpdateRule, Rule: rule with { Id = "R440303-ACC-009" })));
        Assert.Contains("id", notThere.Errors.Keys);
        var libraryRule = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id,
            new RuleProfileChange(RuleProfileChangeKinds.Disable, "R440303-ACC-001", Reason: "x")));
        Assert.Contains("ruleId", libraryRule.Errors.Keys);

        var updated = await p.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.UpdateRule,
            Rule: rule with { Severity = "high", MessageZh = "验收标准主观，须改为客观标准。", Patterns = ["甲方满意为准", "甲方认可为准"] }));
        Assert.Equal(2, updated.State.Version);
        var set = await p.EffectiveAsync(updated.State);
        var compiled = set.Rules.Single(r => r.Id == "R440303-ACC-001");
        Assert.Equal("high", compiled.Severity);
        Assert.Equal("验收标准主观，须改为客观标准。", compiled.Message.Zh);
        Assert.Single(set.ReviewText("第六条 验收\n验收标准以甲方认可为准。").Hits, h => h.RuleId == "R440303-ACC-001");

        var noReason = await Assert.ThrowsAsync<DomainException>(() => p.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.RemoveRule, "R440303-ACC-001")));
        Assert.Contains("reason", noReason.Errors.Keys);
        var removed = await p.ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.RemoveRule, "R440303-ACC-001", "并入单位验收办法"));
        Assert.Empty(removed.State.Content.Rules);
        Assert.DoesNotContain((await p.EffectiveAsync(world.Region.Id)).Rules, r => r.Id == "R440303-ACC-001");
        Assert.Equal(3, await s.Db.RuleProfileVersions.CountAsync());
        Assert.Equal("删除本区规则 R440303-ACC-001：并入单位验收办法", (await p.HistoryAsync(world.Region.Id))[0].SummaryZh);
    }

    [Theory, BothDatabases]
    public async Task UploadAfterAProfileChange_IsReviewedWithTheRegionsEffectiveRuleSet(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var s = db.Scope(world.Supervisor))
            await s.Get<RuleProfileService>().ApplyAsync(world.Region.Id, new RuleProfileChange(RuleProfileChangeKinds.Disable, "CMP-BOND-001", Reason: "另行规定"));
        await using (var s = db.Scope(world.Clerk))
        {
            var c = await s.Filing.CreateAsync(world.Input("JY-2026-402"), [TestFiles.Txt(Contract, "合同.txt")]);
            var view = await s.Get<ContractReviewService>().LatestAsync(c.Id);
            Assert.NotNull(view);
            Assert.EndsWith("+440303-v1", view.Review.RuleSetVersion);
            Assert.StartsWith(Lvyue.Review.Rules.RuleLibrary.Default.Version, view.Review.RuleSetVersion);
            Assert.DoesNotContain(view.Review.Findings, f => f.RuleId == "CMP-BOND-001");
            Assert.Contains(view.Review.Findings, f => f.Group == "missing");
        }
    }
}
