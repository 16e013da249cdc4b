using System.Text;
using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Notes signed with Ed25519 and SM2 verify, key strings round-trip, and malformed notes are refused with a reason.</summary>
public sealed class SignedNoteRoundTripTests
{
    private const string Text = "履约 notary test\nline two\n\nafter an empty line\n";

    [Theory]
    [InlineData(NoteAlgorithm.Ed25519, 64)]
    [InlineData(NoteAlgorithm.Sm2, 64)]
    public void ANoteSignedWithEitherAlgorithmVerifiesAndAChangedTextDoesNot(NoteAlgorithm algorithm, int signatureSize)
    {
        var signer = NoteSigner.Generate("lvyue.example/log", algorithm);
        var note = SignedNote.Sign(Text, signer);
        Assert.Equal(signatureSize, Assert.Single(note.Signatures).Signature.Length);
        var keys = new NoteVerifierSet(signer.Verifier);

        var verdict = keys.Verify(note.ToString());
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(Text, verdict.Note!.Text);

        var forged = note.ToString().Replace("line two", "line 2", StringComparison.Ordinal);
        var rejected = keys.Verify(forged);
        Assert.False(rejected.IsValid);
        Assert.Contains($"{algorithm} signature by lvyue.example/log+{signer.KeyId:x8} does not verify", rejected.Reason);
    }

    [Fact]
    public void ANoteSignedWithBothAlgorithmsVerifiesWithEitherKeyAlone()
    {
        var ed = NoteSigner.Generate("lvyue.example/log", NoteAlgorithm.Ed25519);
        var sm2 = NoteSigner.Generate("lvyue.example/log", NoteAlgorithm.Sm2);
        var note = SignedNote.Sign(Text, ed, sm2).ToString();
        Assert.True(new NoteVerifierSet(ed.Verifier).Verify(note).IsValid);
        Assert.True(new NoteVerifierSet(sm2.Verifier).Verify(note).IsValid);
        var both = new NoteVerifierSet(ed.Verifier, sm2.Verifier).Verify(note);
        Assert.True(both.IsValid, both.ToString());
        Assert.Equal(2, both.VerifiedBy.Count);
    }

    [Fact]
    public void AFailingSignatureFromAKnownKeyRejectsTheNoteEvenWhenAnotherVerifies()
    {
        var ed = NoteSigner.Generate("lvyue.example/log", NoteAlgorithm.Ed25519);
        var sm2 = NoteSigner.Generate("lvyue.example/log", NoteAlgorithm.Sm2);
        var good = SignedNote.Sign(Text, ed);
        var bad = SignedNote.Sign("another text\n", sm2);
        var mixed = good.WithSignatures(bad.Signatures);
        var verdict = new NoteVerifierSet(ed.Verifier, sm2.Verifier).Verify(mixed);
        Assert.False(verdict.IsValid);
        Assert.Contains("Sm2 signature", verdict.Reason);
    }

    [Theory]
    [InlineData(NoteAlgorithm.Ed25519)]
    [InlineData(NoteAlgorithm.Sm2)]
    public void GarbageSignaturesFromAKnownKeyFailWithAReasonAndNeverThrow(NoteAlgorithm algorithm)
    {
        var signer = NoteSigner.Generate("lvyue.example/log", algorithm);
        var keys = new NoteVerifierSet(signer.Verifier);
        var genuine = Assert.Single(SignedNote.Sign(Text, signer).Signatures).Signature;
        byte[][] garbage =
        [
            new byte[64],
            Enumerable.Repeat((byte)0xff, 64).ToArray(),
            genuine[..63],
            [.. genuine, 0x00],
            [0x30, 0x44, 0x02, 0x20, .. genuine[..32], 0x02, 0x20, .. genuine[32..]],
            [0x01],
        ];
        foreach (var signature in garbage)
        {
            var note = SignedNote.Parse(Text + "\n" + new NoteSignature(signer.Name, signer.KeyId, signature).ToLine() + "\n");
            var verdict = keys.Verify(note);
            Assert.False(verdict.IsValid, Convert.ToHexString(signature));
            Assert.Contains("does not verify", verdict.Reason);
        }
    }

    [Theory]
    [InlineData(NoteAlgorithm.Ed25519)]
    [InlineData(NoteAlgorithm.Sm2)]
    public void SignerAndVerifierKeyStringsRoundTrip(NoteAlgorithm algorithm)
    {
        var signer = NoteSigner.Generate("lvyue.example/rt", algorithm);
        var signerKey = signer.ToSignerKey();
        Assert.StartsWith("PRIVATE+KEY+lvyue.example/rt+", signerKey);
        var again = NoteSigner.Parse(signerKey);
        Assert.Equal(signer.KeyId, again.KeyId);
        Assert.Equal(signerKey, again.ToSignerKey());
        Assert.DoesNotContain(Convert.ToBase64String(again.PrivateKey()), again.ToString());

        var verifierKey = signer.Verifier.ToString();
        var verifier = NoteVerifier.Parse(verifierKey);
        Assert.Equal(verifierKey, verifier.ToString());
        Assert.Equal(algorithm, verifier.Algorithm);
        Assert.True(new NoteVerifierSet(verifier).Verify(SignedNote.Sign(Text, again).ToString()).IsValid);
    }

