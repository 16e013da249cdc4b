using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;

namespace Lvyue.Notary;

/// <summary>
/// The cryptography behind note keys: the signature-type bytes, key IDs, and raw Ed25519 and SM2
/// signing and verification with BouncyCastle.
/// </summary>
internal static class NoteCrypto
{
    /// <summary>The signed-note signature type of Ed25519.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>The signed-note type byte for signature types without an assigned byte.</summary>
    public const byte ExtensionType = 0xff;

    /// <summary>The identifier that follows 0xff for SM2 with SM3.</summary>
    public const string Sm2Identifier = "lvyue-sm2sm3-v1";

    /// <summary>The default SM2 user ID of GM/T 0009-2012.</summary>
    public const string Sm2DefaultUserId = "1234567812345678";

    public const int Ed25519PublicKeySize = 32;
    public const int Ed25519PrivateKeySize = 32;
    public const int Ed25519SignatureSize = 64;
    public const int Sm2PublicKeySize = 65;
    public const int Sm2PrivateKeySize = 32;
    public const int Sm2SignatureSize = 64;

    private static readonly byte[] Ed25519Prefix = [Ed25519Type];
    private static readonly byte[] Sm2Prefix = [ExtensionType, .. Encoding.ASCII.GetBytes(Sm2Identifier)];

