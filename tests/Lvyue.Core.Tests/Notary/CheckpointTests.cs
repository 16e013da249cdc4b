using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Checkpoints format and parse as C2SP tlog-checkpoint note texts, sign and verify, and malformed ones are refused.</summary>
public sealed class CheckpointTests
{
    private const string Origin = "lvyue.example/log";

    private static readonly byte[] Root = MerkleHash.Root([MerkleHash.Leaf("a"u8), MerkleHash.Leaf("b"u8)]);

    [Fact]
    public void ACheckpointFormatsAsOriginSizeAndBase64RootAndParsesBack()
    {
        var checkpoint = new Checkpoint(Origin, 2, Root);
        Assert.Equal($"{Origin}\n2\n{Convert.ToBase64String(Root)}\n", checkpoint.ToNoteText());
        var parsed = Checkpoint.Parse(checkpoint.ToNoteText());
        Assert.Equal(Origin, parsed.Origin);
        Assert.Equal(2ul, parsed.TreeSize);
        Assert.Equal(Root, parsed.RootHash);
        Assert.Empty(parsed.Extensions);
    }

    [Fact]
    public void ExtensionLinesAndTheLargestTreeSizeRoundTrip()
    {
        var checkpoint = new Checkpoint(Origin, ulong.MaxValue, Root, ["— extension one", "timestamp 1763784000"]);
        var parsed = Checkpoint.Parse(checkpoint.ToNoteText());
        Assert.Equal(ulong.MaxValue, parsed.TreeSize);
        Assert.Equal(["— extension one", "timestamp 1763784000"], parsed.Extensions);
        Assert.Equal(checkpoint.ToNoteText(), parsed.ToNoteText());
    }

    [Fact]
    public void TheLayoutExampleOfTlogCheckpointParses()
    {
        var example = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(MerkleVectors.Folder, "signed-note-example.json")))
            .RootElement.GetProperty("checkpoint_example_from_tlog-checkpoint.md_NOT_verifiable_here").GetString()!;
        var note = SignedNote.Parse(example);
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163ul, checkpoint.TreeSize);
        Assert.Equal("example.com/behind-the-sofa", Assert.Single(note.Signatures).KeyName);
        Assert.Equal(example, note.ToString());
    }

    [Theory]
    [InlineData(NoteAlgorithm.Ed25519)]
    [InlineData(NoteAlgorithm.Sm2)]
    public void ASignedCheckpointVerifiesAndReadsBack(NoteAlgorithm algorithm)
    {
        var signer = NoteSigner.Generate(Origin, algorithm);
        var signed = new Checkpoint(Origin, 2, Root).Sign(signer).ToString();
        var verdict = Checkpoint.Verify(signed, new NoteVerifierSet(signer.Verifier), Origin, out var checkpoint);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(Root, checkpoint!.RootHash);

        var wrongLog = Checkpoint.Verify(signed, new NoteVerifierSet(signer.Verifier), "other.example/log", out checkpoint);
        Assert.False(wrongLog.IsValid);
        Assert.Null(checkpoint);
        Assert.Contains("not \"other.example/log\"", wrongLog.Reason);
    }

    [Fact]
    public void ASignedNoteThatIsNotACheckpointIsRefusedAfterVerification()
    {
        var signer = NoteSigner.Generate(Origin, NoteAlgorithm.Ed25519);
        var signed = SignedNote.Sign("hello\n", signer).ToString();
        var verdict = Checkpoint.Verify(signed, new NoteVerifierSet(signer.Verifier), null, out var checkpoint);
        Assert.False(verdict.IsValid);
        Assert.Null(checkpoint);
        Assert.Contains("not a checkpoint", verdict.Reason);
    }

    public static TheoryData<string, string> Malformed()
    {
        var root = Convert.ToBase64String(Root);
        return new()
        {
            { $"{Origin}\n2\n{root}", "newline" },
            { $"{Origin}\n2\n", "needs an origin line" },
            { $"\n2\n{root}\n", "origin is empty" },
            { $"{Origin}\n02\n{root}\n", "leading zeros" },
            { $"{Origin}\n-2\n{root}\n", "decimal" },
            { $"{Origin}\n+2\n{root}\n", "decimal" },
            { $"{Origin}\n 2\n{root}\n", "decimal" },
            { $"{Origin}\n\n{root}\n", "decimal" },
            { $"{Origin}\n18446744073709551616\n{root}\n", "64 bits" },
            { $"{Origin}\n2\n{root.TrimEnd('=')}\n", "base64" },
            { $"{Origin}\n2\n{Convert.ToBase64String(Root[..31])}\n", "31 bytes" },
            { $"{Origin}\n2\n{Convert.ToBase64String([.. Root, 0])}\n", "33 bytes" },
            { $"{Origin}\n2\n{root}\n\n", "extension line is empty" },
            { $"{Origin}\n2\n{root}\nok\n\nafter\n", "extension line is empty" },
            { $"{Origin}\r\n2\n{root}\n", "control character" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedCheckpointsAreRefusedWithAReason(string text, string reason)
    {
        Assert.False(Checkpoint.TryParse(text, out var checkpoint, out var why));
        Assert.Null(checkpoint);
        Assert.Contains(reason, why);
        Assert.Throws<NoteFormatException>(() => Checkpoint.Parse(text));
    }

    [Fact]
    public void ACheckpointWithABadOriginRootOrExtensionIsNotBuilt()
    {
        Assert.Throws<NoteFormatException>(() => new Checkpoint("", 1, Root));
        Assert.Throws<NoteFormatException>(() => new Checkpoint("a\nb", 1, Root));
        Assert.Throws<NoteFormatException>(() => new Checkpoint(Origin, 1, Root[..16]));
        Assert.Throws<NoteFormatException>(() => new Checkpoint(Origin, 1, Root, [""]));
    }
}