    [Fact]
    public void TheSm2KeyIdCoversTheExtensionTypeAndItsIdentifier()
    {
        var signer = NoteSigner.Generate("lvyue.example/sm2", NoteAlgorithm.Sm2);
        var data = Convert.FromBase64String(signer.Verifier.ToString().Split('+', 3)[2]);
        Assert.Equal(0xff, data[0]);
        Assert.Equal("lvyue-sm2sm3-v1", Encoding.ASCII.GetString(data, 1, 15));
        Assert.Equal(0x04, data[16]);
        Assert.Equal(1 + 15 + 65, data.Length);
        var hash = System.Security.Cryptography.SHA256.HashData([.. Encoding.UTF8.GetBytes("lvyue.example/sm2"), 0x0A, .. data]);
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash), signer.KeyId);
    }

    [Theory]
    [InlineData("example.com/foo+530d903a", "form")]
    [InlineData("example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "lowercase hex")]
    [InlineData("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2", "base64")]
    [InlineData("example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "unsupported signature type 0x02")]
    [InlineData("example com+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "space")]
    [InlineData("+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "empty")]
    [InlineData("x.example/k+00000000+/2x2eXVlLXNtMnNtMy12MgQ=", "0xff with an identifier other than lvyue-sm2sm3-v1")]
    [InlineData("x.example/k+00000000+/2x2eXVlLXNtMnNtMy12MQQ=", "public key must be 65 bytes, not 1")]
    public void MalformedVerifierKeysAreRefusedWithAReason(string key, string reason)
    {
        var error = Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(key));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("no final newline", "newline")]
    [InlineData("tab\there\n", "control character")]
    [InlineData("carriage\r\n", "control character")]
    [InlineData("", "newline")]
    public void TextsThatCannotBeNotesAreNotSigned(string text, string reason)
    {
        var signer = NoteSigner.Generate("lvyue.example/log", NoteAlgorithm.Ed25519);
        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Sign(text, signer));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("text\n", "no blank line")]
    [InlineData("text\n\n", "no signature lines")]
    [InlineData("text\n\n— example.com/foo Uw2QOkn8\n\n", "no signature lines")]
    [InlineData("text\n\n- example.com/foo Uw2QOkn8srV1\n", "em dash")]
    [InlineData("text\n\n— example.com/fooUw2QOkn8srV1\n", "no space")]
    [InlineData("text\n\n— example.com/foo Uw2QOkn8srV1", "end with a newline")]
    [InlineData("text\n\n— example.com/foo Uw2QOkn8srV=\n", "base64")]
    [InlineData("text\n\n— example.com/foo AAAAAA==\n", "too short")]
    [InlineData("text\n\n— example+foo AAAAAAA=\n", "plus sign")]
    [InlineData("text\n\n—  AAAAAAA=\n", "empty")]
    [InlineData("te\u0001xt\n\n— example.com/foo AAAAAAA=\n", "control character")]
    public void MalformedNotesAreRefusedWithAReason(string note, string reason)
    {
        Assert.False(SignedNote.TryParse(note, out var parsed, out var why));
        Assert.Null(parsed);
        Assert.Contains(reason, why);
        var verdict = new NoteVerifierSet(NoteSigner.Generate("example.com/foo", NoteAlgorithm.Ed25519).Verifier).Verify(note);
        Assert.False(verdict.IsValid);
        Assert.StartsWith("malformed signed note", verdict.Reason);
    }

    [Fact]
    public void ALoneSurrogateOrAnOversizedNoteIsRefused()
    {
        Assert.False(SignedNote.TryParse("te\ud800xt\n\n— example.com/foo AAAAAAA=\n", out _, out var reason));
        Assert.Contains("Unicode", reason);
        Assert.False(SignedNote.TryParse(new string('履', SignedNote.MaxSize / 2) + "\n\n— example.com/foo AAAAAAA=\n", out _, out reason));
        Assert.Contains("larger than", reason);
    }

    [Fact]
    public void InvalidUtf8IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes("text\n\n— example.com/foo AAAAAAA=\n");
        bytes[1] = 0xff;
        var error = Assert.Throws<NoteFormatException>(() => SignedNote.Parse(bytes));
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void ANoteWithSixteenSignaturesIsAcceptedAndOneWithTooManyIsNot()
    {
        var signers = Enumerable.Range(0, 16).Select(i => NoteSigner.Generate($"w{i}.example/k", NoteAlgorithm.Ed25519)).ToList();
        var note = SignedNote.Sign(Text, signers).ToString();
        Assert.True(new NoteVerifierSet(signers.Select(s => s.Verifier)).Verify(note).IsValid);
        var line = SignedNote.Parse(note).Signatures[0].ToLine() + "\n";
        var flood = Text + "\n" + string.Concat(Enumerable.Repeat(line, SignedNote.MaxSignatures + 1));
        Assert.False(SignedNote.TryParse(flood, out _, out var reason));
        Assert.Contains("more than", reason);
    }
}
