using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Jobs;
using Lvyue.Review.Batch;
using Lvyue.Review.Reviews;
using Lvyue.Review.Rules;
using Lvyue.Testing;
using Lvyue.Tests.Review.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Review.Batch;

/// <summary>
/// The re-review of a region's archive after a rule change: current document versions only, in chunks carried on by
/// the job table (one instance can take over from another), with progress and the findings that changed; supervisors
/// only, one batch per region at a time, cancellable.
/// </summary>
public sealed class ReviewBatchTests
{
    /// <summary>The rule set "after the change": one rule that flags an interest-free bond refund, none of the library's.</summary>
    private static readonly RuleSet Changed = RuleLibrary.Load([new RuleFile("compliance/test-batch.yaml", """
        group: general
        severity: medium
        rules:
          - id: GEN-TEST-901
            condition: {text: [无息退还]}
            message: {zh: 保证金无息退还。, en: The bond is refunded without interest.}
            examples:
              trigger: ["合同履行完毕后无息退还。"]
              pass: ["合同履行完毕后退还。"]
        """)]);

    /// <summary>A background instance whose reviews use <see cref="Changed"/> (the rule set in force after the change).</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        public Instance(TestDatabase db)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(db.Clock);
            services.AddLvyueCore(db.Options, db.FileStoreRoot);
            services.AddScoped<ITenantContext>(_ => new FixedTenantContext(TenantScope.None("nobody")));
            services.AddLvyueJobs(new JobOptions());
            services.AddJobTenantOverride();
            services.AddSingleton(Changed);
            _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        public JobWorker Worker => _services.GetRequiredService<JobWorker>();

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }

    private static async Task<long> FileAsync(TestDatabase db, TestWorld world, string number, params string[] versions)
    {
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input(number));
        foreach (var text in versions) await s.Filing.AddDocumentAsync(c.Id, TestFiles.Txt(text, "合同.txt"));
        return c.Id;
    }

    [Theory, BothDatabases]
    public async Task A_batch_rereviews_the_current_versions_in_chunks_and_counts_what_changed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "邻区");
        var a = await FileAsync(db, world, "JY-2026-201", ContractReviewServiceTests.BondOver10);
        var b = await FileAsync(db, world, "JY-2026-202", ContractReviewServiceTests.BondOver10, ContractReviewServiceTests.BondFixed);
        var c = await FileAsync(db, world, "JY-2026-203", ContractReviewServiceTests.BondFixed);
        await FileAsync(db, other, "LQ-2026-001", ContractReviewServiceTests.BondOver10);

        int findingsBefore;
        await using (var s = db.AsSystem())
        {
            var latest = new List<long>();
            foreach (var id in new[] { a, b, c })
                latest.Add(await s.Db.ContractReviews.Where(r => r.ContractId == id).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
            findingsBefore = await s.Db.ReviewFindings.CountAsync(f => latest.Contains(f.ReviewId));
            Assert.True(findingsBefore > 3);
            Assert.Equal(0, await s.Db.ReviewFindings.CountAsync(f => f.RuleId == "GEN-TEST-901"));
        }

        // Only the region's supervisor starts a batch.
        await using (var s = db.Scope(world.Clerk))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<ReviewBatchService>().StartAsync("规则更新"));
            Assert.Equal(ErrorKind.Forbidden, e.Kind);
        }
        long batchId;
        await using (var s = db.Scope(world.Supervisor))
        {
            var batch = await s.Get<ReviewBatchService>().StartAsync("  规则库更新后重新审查  ", chunkSize: 2);
            batchId = batch.Id;
            Assert.Equal(3, batch.Total); // b's first version is not current; the other region's contract is not ours
            Assert.Equal(ReviewBatchStatus.Queued, batch.Status);
            Assert.Equal("规则库更新后重新审查", batch.Note);
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<ReviewBatchService>().StartAsync(null));
            Assert.Equal(ErrorKind.Conflict, e.Kind);
        }
        await using (var s = db.Scope(other.Supervisor))
        {
            Assert.Empty(await s.Get<ReviewBatchService>().ListAsync());
            await Assert.ThrowsAsync<DomainException>(() => s.Get<ReviewBatchService>().GetAsync(batchId));
        }

        // The first chunk on one instance, the rest on another: the progress lives in the database.
        await using (var first = new Instance(db))
            Assert.True(await first.Worker.RunOnceAsync());
        await using (var s = db.Scope(world.Supervisor))
        {
            var batch = await s.Get<ReviewBatchService>().GetAsync(batchId);
            Assert.Equal(ReviewBatchStatus.Running, batch.Status);
            Assert.Equal(2, batch.Done);
            Assert.Equal(66, batch.Percent);
            Assert.Equal(1, await s.Db.Jobs.CountAsync(j => j.Kind == ReviewBatchJob.JobKind && j.Status == JobStatus.Pending));
        }
        await using (var second = new Instance(db))
        {
            Assert.Equal(1, await second.Worker.RunDueAsync());
            Assert.False(await second.Worker.RunOnceAsync());
        }

        await using (var s = db.Scope(world.Supervisor))
        {
            var batch = await s.Get<ReviewBatchService>().GetAsync(batchId);
            Assert.Equal(ReviewBatchStatus.Done, batch.Status);
            Assert.Equal(3, batch.Done);
            Assert.Equal(3, batch.Changed);
            Assert.Equal(3, batch.FindingsAdded);
            Assert.Equal(findingsBefore, batch.FindingsResolved);
            Assert.Equal(0, batch.Unreadable);
            Assert.Equal(Changed.Version, batch.RuleSetVersion);
            Assert.NotNull(batch.StartedAt);
            Assert.NotNull(batch.FinishedAt);
        }
        await using (var s = db.AsSystem())
        {
            foreach (var id in new[] { a, b, c })
            {
                var review = await s.Db.ContractReviews.Include(r => r.Findings).Where(r => r.ContractId == id).OrderByDescending(r => r.Id).FirstAsync();
                Assert.Equal(Changed.Version, review.RuleSetVersion);
                Assert.Equal(JobWorker.Actor, review.ReviewedBy);
                Assert.Equal("GEN-TEST-901", Assert.Single(review.Findings).RuleId);
            }
            // The other region's contract was not re-reviewed.
            Assert.Equal(3, await s.Db.ContractReviews.CountAsync(r => r.RuleSetVersion == Changed.Version));
        }

        // Running it again over an unchanged archive changes nothing, and an answered finding keeps its answer.
        await using (var s = db.Scope(world.Clerk))
        {
            var finding = await s.Db.ReviewFindings.Where(f => f.ContractId == a).OrderByDescending(f => f.Id).FirstAsync();
            await s.Get<ContractReviewService>().DecideAsync(a, finding.Id, FindingDisposition.Dismissed, "保证金无息退还符合招标文件");
        }
        await using (var s = db.Scope(world.Supervisor))
            batchId = (await s.Get<ReviewBatchService>().StartAsync(null)).Id;
        await using (var again = new Instance(db))
            Assert.Equal(1, await again.Worker.RunDueAsync());
        await using (var s = db.Scope(world.Supervisor))
        {
            var batch = await s.Get<ReviewBatchService>().GetAsync(batchId);
            Assert.Equal((ReviewBatchStatus.Done, 3, 0, 0, 0), (batch.Status, batch.Done, batch.Changed, batch.FindingsAdded, batch.FindingsResolved));
            Assert.Equal(2, (await s.Get<ReviewBatchService>().ListAsync()).Count);
            var latest = await s.Get<ContractReviewService>().LatestAsync(a);
            Assert.NotNull(latest);
            var kept = Assert.Single(latest.Review.Findings);
            Assert.True(kept.CarriedOver);
            Assert.Equal(FindingDisposition.Dismissed, kept.Disposition);
            Assert.Equal("保证金无息退还符合招标文件", kept.Reason);
            Assert.Empty(latest.Resolved);
        }
    }

    [Theory, BothDatabases]
    public async Task A_cancelled_batch_stops_and_another_may_start(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await FileAsync(db, world, "JY-2026-301", ContractReviewServiceTests.BondOver10);
        await FileAsync(db, world, "JY-2026-302", ContractReviewServiceTests.BondFixed);

        long batchId;
        await using (var s = db.Scope(world.Supervisor))
        {
            batchId = (await s.Get<ReviewBatchService>().StartAsync("取消测试", chunkSize: 1)).Id;
            var cancelled = await s.Get<ReviewBatchService>().CancelAsync(batchId);
            Assert.Equal(ReviewBatchStatus.Cancelled, cancelled.Status);
            var e = await Assert.ThrowsAsync<DomainException>(() => s.Get<ReviewBatchService>().CancelAsync(batchId));
            Assert.Equal(ErrorKind.Conflict, e.Kind);
        }
        await using (var instance = new Instance(db))
            Assert.Equal(1, await instance.Worker.RunDueAsync());
        await using (var s = db.Scope(world.Supervisor))
        {
            var batch = await s.Get<ReviewBatchService>().GetAsync(batchId);
            Assert.Equal((ReviewBatchStatus.Cancelled, 0), (batch.Status, batch.Done));
            Assert.Equal(0, await s.Db.ContractReviews.CountAsync(r => r.RuleSetVersion == Changed.Version));
            var next = await s.Get<ReviewBatchService>().StartAsync(null);
            Assert.Equal(2, next.Total);
            var bad = await Assert.ThrowsAsync<DomainException>(() => s.Get<ReviewBatchService>().StartAsync(new string('长', 501)));
            Assert.Equal(ErrorKind.Invalid, bad.Kind);
        }
    }
}
