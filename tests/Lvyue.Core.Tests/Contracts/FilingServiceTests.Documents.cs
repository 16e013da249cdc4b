using System.Security.Cryptography;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Files;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Contracts;

/// <summary>Contract documents: sniffing, size limit, versions and digests.</summary>
public sealed partial class FilingServiceTests
{
    [Theory, BothDatabases]
    public async Task Filing_RefusesAnExecutableRenamedPdfAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var before = await Snapshot.TakeAsync(db, world);
        await using var s = db.Scope(world.Clerk);

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001"), [TestFiles.ExeRenamedPdf()]));

        Assert.Equal(ErrorKind.Invalid, e.Kind);
        Assert.Contains("扩展名与内容不符", Assert.Single(e.Errors["documents"]).Zh);
        Assert.Equal(before, await Snapshot.TakeAsync(db, world));
        Assert.Empty(StoredBlobs(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_AcceptsARealPdf(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.Scope(world.Clerk);

        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001"), [TestFiles.Pdf()]);

        Assert.Equal("application/pdf", Assert.Single(c.Documents).ContentType);
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesADocumentOverTheSizeLimitAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        db.Services.GetRequiredService<FilingOptions>().MaxDocumentBytes = 1024;
        var before = await Snapshot.TakeAsync(db, world);
        var big = new string('甲', 400); // 1,200 bytes of UTF-8
        await using var s = db.Scope(world.Clerk);

        var seekable = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001"), [TestFiles.Txt(big)]));
        var streamed = await Assert.ThrowsAsync<DomainException>(() => s.Filing.CreateAsync(world.Input("JY-2026-001"),
            [new UploadedDocument("合同.txt", new NonSeekableStream(TestFiles.TextBytes(big)))]));

        Assert.Contains("上限", Assert.Single(seekable.Errors["documents"]).Zh);
        Assert.Contains("上限", Assert.Single(streamed.Errors["documents"]).Zh);
        Assert.Equal(before, await Snapshot.TakeAsync(db, world));
        Assert.Empty(StoredBlobs(db));
    }

    [Theory, BothDatabases]
    public async Task Filing_AcceptsADocumentOfExactlyTheSizeLimitFromANonSeekableStream(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        db.Services.GetRequiredService<FilingOptions>().MaxDocumentBytes = 1200;
        var bytes = TestFiles.TextBytes(new string('甲', 400));
        await using var s = db.Scope(world.Clerk);

        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001"), [new UploadedDocument("合同.txt", new NonSeekableStream(bytes))]);

        var doc = Assert.Single(c.Documents);
        Assert.Equal(1200, doc.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), doc.Sha256);
    }

    [Theory, BothDatabases]
    public async Task Filing_KeepsEveryVersionOfADocumentWithItsSha256AndSm3(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var v1 = TestFiles.TextBytes("第一稿：合同总价为人民币伍万元整。");
        var v2 = TestFiles.TextBytes("第二稿：合同总价为人民币肆万伍仟元整。");
        await using var s = db.Scope(world.Clerk);
        var c = await s.Filing.CreateAsync(world.Input("JY-2026-001"), [new UploadedDocument("合同.txt", new MemoryStream(v1))]);

        var second = await s.Filing.AddDocumentAsync(c.Id, new UploadedDocument("合同.txt", new MemoryStream(v2)));
        var annex = await s.Filing.AddDocumentAsync(c.Id, new UploadedDocument("附件一.txt", new MemoryStream(v1)));

        Assert.Equal(2, second.VersionNo);
        Assert.Equal(1, annex.VersionNo);
        await using var check = db.AsSystem();
        var docs = await check.Db.ContractDocuments.Where(d => d.ContractId == c.Id && d.FileName == "合同.txt").OrderBy(d => d.VersionNo).ToListAsync();
        Assert.Equal([1, 2], docs.Select(d => d.VersionNo));
        var files = check.Get<FileStore>();
        foreach (var (doc, bytes) in docs.Zip([v1, v2]))
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), doc.Sha256);
            Assert.Equal(FileStore.Sm3Hex(bytes), doc.Sm3);
            Assert.Equal(bytes.Length, doc.Size);
            await using var stored = files.Open(doc.Sha256);
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        Assert.Equal(2, StoredBlobs(db).Count); // the annex has the bytes of v1: content-addressed, stored once
        Assert.Equal(3, await check.Db.ContractEvents.CountAsync(e => e.ContractId == c.Id && e.Kind == "document"));
    }

    [Theory, BothDatabases]
    public async Task Filing_RefusesDocumentsForACompletedContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await FileAsync(db, world, "JY-2026-001", 50_000m);
        await using var s = db.Scope(world.Clerk);
        await s.Filing.ChangeStatusAsync(c.Id, ContractStatus.Performing, null);
        await s.Filing.ChangeStatusAsync(c.Id, ContractStatus.Completed, "验收合格");

        var e = await Assert.ThrowsAsync<DomainException>(() => s.Filing.AddDocumentAsync(c.Id, TestFiles.Txt(name: "补充协议.txt")));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
    }

    /// <summary>The content-addressed files of the store (its tmp folder excluded).</summary>
    private static List<string> StoredBlobs(TestDatabase db) => !Directory.Exists(db.FileStoreRoot)
        ? []
        : Directory.EnumerateFiles(db.FileStoreRoot, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(db.FileStoreRoot, f).StartsWith("tmp", StringComparison.Ordinal)).ToList();
}
