using System.Globalization;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Lvyue.Notary;

/// <summary>
/// A private key that signs notes under a key name. Its text form is the signer key
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex key ID&gt;+&lt;base64(type ‖ private key)&gt;</c> (for Ed25519 the
/// 32-byte seed, for SM2 the 32-byte scalar); treat that string like the key file itself.
/// </summary>
public sealed class NoteSigner
{
    private const string Prefix = "PRIVATE+KEY+";

    private readonly Ed25519PrivateKeyParameters? _ed25519;
    private readonly ECPrivateKeyParameters? _sm2;

    private NoteSigner(Ed25519PrivateKeyParameters? ed25519, ECPrivateKeyParameters? sm2, NoteVerifier verifier)
    {
        _ed25519 = ed25519;
        _sm2 = sm2;
        Verifier = verifier;
    }

    /// <summary>The verifier of this signer's signatures (its public half).</summary>
    public NoteVerifier Verifier { get; }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    public NoteAlgorithm Algorithm => Verifier.Algorithm;

    /// <summary>An Ed25519 signer from its 32-byte private seed.</summary>
    public static NoteSigner Ed25519(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != NoteCrypto.Ed25519PrivateKeySize)
            throw new NoteFormatException($"an Ed25519 private key must be {NoteCrypto.Ed25519PrivateKeySize} bytes, not {seed.Length}");
        return FromKey(name, new Ed25519PrivateKeyParameters(seed.ToArray(), 0));
    }

    /// <summary>An SM2 signer from its 32-byte private scalar on sm2p256v1.</summary>
    public static NoteSigner Sm2(string name, ReadOnlySpan<byte> scalar) =>
        FromKey(name, NoteCrypto.Sm2PrivateKey(scalar, out var reason) ?? throw new NoteFormatException(reason!));

    internal static NoteSigner FromKey(string name, Ed25519PrivateKeyParameters key) =>
        new(key, null, NoteVerifier.Ed25519(name, key.GeneratePublicKey().GetEncoded()));

    internal static NoteSigner FromKey(string name, ECPrivateKeyParameters key) =>
        new(null, key, NoteVerifier.Sm2(name, NoteCrypto.Sm2PointBytes(NoteCrypto.Sm2PublicOf(key))));

    /// <summary>A new random key pair of <paramref name="algorithm"/> under <paramref name="name"/>.</summary>
    public static NoteSigner Generate(string name, NoteAlgorithm algorithm)
    {
        var random = new SecureRandom();
        if (algorithm == NoteAlgorithm.Ed25519) return FromKey(name, new Ed25519PrivateKeyParameters(random));
        while (true)
        {
            var scalar = new byte[NoteCrypto.Sm2PrivateKeySize];
            random.NextBytes(scalar);
            var key = NoteCrypto.Sm2PrivateKey(scalar, out _);
            if (key is not null) return FromKey(name, key);
        }
    }

    /// <summary>Reads a signer key string; a malformed one, or one whose key ID does not match its key, throws <see cref="NoteFormatException"/>.</summary>
    public static NoteSigner Parse(string signerKey)
    {
        ArgumentNullException.ThrowIfNull(signerKey);
        if (!signerKey.StartsWith(Prefix, StringComparison.Ordinal))
            throw new NoteFormatException("a signer key must start with PRIVATE+KEY+");
        var parts = signerKey[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
            throw new NoteFormatException("a signer key must have the form PRIVATE+KEY+<name>+<hex key ID>+<base64 key data>");
        NoteKeyName.Validate(parts[0]);
        var id = NoteKeyName.ParseKeyId(parts[1]);
        var data = NoteKeyName.DecodeBase64(parts[2], "the signer key data");
        if (!NoteCrypto.TrySplitKeyData(data, isPrivate: true, out var algorithm, out var key, out var reason))
            throw new NoteFormatException("bad signer key: " + reason);
        var signer = algorithm == NoteAlgorithm.Ed25519 ? Ed25519(parts[0], key) : Sm2(parts[0], key);
        if (signer.KeyId != id)
            throw new NoteFormatException($"the signer key's ID {parts[1]} does not match its key (which gives {signer.KeyId:x8})");
        return signer;
    }

    /// <summary>This key's signature of <paramref name="message"/>, without the key ID: 64 bytes for Ed25519, raw r ‖ s for SM2.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) =>
        Algorithm == NoteAlgorithm.Ed25519 ? NoteCrypto.Ed25519Sign(_ed25519!, message) : NoteCrypto.Sm2Sign(_sm2!, message);

    /// <summary>The private key bytes (Ed25519 seed or SM2 scalar).</summary>
    internal byte[] PrivateKey() => Algorithm == NoteAlgorithm.Ed25519 ? _ed25519!.GetEncoded() : NoteCrypto.Sm2ScalarBytes(_sm2!);

    internal Ed25519PrivateKeyParameters? Ed25519Key => _ed25519;

    internal ECPrivateKeyParameters? Sm2Key => _sm2;

    /// <summary>The signer key string (it holds the private key).</summary>
    public string ToSignerKey() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String([.. NoteCrypto.TypePrefix(Algorithm), .. PrivateKey()])}");

    /// <summary>The key name and ID, never the private key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8} ({Algorithm} signer)");
}
