using System.Text;
using System.Text.Json;
using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>The C2SP signed-note example in ../shared/reference/vectors/merkle/signed-note-example.json verifies with its key, and nothing else does.</summary>
public sealed class SignedNoteExampleTests
{
    private static readonly JsonElement Example = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(MerkleVectors.Folder, "signed-note-example.json"))).RootElement.Clone();

    private static string VerifierKey => Example.GetProperty("vkey").GetString()!;

    private static string Note => Example.GetProperty("signed_note").GetString()!;

    [Fact]
    public void TheExampleVerifierKeyParsesToItsNameAndKeyIdAndFormatsBackUnchanged()
    {
        var verifier = NoteVerifier.Parse(VerifierKey);
        Assert.Equal("example.com/foo", verifier.Name);
        Assert.Equal(0x530d903au, verifier.KeyId);
        Assert.Equal(NoteAlgorithm.Ed25519, verifier.Algorithm);
        Assert.Equal(VerifierKey, verifier.ToString());
    }

    [Fact]
    public void TheExampleNoteVerifiesWithTheExampleKey()
    {
        var verdict = new NoteVerifierSet(NoteVerifier.Parse(VerifierKey)).Verify(Note);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(Example.GetProperty("note_text_signed").GetString(), verdict.Note!.Text);
        Assert.Equal("example.com/foo", Assert.Single(verdict.VerifiedBy).Name);
        Assert.Empty(verdict.UnknownSignatures);
        Assert.Equal(Note, verdict.Note.ToString());
    }

    [Fact]
    public void TheExampleNoteFailsWhenAnyByteIsChanged()
    {
        var keys = new NoteVerifierSet(NoteVerifier.Parse(VerifierKey));
        var bytes = Encoding.UTF8.GetBytes(Note);
        for (var i = 0; i < bytes.Length; i++)
            foreach (var flip in new byte[] { 0x01, 0x20, 0x80 })
            {
                var changed = (byte[])bytes.Clone();
                changed[i] ^= flip;
                var verdict = keys.Verify(changed);
                Assert.False(verdict.IsValid, $"byte {i} xor 0x{flip:x2} still verifies");
                Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
            }
    }

    [Fact]
    public void TheExampleNoteFailsWithAnotherKeyOfTheSameName()
    {
        var other = NoteSigner.Generate("example.com/foo", NoteAlgorithm.Ed25519).Verifier;
        var verdict = new NoteVerifierSet(other).Verify(Note);
        Assert.False(verdict.IsValid);
        Assert.Contains("no signature is by a known key", verdict.Reason);
        Assert.Equal("example.com/foo+530d903a", Assert.Single(verdict.UnknownSignatures).ToString());
    }

    [Fact]
    public void AVerifierKeyWithAWrongKeyIdIsRejected()
    {
        var wrongId = VerifierKey.Replace("+530d903a+", "+530d903b+", StringComparison.Ordinal);
        var error = Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(wrongId));
        Assert.Contains("does not match its key", error.Message);
    }

    [Fact]
    public void TheExampleSignatureUnderAWrongKeyIdIsIgnoredAsUnknown()
    {
        var note = SignedNote.Parse(Note);
        var original = Assert.Single(note.Signatures);
        var relabelled = SignedNote.Parse(note.Text + "\n" + new NoteSignature(original.KeyName, original.KeyId ^ 1, original.Signature).ToLine() + "\n");
        var verdict = new NoteVerifierSet(NoteVerifier.Parse(VerifierKey)).Verify(relabelled);
        Assert.False(verdict.IsValid);
        Assert.Single(verdict.UnknownSignatures);
    }

    [Fact]
    public void AnExtraSignatureFromAnUnknownKeyIsIgnoredAndReported()
    {
        var stranger = NoteSigner.Generate("stranger.example/key", NoteAlgorithm.Ed25519);
        var note = SignedNote.Parse(Note);
        var both = note.WithSignatures(SignedNote.Sign(note.Text, stranger).Signatures);
        var verdict = new NoteVerifierSet(NoteVerifier.Parse(VerifierKey)).Verify(both.ToString());
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal("stranger.example/key", Assert.Single(verdict.UnknownSignatures).KeyName);
    }
}
