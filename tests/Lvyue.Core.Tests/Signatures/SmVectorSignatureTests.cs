using System.Text;
using System.Text.Json;
using Lvyue.Files;
using Lvyue.Notary;
using Lvyue.Notary.Signatures;
using Lvyue.Tests.Notary;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Lvyue.Tests.Signatures;

/// <summary>
/// Conformance of document signatures with ../shared/reference/vectors/sm: every SM3 vector (GB/T 32905 examples, the
/// BouncyCastle extras, the Z_A input) through both digests the platform uses (the file store's and the CMS one), and
/// the GB/T 32918.5 Annex A SM2 signature reproduced in the DER form (SEQUENCE {r, s}) of GB/T 35275 signatures.
/// </summary>
public sealed class SmVectorSignatureTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(MerkleVectors.RepositoryRoot, "..", "shared", "reference", "vectors", "sm"));

    private static JsonElement Load(string name)
    {
        var file = Path.Combine(Folder, name);
        if (!File.Exists(file)) throw new FileNotFoundException($"The SM test vectors are missing: looked for {file}", file);
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    public static TheoryData<string, string> Sm3Vectors()
    {
        var data = new TheoryData<string, string>();
        var v = Load("sm3.json");
        foreach (var e in v.GetProperty("standard").EnumerateArray()) data.Add(e.GetProperty("message_hex").GetString()!, e.GetProperty("digest").GetString()!);
        foreach (var e in v.GetProperty("bc_non_standard").EnumerateArray())
        {
            var name = e.TryGetProperty("name", out var n) ? n.GetString()! : "";
            byte[] message = e.TryGetProperty("message_ascii", out var ascii) ? Encoding.ASCII.GetBytes(ascii.GetString()!)
                : name.StartsWith("64k", StringComparison.Ordinal) ? Enumerable.Range(0, 65536).Select(i => (byte)(i & 0xff)).ToArray()
                : name.StartsWith("million", StringComparison.Ordinal) ? Enumerable.Repeat((byte)'a', 1_000_000).ToArray()
                : throw new InvalidDataException("an SM3 vector this test does not know how to build: " + name);
            data.Add(Convert.ToHexString(message), e.GetProperty("digest").GetString()!);
        }
        var za = v.GetProperty("bc_za_input_vector");
        data.Add(za.GetProperty("message_hex").GetString()!, za.GetProperty("digest").GetString()!);
        return data;
    }

    [Theory, MemberData(nameof(Sm3Vectors))]
    public void EverySm3VectorMatchesBothDigestsOfThePlatform(string messageHex, string digest)
    {
        var message = Convert.FromHexString(messageHex);
        Assert.Equal(digest, Convert.ToHexStringLower(Sm2CmsSignature.Sm3(message)));
        Assert.Equal(digest, FileStore.Sm3Hex(message));
        if (message.Length > 0)
        {
            message[0] ^= 1;
            Assert.NotEqual(digest, Convert.ToHexStringLower(Sm2CmsSignature.Sm3(message)));
        }
    }

    [Fact]
    public void TheVectorFileHasTheTwoGbt32905Examples() =>
        Assert.Equal(2, Load("sm3.json").GetProperty("standard").GetArrayLength());

    private sealed class FixedK(byte[] k) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => NextBytes(buf, 0, buf.Length);
        public override void NextBytes(byte[] buf, int off, int len) => k.CopyTo(buf, off);
    }

    [Fact]
    public void TheAnnexASignatureReproducesInDerAndVerifiesAndAChangedMessageOrSignatureDoesNot()
    {
        var v = Load("sm2-signature.json").GetProperty("standard_vectors").EnumerateArray()
            .Single(x => x.GetProperty("id").GetString() == "gbt32918.5-annexA-sm2p256v1-default-id");
        byte[] Hex(string n) => Convert.FromHexString(v.GetProperty(n).GetString()!);
        var message = Encoding.ASCII.GetBytes(v.GetProperty("message").GetString()!);
        var key = new ECPrivateKeyParameters("EC", new BigInteger(1, Hex("private_key_d")), NoteCrypto.Sm2Domain);

        var der = Sm2CmsSignature.SignRaw(key, message, new FixedK(Hex("k")));
        var expected = new DerSequence(new DerInteger(new BigInteger(1, Hex("r"))), new DerInteger(new BigInteger(1, Hex("s")))).GetEncoded();
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(der));

        var point = NoteCrypto.Sm2Curve.Curve.CreatePoint(new BigInteger(1, Hex("public_key_x")), new BigInteger(1, Hex("public_key_y")));
        var publicKey = new ECPublicKeyParameters("EC", point, NoteCrypto.Sm2CurveOid);
        Assert.Equal(SignatureAlgorithm.Sm2, SignatureKeys.AlgorithmOf(publicKey));
        Assert.True(Sm2CmsSignature.VerifyRaw(publicKey, message, der));
        Assert.False(Sm2CmsSignature.VerifyRaw(publicKey, [.. message, 0x20], der), "another message");
        Assert.False(Sm2CmsSignature.VerifyRaw(publicKey, message, der, "ALICE123@YAHOO.COM"), "another user ID");
        var flipped = (byte[])der.Clone();
        flipped[^1] ^= 1;
        Assert.False(Sm2CmsSignature.VerifyRaw(publicKey, message, flipped), "a changed s");
        Assert.False(Sm2CmsSignature.VerifyRaw(publicKey, message, der[..^3]), "a truncated signature");
    }
}
