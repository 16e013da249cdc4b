using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Signing keys named by configuration, generated once outside Production, refused clearly when missing in Production.</summary>
public sealed class NotaryKeyRingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-keyring-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WithoutAConfiguredKey_DevelopmentGeneratesEd25519AndSm2KeysOnceAndReusesThem()
    {
        var folder = Path.Combine(_dir, "generated");
        var first = NotaryKeyRing.Load(new NotaryOptions(), folder);
        var second = NotaryKeyRing.Load(new NotaryOptions(), folder);

        Assert.Equal([NoteAlgorithm.Ed25519, NoteAlgorithm.Sm2], first.Signers.Select(s => s.Algorithm));
        Assert.Equal(first.Signers.Select(s => s.KeyId), second.Signers.Select(s => s.KeyId));
        Assert.All(first.Signers, s => Assert.Equal(NotaryLog.DefaultOrigin, s.Name));
        Assert.True(File.Exists(Path.Combine(folder, NotaryKeyRing.GeneratedEd25519)));
    }

    [Fact]
    public void WithoutAConfiguredKey_ProductionIsAClearError()
    {
        var e = Assert.Throws<NoteKeyException>(() => NotaryKeyRing.Load(new NotaryOptions(), generatedKeysFolder: null));
        Assert.Contains("Notary:SigningKey", e.Message);
    }

    [Fact]
    public void AConfiguredKey_IsReadWithItsAlgorithmFromThePemUnderTheConfiguredNameAndOldKeysStillVerify()
    {
        var sm2 = NoteKeyFiles.Generate("gov.example/notary", NoteAlgorithm.Sm2, Path.Combine(_dir, "sm2.pem"), Path.Combine(_dir, "sm2.pub.pem"));
        var old = NoteKeyFiles.Generate("old.example/notary", NoteAlgorithm.Ed25519, Path.Combine(_dir, "old.pem"), Path.Combine(_dir, "old.pub.pem"));
        var options = new NotaryOptions { SigningKey = "sm2.pem", KeyName = "gov.example/notary", PreviousKeys = ["old.example/notary=old.pub.pem"] };

        var ring = NotaryKeyRing.Load(options, generatedKeysFolder: null, baseFolder: _dir);

        var signer = Assert.Single(ring.Signers);
        Assert.Equal((NoteAlgorithm.Sm2, sm2.KeyId), (signer.Algorithm, signer.KeyId));
        var oldCheckpoint = new Checkpoint(NotaryLog.DefaultOrigin, 3, new byte[32]).Sign(old).ToString();
        Assert.True(ring.Verifiers.Verify(oldCheckpoint).IsValid);
        var missing = Assert.Throws<NoteKeyException>(() => NotaryKeyRing.Load(new NotaryOptions { SigningKey = Path.Combine(_dir, "nope.pem") }, null));
        Assert.Contains("nope.pem", missing.Message);
    }
}
