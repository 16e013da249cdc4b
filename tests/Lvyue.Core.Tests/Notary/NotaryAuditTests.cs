using Lvyue.Notary;
using Lvyue.Testing;

namespace Lvyue.Tests.Notary;

/// <summary>
/// <see cref="NotaryAudit"/> on SQLite and PostgreSQL: an untouched log is clean; a leaf's data, a subtree hash or a
/// checkpoint changed by raw SQL behind the application's back is found and attributed to its leaf, event kind and
/// contract (or checkpoint); and <see cref="NotaryGrowth"/> proves growth between stored sizes.
/// </summary>
public sealed class NotaryAuditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
    private static readonly NoteSigner Signer = NoteSigner.Generate("lvyue.example/notary", NoteAlgorithm.Ed25519);

    private static NotaryEvent Event(int i) => new(i % 2 == 0 ? "document.stored" : "payment.made", 500 + i % 5, T0.AddSeconds(i),
        new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))) });

    // A log of 37 leaves with checkpoints at 10, 20 and 37 leaves.
    private static async Task<TestDatabase> LogAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var log = s.Get<NotaryLog>();
        for (var i = 0; i < 37; i++)
        {
            await log.AppendAsync(Event(i));
            if (i + 1 is 10 or 20 or 37) await log.CheckpointAsync(Signer);
        }
        return db;
    }

    private static async Task<NotaryAuditReport> AuditAsync(TestDatabase db, int batchSize = 8)
    {
        await using var s = db.AsSystem();
        return await s.Get<NotaryAudit>().RunAsync(new NoteVerifierSet(Signer.Verifier), batchSize);
    }

    [Theory, BothDatabases]
    public async Task AnUntouchedLogIsClean(string provider)
    {
        await using var db = await LogAsync(provider);
        foreach (var batch in new[] { 1, 8, 10_000 })
        {
            var report = await AuditAsync(db, batch);
            Assert.True(report.IsClean, string.Join("\n", report.Problems.Select(p => p.Message)));
            Assert.Equal(37, report.LeavesChecked);
            Assert.Equal(3, report.CheckpointsChecked);
            Assert.Equal(37 + 18 + 9 + 4 + 2 + 1, report.NodesChecked);
        }
        await using var empty = await TestDatabase.CreateAsync(provider);
        await using var s = empty.AsSystem();
        Assert.True((await s.Get<NotaryAudit>().RunAsync()).IsClean);
    }

    [Theory, BothDatabases]
    public async Task AChangedLeafDataIsFoundWithItsKindAndContract(string provider)
    {
        await using var db = await LogAsync(provider);
        await db.ExecuteAsync("UPDATE \"NotaryLeaves\" SET \"Data\" = REPLACE(\"Data\", 'payment.made', 'payment.void') WHERE \"Index\" = 13");
        var report = await AuditAsync(db);
        Assert.False(report.IsClean);
        var leaf = Assert.Single(report.Problems, p => p.Kind == NotaryAuditProblemKind.LeafHash);
        Assert.Equal(13, leaf.LeafIndex);
        Assert.Equal("payment.made", leaf.LeafKind);
        Assert.Equal(500 + 13 % 5, leaf.ContractId);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.Node && p.NodeLevel == 0 && p.LeafIndex == 13);
        // The checkpoints after leaf 13 no longer match the tree the leaves give; the one before still does.
        Assert.Equal(2, report.Problems.Count(p => p.Kind == NotaryAuditProblemKind.CheckpointRoot));
    }

    [Theory, BothDatabases]
    public async Task ChangedLeafColumnsOrADeletedLeafAreFound(string provider)
    {
        await using var db = await LogAsync(provider);
        await db.ExecuteAsync("UPDATE \"NotaryLeaves\" SET \"ContractId\" = 1 WHERE \"Index\" = 4");
        await db.ExecuteAsync("UPDATE \"NotaryLeaves\" SET \"Kind\" = 'payment.void' WHERE \"Index\" = 7");
        var report = await AuditAsync(db);
        Assert.Equal(2, report.ProblemCount);
        Assert.All(report.Problems, p => Assert.Equal(NotaryAuditProblemKind.LeafColumns, p.Kind));
        Assert.Equal([4L, 7L], report.Problems.Select(p => p.LeafIndex!.Value));
        Assert.Contains("leaf data is of contract 504", report.Problems[0].Message);

        await db.ExecuteAsync("DELETE FROM \"NotaryLeaves\" WHERE \"Index\" = 30");
        report = await AuditAsync(db);
        var missing = Assert.Single(report.Problems, p => p.Kind == NotaryAuditProblemKind.MissingLeaf);
        Assert.Equal(30, missing.LeafIndex);
        Assert.Equal(30, report.LeavesChecked);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.CheckpointBeyondLog);
    }

    [Theory, BothDatabases]
    public async Task AChangedSubtreeHashIsFound(string provider)
    {
        await using var db = await LogAsync(provider);
        var zero = db.IsPostgres ? "'\\x" + new string('0', 64) + "'::bytea" : "X'" + new string('0', 64) + "'";
        await db.ExecuteAsync($"UPDATE \"NotaryNodes\" SET \"Hash\" = {zero} WHERE \"Level\" = 0 AND \"Index\" = 22");
        await db.ExecuteAsync($"UPDATE \"NotaryNodes\" SET \"Hash\" = {zero} WHERE \"Level\" = 3 AND \"Index\" = 1");
        var report = await AuditAsync(db);
        Assert.Equal(2, report.ProblemCount);
        var leaf = Assert.Single(report.Problems, p => p.NodeLevel == 0);
        Assert.Equal((NotaryAuditProblemKind.Node, 22L, "document.stored", 502L), (leaf.Kind, leaf.LeafIndex!.Value, leaf.LeafKind, leaf.ContractId!.Value));
        var interior = Assert.Single(report.Problems, p => p.NodeLevel == 3);
        Assert.Equal(1, interior.NodeIndex);
        Assert.Contains("leaves 8–15", interior.Message);
    }

    [Theory, BothDatabases]
    public async Task AChangedCheckpointIsFound(string provider)
    {
        await using var db = await LogAsync(provider);
        long id;
        await using (var s = db.AsSystem())
            id = s.Db.NotaryCheckpoints.Where(c => c.TreeSize == 20).Select(c => c.Id).Single();
        await db.ExecuteAsync($"UPDATE \"NotaryCheckpoints\" SET \"TreeSize\" = 21 WHERE \"Id\" = {id}");
        var report = await AuditAsync(db);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.CheckpointRoot && p.CheckpointId == id);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.CheckpointNote && p.CheckpointId == id);

        await db.ExecuteAsync($"UPDATE \"NotaryCheckpoints\" SET \"TreeSize\" = 20, \"Note\" = REPLACE(\"Note\", '\n20\n', '\n19\n') WHERE \"Id\" = {id}");
        report = await AuditAsync(db);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.CheckpointSignature && p.CheckpointId == id);
        Assert.Contains(report.Problems, p => p.Kind == NotaryAuditProblemKind.CheckpointNote && p.CheckpointId == id);
        Assert.DoesNotContain(report.Problems, p => p.CheckpointId != id);
    }

    [Theory, BothDatabases]
    public async Task GrowthProofsFromTheStoredLogVerify(string provider)
    {
        await using var db = await LogAsync(provider);
        await using var s = db.AsSystem();
        var growth = s.Get<NotaryGrowth>();
        var log = s.Get<NotaryLog>();
        foreach (var (a, b) in new[] { (1L, 37L), (10L, 20L), (20L, 37L), (16L, 32L), (37L, 37L) })
        {
            var proof = await growth.ProveGrowthAsync(a, b);
            Assert.Equal(await log.RootAsync(a), proof.Root1);
            Assert.Equal(await log.RootAsync(b), proof.Root2);
            Assert.True(proof.Verify().IsValid, $"{a}→{b}: {proof.Verify()}");
        }
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => growth.ProveGrowthAsync(10, 38));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => growth.ProveGrowthAsync(0, 10));
    }
}
