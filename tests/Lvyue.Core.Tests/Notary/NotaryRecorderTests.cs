using System.Security.Cryptography;
using System.Text;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Files;
using Lvyue.Notary;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Notary;

/// <summary>
/// Key events of filing reach the notarization log in the transaction of the business write: filing, every
/// document version (with its SHA-256 and SM3), approval decisions and status changes; a write that fails or
/// rolls back leaves no leaf; receipts of the events verify with the platform's keys.
/// </summary>
public sealed class NotaryRecorderTests
{
    private static readonly NotaryKeyRing Keys = new(NotaryLog.DefaultOrigin,
        [NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519), NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Sm2)]);

    private static async Task<List<NotaryLeaf>> LeavesAsync(TestDatabase db)
    {
        await using var s = db.AsSystem();
        return await s.Db.NotaryLeaves.AsNoTracking().OrderBy(l => l.Index).ToListAsync();
    }

    [Theory, BothDatabases]
    public async Task Filing_RecordsEveryKeyEventWithTheDocumentDigests(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        // Complete texts: approval waits for answers to high-severity review findings, and these have none.
        var v1 = TestFiles.TextBytes(TestFiles.CleanContract + "（第一稿）\n");
        var v2 = TestFiles.TextBytes(TestFiles.CleanContract + "（第二稿）\n");
        long id;
        await using (var clerk = db.Scope(world.Clerk))
        {
            var c = await clerk.Filing.CreateAsync(world.Input("JY-2026-001"), [new UploadedDocument("合同.txt", new MemoryStream(v1))]);
            id = c.Id;
            await clerk.Filing.AddDocumentAsync(id, new UploadedDocument("合同.txt", new MemoryStream(v2)));
            await clerk.Filing.SubmitAsync(id);
        }
        await using (var leader = db.Scope(world.Leader))
        {
            var task = await leader.Db.ApprovalTasks.SingleAsync(t => t.ContractId == id);
            await leader.Filing.ApproveAsync(task.Id, "同意");
        }
        await using (var clerk = db.Scope(world.Clerk))
            await clerk.Filing.ChangeStatusAsync(id, ContractStatus.Performing, null);

        var leaves = await LeavesAsync(db);
        Assert.Equal(
            [NotaryKinds.DocumentStored, NotaryKinds.DocumentStored, NotaryKinds.ContractSubmitted, NotaryKinds.FilingApproved, NotaryKinds.StatusChanged],
            leaves.Select(l => l.Kind));
        Assert.All(leaves, l => Assert.Equal(id, l.ContractId));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), leaves.Select(l => l.Index));
        var events = leaves.Select(l => NotaryEvent.Parse(Encoding.UTF8.GetBytes(l.Data))).ToList();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v1)), events[0].Digests["sha256"]);
        Assert.Equal(FileStore.Sm3Hex(v1), events[0].Digests["sm3"]);
        Assert.Equal("1", events[0].Attributes["version"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v2)), events[1].Digests["sha256"]);
        Assert.Equal("2", events[1].Attributes["version"]);
        Assert.Equal("Filed", events[3].Attributes["to"]);
        Assert.Equal(("Filed", "Performing"), (events[4].Attributes["from"], events[4].Attributes["to"]));
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, leaves[4].At);
        // No confidential content in a leaf: no title, number, file name or note.
        Assert.All(leaves, l => Assert.DoesNotContain("JY-2026", l.Data));
        Assert.All(leaves, l => Assert.DoesNotContain("\\u5408", l.Data)); // 合 of 合同.txt and the title
    }

    [Theory, BothDatabases]
    public async Task Recording_RollsBackWithTheBusinessWrite(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        long id;
        await using (var clerk = db.Scope(world.Clerk))
            id = (await clerk.Filing.CreateAsync(world.Input("JY-2026-001"), [TestFiles.Txt()])).Id;
        var before = await LeavesAsync(db);

        await using (var clerk = db.Scope(world.Clerk))
        {
            await using var tx = await clerk.Db.Database.BeginTransactionAsync();
            await clerk.Filing.SubmitAsync(id);
            Assert.Equal(before.Count + 1, await clerk.Db.NotaryLeaves.CountAsync());
            await tx.RollbackAsync();
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            // A refused transition records nothing either.
            await Assert.ThrowsAsync<DomainException>(() => clerk.Filing.ChangeStatusAsync(id, ContractStatus.Completed, null));
        }

        Assert.Equal(before.Select(l => l.Index), (await LeavesAsync(db)).Select(l => l.Index));
        await using var check = db.AsSystem();
        Assert.Equal(ContractStatus.Draft, (await check.Db.Contracts.SingleAsync(c => c.Id == id)).Status);
        Assert.Equal(0, await check.Db.NotaryLeafDigests.CountAsync(d => d.LeafIndex >= before.Count));
    }

    [Theory, BothDatabases]
    public async Task Recorder_RefusesABadEventBeforeAnythingIsWrittenAndAppendsEventsWithoutAContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        var recorder = s.Get<INotaryRecorder>();

        Assert.Throws<ArgumentException>(() => recorder.Record("Contract Filed", 1));
        Assert.Throws<ArgumentException>(() => recorder.Record("inspection.result", 1, NotaryPayload.Of(("Bad Name", "x"))));
        recorder.Record("inspection.result", (long?)null, NotaryPayload.Of(("outcome", "pass")));
        await s.Db.SaveChangesAsync();

        var leaf = Assert.Single(await LeavesAsync(db));
        Assert.Equal("inspection.result", leaf.Kind);
        Assert.Null(leaf.ContractId);
    }

    [Theory, BothDatabases]
    public async Task Documents_AreFoundByEitherDigestAndTheirReceiptsVerifyWithThePlatformKeys(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var bytes = TestFiles.TextBytes("物业管理服务合同 正式文本");
        await using (var clerk = db.Scope(world.Clerk))
            await clerk.Filing.CreateAsync(world.Input("JY-2026-001"), [new UploadedDocument("合同.txt", new MemoryStream(bytes))]);
        await using var s = db.AsSystem();
        var checkpointer = new NotaryCheckpointer(s.Get<NotaryLog>(), Keys);
        var lookup = new NotaryLookup(s.Db, checkpointer, Keys);

        var bySha = Assert.Single(await lookup.FindByDigestAsync(Convert.ToHexString(SHA256.HashData(bytes))));
        var bySm3 = Assert.Single(await lookup.FindByDigestAsync(FileStore.Sm3Hex(bytes)));
        Assert.Empty(await lookup.FindByDigestAsync(Convert.ToHexStringLower(SHA256.HashData([.. bytes, 0x20]))));

        Assert.Equal((bySha.Index, "sha256", "sm3"), (bySm3.Index, bySha.MatchedAlgorithm, bySm3.MatchedAlgorithm));
        Assert.Equal(NotaryKinds.DocumentStored, bySha.Kind);
        // No checkpoint covers the leaf yet: checking signs one (with both keys) and verifies the receipt offline.
        var check = await lookup.CheckAsync(bySha);
        Assert.True(check.Verdict.IsValid, check.Verdict.Reason);
        Assert.Equal(1, check.TreeSize);
        var note = (await s.Db.NotaryCheckpoints.SingleAsync()).Note;
        Assert.Equal(2, SignedNote.Parse(note).Signatures.Count);
        var receipt = (await checkpointer.ReceiptAsync(bySha.Index))!;
        var stranger = new NoteVerifierSet(NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519).Verifier);
        Assert.False(ReceiptVerifier.Verify(receipt, stranger).IsValid);
        Assert.Null(await checkpointer.ReceiptAsync(5));
    }

    [Theory, BothDatabases]
    public async Task Checkpoints_AreSignedOnlyWhenTheLogGrewEvenByConcurrentSigners(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var s = db.AsSystem())
        {
            Assert.Null(await new NotaryCheckpointer(s.Get<NotaryLog>(), Keys).SignIfGrownAsync());
            await s.Get<NotaryLog>().AppendAsync(new NotaryEvent("contract.submitted", 1, db.Clock.GetUtcNow()));
        }

        async Task<NotaryCheckpoint?> SignAsync()
        {
            await using var s = db.AsSystem();
            return await new NotaryCheckpointer(s.Get<NotaryLog>(), Keys).SignIfGrownAsync();
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SignAsync)));

        Assert.Single(results, r => r is not null);
        Assert.Null(await SignAsync());
        await using var check = db.AsSystem();
        var stored = Assert.Single(await check.Db.NotaryCheckpoints.ToListAsync());
        Assert.Equal(1, stored.TreeSize);
        Assert.True(Checkpoint.Verify(stored.Note, Keys.Verifiers, NotaryLog.DefaultOrigin, out _).IsValid);
    }
}
