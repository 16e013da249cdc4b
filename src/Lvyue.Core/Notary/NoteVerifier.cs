using System.Globalization;
using Org.BouncyCastle.Crypto.Parameters;

namespace Lvyue.Notary;

/// <summary>
/// A public key that verifies signed-note signatures, identified by key name and key ID. Its text form
/// is the verifier key <c>&lt;name&gt;+&lt;hex key ID&gt;+&lt;base64(type ‖ public key)&gt;</c>.
/// </summary>
public sealed class NoteVerifier
{
    private readonly Ed25519PublicKeyParameters? _ed25519;
    private readonly ECPublicKeyParameters? _sm2;
    private readonly byte[] _publicKey;

    private NoteVerifier(string name, NoteAlgorithm algorithm, byte[] publicKey, Ed25519PublicKeyParameters? ed25519, ECPublicKeyParameters? sm2)
    {
        Name = name;
        Algorithm = algorithm;
        _publicKey = publicKey;
        _ed25519 = ed25519;
        _sm2 = sm2;
        KeyId = NoteCrypto.KeyId(name, algorithm, publicKey);
    }

    /// <summary>The key name, as it appears in signature lines.</summary>
    public string Name { get; }

    /// <summary>The 32-bit key ID: the first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key).</summary>
    public uint KeyId { get; }

    public NoteAlgorithm Algorithm { get; }

    /// <summary>The public key as it is encoded in the verifier key: 32 bytes for Ed25519, the 65-byte uncompressed point for SM2.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>An Ed25519 verifier named <paramref name="name"/> for a 32-byte public key.</summary>
    public static NoteVerifier Ed25519(string name, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.Validate(name);
        if (publicKey.Length != NoteCrypto.Ed25519PublicKeySize)
            throw new NoteFormatException($"an Ed25519 public key must be {NoteCrypto.Ed25519PublicKeySize} bytes, not {publicKey.Length}");
        var bytes = publicKey.ToArray();
        return new NoteVerifier(name, NoteAlgorithm.Ed25519, bytes, new Ed25519PublicKeyParameters(bytes, 0), null);
    }

    /// <summary>An SM2 verifier named <paramref name="name"/> for a 65-byte uncompressed point on sm2p256v1.</summary>
    public static NoteVerifier Sm2(string name, ReadOnlySpan<byte> publicKey)
    {
        NoteKeyName.Validate(name);
        var key = NoteCrypto.Sm2PublicKey(publicKey, out var reason) ?? throw new NoteFormatException(reason!);
        return new NoteVerifier(name, NoteAlgorithm.Sm2, publicKey.ToArray(), null, key);
    }

    internal static NoteVerifier Create(string name, NoteAlgorithm algorithm, ReadOnlySpan<byte> publicKey) =>
        algorithm == NoteAlgorithm.Ed25519 ? Ed25519(name, publicKey) : Sm2(name, publicKey);

    /// <summary>Reads a verifier key string; a malformed one, or one whose key ID does not match its key, throws <see cref="NoteFormatException"/>.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
            throw new NoteFormatException("a verifier key must have the form <name>+<hex key ID>+<base64 key data>");
        var name = parts[0];
        NoteKeyName.Validate(name);
        var id = NoteKeyName.ParseKeyId(parts[1]);
        var data = NoteKeyName.DecodeBase64(parts[2], "the verifier key data");
        if (!NoteCrypto.TrySplitKeyData(data, isPrivate: false, out var algorithm, out var key, out var reason))
            throw new NoteFormatException("bad verifier key: " + reason);
        var verifier = Create(name, algorithm, key);
        if (verifier.KeyId != id)
            throw new NoteFormatException($"the verifier key's ID {parts[1]} does not match its key (which gives {verifier.KeyId:x8})");
        return verifier;
    }

    /// <summary>Whether <paramref name="signature"/> (without the 4-byte key ID) is this key's signature of <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Algorithm == NoteAlgorithm.Ed25519
            ? NoteCrypto.Ed25519Verify(_ed25519!, message, signature)
            : NoteCrypto.Sm2Verify(_sm2!, message, signature);
    }

    /// <summary>The verifier key string.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String([.. NoteCrypto.TypePrefix(Algorithm), .. _publicKey])}");
}
