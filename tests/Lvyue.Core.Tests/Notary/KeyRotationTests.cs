using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>After a key rotation, checkpoints signed by the old key still verify with the key set; a key outside the set does not.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private const string Origin = "lvyue.example/log";

    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-notary-rotation-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Signed(NoteSigner signer, ulong size) =>
        new Checkpoint(Origin, size, MerkleHash.Root(Enumerable.Range(0, (int)size).Select(i => MerkleHash.Leaf([(byte)i])).ToList()))
            .Sign(signer).ToString();

    [Fact]
    public void ACheckpointSignedByARotatedOutKeyStillVerifiesWithTheKeySet()
    {
        var old = NoteKeyFiles.Generate(Origin, NoteAlgorithm.Ed25519, Path.Combine(_dir, "2025.key"), Path.Combine(_dir, "2025.pub"));
        var oldCheckpoint = Signed(old, 3);
        var current = NoteKeyFiles.Generate(Origin, NoteAlgorithm.Sm2, Path.Combine(_dir, "2026.key"), Path.Combine(_dir, "2026.pub"));
        var newCheckpoint = Signed(current, 5);

        var keys = NoteKeyFiles.LoadVerifierSet([(Origin, Path.Combine(_dir, "2025.pub")), (Origin, Path.Combine(_dir, "2026.pub"))]);
        var oldVerdict = Checkpoint.Verify(oldCheckpoint, keys, Origin, out var oldRead);
        Assert.True(oldVerdict.IsValid, oldVerdict.ToString());
        Assert.Equal(3ul, oldRead!.TreeSize);
        Assert.Equal(old.KeyId, Assert.Single(oldVerdict.VerifiedBy).KeyId);
        var newVerdict = Checkpoint.Verify(newCheckpoint, keys, Origin, out var newRead);
        Assert.True(newVerdict.IsValid, newVerdict.ToString());
        Assert.Equal(5ul, newRead!.TreeSize);

        var currentOnly = new NoteVerifierSet(current.Verifier);
        var rejected = currentOnly.Verify(oldCheckpoint);
        Assert.False(rejected.IsValid);
        Assert.Contains($"{Origin}+{old.KeyId:x8}", rejected.Reason);
    }

    [Fact]
    public void ACheckpointSignedByAnUnknownKeyFailsAndNamesIt()
    {
        var known = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);
        var impostor = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);
        var verdict = Checkpoint.Verify(Signed(impostor, 2), new NoteVerifierSet(known.Verifier), Origin, out var checkpoint);
        Assert.False(verdict.IsValid);
        Assert.Null(checkpoint);
        Assert.Contains("no signature is by a known key", verdict.Reason);
        Assert.Equal(impostor.KeyId, Assert.Single(verdict.UnknownSignatures).KeyId);
    }

    [Fact]
    public void TwoKeysWithTheSameNameAndIdCannotBeInOneSet()
    {
        var key = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519).Verifier;
        Assert.Throws<ArgumentException>(() => new NoteVerifierSet(key, NoteVerifier.Parse(key.ToString())));
    }
}
