using System.Text;
using System.Text.Json;
using Lvyue.Notary;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Lvyue.Tests.Notary;

/// <summary>
/// The SM2 signature known-answer tests of ../shared/reference/vectors/sm/sm2-signature.json on sm2p256v1
/// reproduce with the signing code of the notes (BouncyCastle SM2Signer, SM3, raw r ‖ s) and verify.
/// </summary>
public sealed class Sm2VectorTests
{
    private static readonly JsonElement Vectors = Load();

    private static JsonElement Load()
    {
        var folder = Path.GetFullPath(Path.Combine(MerkleVectors.RepositoryRoot, "..", "shared", "reference", "vectors", "sm"));
        var file = Path.Combine(folder, "sm2-signature.json");
        if (!File.Exists(file)) throw new FileNotFoundException($"The SM2 test vectors are missing: looked for {file}", file);
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    /// <summary>A random source that yields the vector's k, so SM2 signing is deterministic.</summary>
    private sealed class FixedK(byte[] k) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => NextBytes(buf, 0, buf.Length);

        public override void NextBytes(byte[] buf, int off, int len)
        {
            Assert.Equal(k.Length, len);
            k.CopyTo(buf, off);
        }
    }

    private static JsonElement Standard(string id) =>
        Vectors.GetProperty("standard_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static JsonElement Internal(string test) =>
        Vectors.GetProperty("bouncycastle_internal_vectors").GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("bc_test").GetString() == test);

    private static byte[] Hex(JsonElement v, string name) => Convert.FromHexString(v.GetProperty(name).GetString()!);

    private static void Reproduce(JsonElement v, string publicX, string publicY)
    {
        var message = Encoding.ASCII.GetBytes(v.GetProperty("message").GetString()!);
        var userId = v.GetProperty("user_id").GetString()!;
        var key = NoteCrypto.Sm2PrivateKey(Hex(v, "private_key_d"), out var reason);
        Assert.True(key is not null, reason);
        byte[] expected = [.. Hex(v, "r"), .. Hex(v, "s")];

        var signature = NoteCrypto.Sm2Sign(key, message, new FixedK(Hex(v, "k")), userId);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(signature));

        byte[] point = [0x04, .. Hex(v, publicX), .. Hex(v, publicY)];
        Assert.Equal(Convert.ToHexString(point), Convert.ToHexString(NoteCrypto.Sm2PointBytes(NoteCrypto.Sm2PublicOf(key))));
        var publicKey = NoteCrypto.Sm2PublicKey(point, out reason);
        Assert.True(publicKey is not null, reason);
        Assert.True(NoteCrypto.Sm2Verify(publicKey, message, expected, userId));

        Assert.False(NoteCrypto.Sm2Verify(publicKey, [.. message, 0x00], expected, userId), "another message");
        Assert.False(NoteCrypto.Sm2Verify(publicKey, message, expected, userId + "x"), "another user ID");
        var flipped = (byte[])expected.Clone();
        flipped[^1] ^= 1;
        Assert.False(NoteCrypto.Sm2Verify(publicKey, message, flipped, userId), "a changed s");
    }

    [Fact]
    public void TheGbt32918AnnexAExampleWithTheDefaultIdReproducesAndVerifies()
    {
        var v = Standard("gbt32918.5-annexA-sm2p256v1-default-id");
        Assert.Equal(NoteCrypto.Sm2DefaultUserId, v.GetProperty("user_id").GetString());
        Reproduce(v, "public_key_x", "public_key_y");
    }

    [Fact]
    public void TheBouncyCastleSm3VectorOnSm2p256v1ReproducesAndVerifies() =>
        Reproduce(Internal("DoSignerTestFpStandardSM3"), "public_key_x_derived", "public_key_y_derived");

    [Fact]
    public void TheAnnexASignatureVerifiesAsANoteSignatureOverItsMessage()
    {
        var v = Standard("gbt32918.5-annexA-sm2p256v1-default-id");
        byte[] point = [0x04, .. Hex(v, "public_key_x"), .. Hex(v, "public_key_y")];
        var verifier = NoteVerifier.Sm2("gbt32918.example/annex-a", point);
        Assert.True(verifier.Verify("message digest"u8, [.. Hex(v, "r"), .. Hex(v, "s")]));
    }

    [Fact]
    public void AnSm2PrivateKeyOutsideOneToNMinusTwoIsRefused()
    {
        var n = NoteCrypto.Sm2Curve.N;
        foreach (var d in new[] { BigInteger.Zero, n.Subtract(BigInteger.One), n })
        {
            var bytes = new byte[32];
            var raw = d.ToByteArrayUnsigned();
            raw.CopyTo(bytes, 32 - raw.Length);
            Assert.Null(NoteCrypto.Sm2PrivateKey(bytes, out var reason));
            Assert.Contains("between 1 and n", reason);
        }
    }

    [Fact]
    public void AnSm2PublicKeyThatIsNotAPointOfTheCurveIsRefused()
    {
        var point = NoteSigner.Generate("x.example/k", NoteAlgorithm.Sm2).Verifier.PublicKey;
        point[^1] ^= 1;
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Sm2("x.example/k", point));
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Sm2("x.example/k", point[1..]));
        Assert.IsType<ECPublicKeyParameters>(NoteCrypto.Sm2PublicKey(NoteSigner.Generate("y.example/k", NoteAlgorithm.Sm2).Verifier.PublicKey, out _));
    }
}
