using Lvyue.Common;
using Lvyue.Review.Profiles;
using Lvyue.Review.Reviews;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Review.Profiles.ProfileFixtures;

namespace Lvyue.Tests.Review.Profiles;

/// <summary>The dismissal rate per rule over a region's reviews: how a noisy rule is found.</summary>
public sealed class RuleHitStatisticsTests
{
    [Theory, BothDatabases]
    public async Task DismissalRate_IsDismissedOverAnswered_AndACarriedOverFindingIsNotASecondHit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "邻区");
        var ids = new List<long>();
        await using (var s = db.Scope(world.Clerk))
            for (var i = 0; i < 4; i++)
                ids.Add((await s.Filing.CreateAsync(world.Input($"JY-2026-50{i}"), [TestFiles.Txt(Contract, "合同.txt")])).Id);
        await using (var s = db.Scope(other.Clerk))
            await s.Filing.CreateAsync(other.Input("JY-2026-599"), [TestFiles.Txt(Contract, "合同.txt")]);

        async Task DecideAsync(long contractId, FindingDisposition d)
        {
            await using var s = db.Scope(world.Clerk);
            var reviews = s.Get<ContractReviewService>();
            var view = await reviews.LatestAsync(contractId);
            var f = view!.Review.Findings.Single(x => x.RuleId == "CMP-BOND-001");
            await reviews.DecideAsync(contractId, f.Id, d, d == FindingDisposition.Dismissed ? "本单位另有约定" : null);
        }

        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await DecideAsync(ids[0], FindingDisposition.Dismissed);
        await DecideAsync(ids[1], FindingDisposition.Dismissed);
        await DecideAsync(ids[2], FindingDisposition.Accepted);
        // ids[3] stays open. A new version of ids[0] carries its dismissed finding over: not a new hit, not a new answer.
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var s = db.Scope(world.Clerk))
            await s.Filing.AddDocumentAsync(ids[0], TestFiles.Txt(Contract + "第九条 其他\n本合同一式四份。\n", "合同.txt"));

        await using (var s = db.Scope(world.Supervisor))
        {
            var stats = await RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id);
            var bond = Assert.Single(stats, x => x.RuleId == "CMP-BOND-001");
            Assert.Equal(4, bond.Hits);
            Assert.Equal(1, bond.Accepted);
            Assert.Equal(2, bond.Dismissed);
            Assert.Equal(0.6667m, bond.DismissalRate);
            Assert.All(stats.Where(x => x.Decided == 0), x => Assert.Null(x.DismissalRate));
        }

        // An answer given on the carried-over finding after the new review counts (the reviewer changed their mind).
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await DecideAsync(ids[0], FindingDisposition.Accepted);
        await using (var s = db.Scope(world.Supervisor))
        {
            var bond = Assert.Single(await RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id), x => x.RuleId == "CMP-BOND-001");
            Assert.Equal((4, 2, 2), (bond.Hits, bond.Accepted, bond.Dismissed));
            Assert.Equal(0.5m, bond.DismissalRate);
            // Since a later instant: only the second version's review is counted (its carried-over hit is no new hit, its answer is).
            var later = await RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id, db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-7));
            var recent = Assert.Single(later, x => x.RuleId == "CMP-BOND-001");
            Assert.Equal((0, 1, 0), (recent.Hits, recent.Accepted, recent.Dismissed));
            Assert.Empty(await RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id, db.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        }

        // The other region's review is not counted, and its supervisor cannot read these numbers.
        await using (var s = db.Scope(other.Supervisor))
        {
            Assert.Equal(1, Assert.Single(await RuleHitStatistics.ForRegionAsync(s.Db, other.Region.Id), x => x.RuleId == "CMP-BOND-001").Hits);
            await Assert.ThrowsAsync<DomainException>(() => RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id));
        }
        await using (var s = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => RuleHitStatistics.ForRegionAsync(s.Db, world.Region.Id))).Kind);
        Assert.True(await db.AsSystem().Db.ReviewFindings.AnyAsync(f => f.CarriedOver && f.RuleId == "CMP-BOND-001"));
    }
}