    /// <summary>The curve sm2p256v1 (OID 1.2.156.10197.1.301).</summary>
    public static readonly X9ECParameters Sm2Curve = GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);

    public static readonly DerObjectIdentifier Sm2CurveOid = GMObjectIdentifiers.sm2p256v1;

    public static readonly ECDomainParameters Sm2Domain =
        new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, Sm2Curve.Curve, Sm2Curve.G, Sm2Curve.N, Sm2Curve.H, Sm2Curve.GetSeed());

    /// <summary>The bytes that precede the public or private key in key strings and key IDs.</summary>
    public static ReadOnlySpan<byte> TypePrefix(NoteAlgorithm algorithm) => algorithm switch
    {
        NoteAlgorithm.Ed25519 => Ed25519Prefix,
        NoteAlgorithm.Sm2 => Sm2Prefix,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown note algorithm"),
    };

    public static int PublicKeySize(NoteAlgorithm algorithm) => algorithm == NoteAlgorithm.Ed25519 ? Ed25519PublicKeySize : Sm2PublicKeySize;

    public static int PrivateKeySize(NoteAlgorithm algorithm) => algorithm == NoteAlgorithm.Ed25519 ? Ed25519PrivateKeySize : Sm2PrivateKeySize;

    /// <summary>SHA-256(key name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.</summary>
    public static uint KeyId(string name, NoteAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(name));
        sha.AppendData([0x0A]);
        sha.AppendData(TypePrefix(algorithm));
        sha.AppendData(publicKey);
        return BinaryPrimitives.ReadUInt32BigEndian(sha.GetHashAndReset());
    }

    /// <summary>
    /// Splits key data (type bytes ‖ key) into its algorithm and key, or says why it cannot.
    /// </summary>
    public static bool TrySplitKeyData(byte[] data, bool isPrivate, out NoteAlgorithm algorithm, out byte[] key, out string? reason)
    {
        algorithm = default;
        key = [];
        if (data.Length == 0)
        {
            reason = "the key data is empty";
            return false;
        }
        if (data[0] == Ed25519Type) algorithm = NoteAlgorithm.Ed25519;
        else if (data.AsSpan().StartsWith(Sm2Prefix)) algorithm = NoteAlgorithm.Sm2;
        else
        {
            reason = data[0] == ExtensionType
                ? "the key has signature type 0xff with an identifier other than " + Sm2Identifier
                : $"the key has unsupported signature type 0x{data[0]:x2}";
            return false;
        }
        var prefixLength = TypePrefix(algorithm).Length;
        var expected = isPrivate ? PrivateKeySize(algorithm) : PublicKeySize(algorithm);
        if (data.Length - prefixLength != expected)
        {
            reason = $"a {algorithm} {(isPrivate ? "private" : "public")} key must be {expected} bytes, not {data.Length - prefixLength}";
            return false;
        }
        key = data[prefixLength..];
        reason = null;
        return true;
    }

    /// <summary>The SM2 public key of a 65-byte uncompressed point, or null with the reason when it is not a point of sm2p256v1.</summary>
    public static ECPublicKeyParameters? Sm2PublicKey(ReadOnlySpan<byte> point, out string? reason)
    {
        if (point.Length != Sm2PublicKeySize || point[0] != 0x04)
        {
            reason = "an SM2 public key must be a 65-byte uncompressed point (0x04 ‖ x ‖ y)";
            return null;
        }
        try
        {
            var q = Sm2Curve.Curve.DecodePoint(point.ToArray());
            if (q.IsInfinity || !q.IsValid())
            {
                reason = "the SM2 public key is not a point of sm2p256v1";
                return null;
            }
            reason = null;
            return new ECPublicKeyParameters("EC", q, Sm2CurveOid);
        }
        catch (ArgumentException e)
        {
            reason = "the SM2 public key is not a point of sm2p256v1: " + e.Message;
            return null;
        }
    }

    /// <summary>The SM2 private key of a 32-byte big-endian scalar, or null with the reason when it is out of range.</summary>
    public static ECPrivateKeyParameters? Sm2PrivateKey(ReadOnlySpan<byte> scalar, out string? reason)
    {
        var d = new BigInteger(1, scalar.ToArray());
        // SM2 needs 1 ≤ d ≤ n − 2 (1 + d must be invertible modulo n).
        if (scalar.Length != Sm2PrivateKeySize || d.SignValue <= 0 || d.CompareTo(Sm2Curve.N.Subtract(BigInteger.Two)) > 0)
        {
            reason = "an SM2 private key must be a 32-byte scalar between 1 and n − 2";
            return null;
        }
        reason = null;
        return new ECPrivateKeyParameters("EC", d, Sm2CurveOid);
    }

    /// <summary>The 65-byte uncompressed point of an SM2 public key.</summary>
    public static byte[] Sm2PointBytes(ECPublicKeyParameters key) => key.Q.Normalize().GetEncoded(false);

    /// <summary>The SM2 public key of a private key.</summary>
    public static ECPublicKeyParameters Sm2PublicOf(ECPrivateKeyParameters key) =>
        new("EC", new FixedPointCombMultiplier().Multiply(Sm2Curve.G, key.D).Normalize(), Sm2CurveOid);

    /// <summary>The 32-byte big-endian scalar of an SM2 private key.</summary>
    public static byte[] Sm2ScalarBytes(ECPrivateKeyParameters key) => key.D.ToByteArrayUnsigned().PadLeft(Sm2PrivateKeySize);

    /// <summary>
    /// An SM2-with-SM3 signature as raw r ‖ s (32 bytes each, big-endian). <paramref name="random"/> supplies k;
    /// a known-answer test passes a fixed one.
    /// </summary>
    public static byte[] Sm2Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> message, SecureRandom? random = null, string userId = Sm2DefaultUserId)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, random ?? new SecureRandom()), Encoding.ASCII.GetBytes(userId)));
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Whether <paramref name="signature"/> (raw r ‖ s) is an SM2-with-SM3 signature of the message.</summary>
    public static bool Sm2Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> message, byte[] signature, string userId = Sm2DefaultUserId)
    {
        if (signature.Length != Sm2SignatureSize) return false;
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(false, new ParametersWithID(key, Encoding.ASCII.GetBytes(userId)));
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static byte[] Ed25519Sign(Ed25519PrivateKeyParameters key, ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    public static bool Ed25519Verify(Ed25519PublicKeyParameters key, ReadOnlySpan<byte> message, byte[] signature)
    {
        if (signature.Length != Ed25519SignatureSize) return false;
        var signer = new Ed25519Signer();
        signer.Init(false, key);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.VerifySignature(signature);
    }

    private static byte[] PadLeft(this byte[] bytes, int length)
    {
        if (bytes.Length >= length) return bytes;
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }
}
