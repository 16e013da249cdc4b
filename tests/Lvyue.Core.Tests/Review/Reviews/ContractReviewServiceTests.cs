using Lvyue.Common;
using Lvyue.Review.Reviews;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Review.Reviews;

/// <summary>Reviews stored with the contract: run on upload, answered, re-run on a new version (new, carried over, resolved).</summary>
public sealed class ContractReviewServiceTests
{
    /// <summary>A short contract whose performance bond is 15% of the amount (over the 10% of 实施条例 art. 48).</summary>
    public const string BondOver10 = "物业管理服务合同\n甲方：示范区教育局\n乙方：示范区鹏城物业管理有限公司\n第一条 合同金额\n合同总金额为人民币50000元。\n"
                                     + "第五条 履约保证金\n乙方应在合同签订后5日内向甲方缴纳合同金额15%的履约保证金，合同履行完毕后无息退还。\n";

    /// <summary>The same contract with the bond at 5%.</summary>
    public static readonly string BondFixed = BondOver10.Replace("15%", "5%", StringComparison.Ordinal);

    [Theory, BothDatabases]
    public async Task Upload_StoresABondHit_DismissalNeedsAReason_AndAFixedVersionResolvesIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        long contractId, findingId;
        await using (var s = db.Scope(world.Clerk))
        {
            var c = await s.Filing.CreateAsync(world.Input("JY-2026-101"));
            contractId = c.Id;
            await s.Filing.AddDocumentAsync(c.Id, TestFiles.Txt(BondOver10, "合同.txt"));
        }

        await using (var s = db.Scope(world.Clerk))
        {
            var view = await s.Get<ContractReviewService>().LatestAsync(contractId);
            Assert.NotNull(view);
            var review = view.Review;
            Assert.Null(review.Error);
            Assert.Equal(Lvyue.Review.Rules.RuleLibrary.Default.Version, review.RuleSetVersion);
            var bond = Assert.Single(review.Findings, f => f.RuleId == "CMP-BOND-001");
            Assert.Equal("compliance", bond.Group);
            Assert.Equal("high", bond.Severity);
            Assert.Contains("15%", bond.Excerpt);
            Assert.Equal(bond.Excerpt, review.Text[bond.Start!.Value..bond.End!.Value]);
            Assert.Equal(FindingDisposition.Open, bond.Disposition);
            Assert.False(bond.CarriedOver);
            Assert.Equal(1, review.ComplianceCount);
            Assert.Equal(review.Findings.Count(f => f.Group == "missing"), review.MissingCount);
            Assert.Empty(view.Resolved);
            findingId = bond.Id;

            var e = await Assert.ThrowsAsync<DomainException>(() =>
                s.Get<ContractReviewService>().DecideAsync(contractId, findingId, FindingDisposition.Dismissed, "  "));
            Assert.Equal(ErrorKind.Invalid, e.Kind);
            Assert.True(e.Errors.ContainsKey("reason"));
        }

        await using (var s = db.Scope(world.Clerk))
        {
            Assert.Equal(FindingDisposition.Open, (await s.Db.ReviewFindings.SingleAsync(f => f.Id == findingId)).Disposition);
            var decided = await s.Get<ContractReviewService>().DecideAsync(contractId, findingId, FindingDisposition.Dismissed, "保证金比例经财政局同意");
            Assert.Equal(FindingDisposition.Dismissed, decided.Disposition);
            Assert.Equal(world.Clerk.Actor, decided.DecidedBy);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, decided.DecidedAt);
        }

        // Another unit's clerk neither sees nor answers the review.
        await using (var s = db.Scope(world.OtherClerk))
        {
            await Assert.ThrowsAsync<DomainException>(() => s.Get<ContractReviewService>().LatestAsync(contractId));
            await Assert.ThrowsAsync<DomainException>(() =>
                s.Get<ContractReviewService>().DecideAsync(contractId, findingId, FindingDisposition.Accepted, null));
            Assert.Empty(await s.Db.ReviewFindings.ToListAsync());
        }

        // The supplier of the contract does not read the purchaser's review.
        await using (var s = db.Scope(world.SupplierLogin))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<ContractReviewService>().LatestAsync(contractId));
            Assert.True(e.Kind is ErrorKind.Forbidden or ErrorKind.NotFound);
        }

        await using (var s = db.Scope(world.Clerk))
            await s.Filing.AddDocumentAsync(contractId, TestFiles.Txt(BondFixed, "合同.txt"));

        await using (var s = db.Scope(world.Clerk))
        {
            var view = await s.Get<ContractReviewService>().LatestAsync(contractId);
            Assert.NotNull(view);
            Assert.Equal(2, view.Review.VersionNo);
            Assert.NotNull(view.Review.PreviousReviewId);
            Assert.DoesNotContain(view.Review.Findings, f => f.RuleId == "CMP-BOND-001");
            Assert.Equal(0, view.Review.ComplianceCount);
            var resolved = Assert.Single(view.Resolved);
            Assert.Equal("CMP-BOND-001", resolved.RuleId);
            Assert.Equal(FindingDisposition.Dismissed, resolved.Disposition);
            // The missing clauses are the same ones: carried over, not new.
            Assert.NotEmpty(view.Review.Findings);
            Assert.All(view.Review.Findings, f => Assert.True(f.CarriedOver, f.RuleId));
            Assert.Equal(2, await s.Db.ContractReviews.CountAsync(r => r.ContractId == contractId));
        }
    }

    [Theory, BothDatabases]
    public async Task Filing_WithADocument_ReviewsIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var c = await s.Filing.CreateAsync(world.Input("JY-2026-103"), [TestFiles.Txt(BondOver10, "合同.txt")]);

        var view = await s.Get<ContractReviewService>().LatestAsync(c.Id);
        Assert.NotNull(view);
        Assert.Equal(Assert.Single(c.Documents).Id, view.Review.DocumentId);
        Assert.Contains(view.Review.Findings, f => f.RuleId == "CMP-BOND-001");
    }

    [Theory, BothDatabases]
    public async Task Upload_OfAFileWithNoText_StoresAReportSayingItCouldNotBeRead(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input("JY-2026-102"));

        await s.Filing.AddDocumentAsync(c.Id, TestFiles.Txt(" \n \n", "空白.txt"));

        var view = await s.Get<ContractReviewService>().LatestAsync(c.Id);
        Assert.NotNull(view);
        Assert.NotNull(view.Review.Error);
        Assert.Empty(view.Review.Findings);
    }
}
