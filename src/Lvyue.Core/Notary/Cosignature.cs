using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Lvyue.Notary;

/// <summary>
/// A witness's Ed25519 key for C2SP tlog-cosignature v1 (signature type 0x04): key ID =
/// SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]; the signature is the 8-byte big-endian POSIX timestamp followed by
/// the Ed25519 signature of <c>cosignature/v1\ntime &lt;timestamp&gt;\n</c> ‖ the checkpoint's note text.
/// </summary>
public sealed class Cosigner
{
    /// <summary>The signature type of an Ed25519 cosignature/v1.</summary>
    public const byte SignatureType = 0x04;

    private readonly Ed25519PrivateKeyParameters _key;

    private Cosigner(string name, Ed25519PrivateKeyParameters key)
    {
        NoteKeyName.Validate(name);
        Name = name;
        _key = key;
        PublicKey = key.GeneratePublicKey().GetEncoded();
        KeyId = Cosignature.KeyId(name, PublicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public uint KeyId { get; }

    /// <summary>A new random cosigner key.</summary>
    public static Cosigner Generate(string name) => new(name, new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>The cosigner of an Ed25519 note signer's key (for example one read from a PEM file by <see cref="NoteKeyFiles"/>).</summary>
    public static Cosigner FromNoteSigner(NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new(signer.Name, signer.Ed25519Key ?? throw new NoteKeyException($"a witness key must be Ed25519, not {signer.Algorithm}"));
    }

    /// <summary>The verifier key string <c>name+keyid+base64(0x04 ‖ public key)</c>.</summary>
    public string VerifierKey => string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String([SignatureType, .. PublicKey])}");

    /// <summary>The cosignature of a checkpoint's note text at <paramref name="timestamp"/> (POSIX seconds).</summary>
    public NoteSignature Sign(string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        if (timestamp > long.MaxValue) throw new ArgumentOutOfRangeException(nameof(timestamp));
        var signature = new byte[8 + NoteCrypto.Ed25519SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, timestamp);
        NoteCrypto.Ed25519Sign(_key, Cosignature.Message(checkpointText, timestamp)).CopyTo(signature, 8);
        return new NoteSignature(Name, KeyId, signature);
    }
}

/// <summary>Verifies C2SP tlog-cosignature v1 (Ed25519) signatures on a signed checkpoint, offline.</summary>
public static class Cosignature
{
    /// <summary>Reads a cosigner verifier key <c>name+keyid+base64(0x04 ‖ 32-byte public key)</c>; a bad one is a <see cref="NoteFormatException"/>.</summary>
    public static (string Name, byte[] PublicKey) ParseVerifierKey(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3) throw new NoteFormatException("a witness verifier key has the form name+keyid+base64(0x04 ‖ public key)");
        NoteKeyName.Validate(parts[0]);
        var id = NoteKeyName.ParseKeyId(parts[1]);
        var data = NoteKeyName.DecodeBase64(parts[2], "the witness key data");
        if (data.Length != 1 + NoteCrypto.Ed25519PublicKeySize || data[0] != Cosigner.SignatureType)
            throw new NoteFormatException("a witness key is 0x04 followed by a 32-byte Ed25519 public key");
        if (KeyId(parts[0], data.AsSpan(1)) != id) throw new NoteFormatException("the witness key's ID does not match its key");
        return (parts[0], data[1..]);
    }

    /// <summary>SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4], big-endian.</summary>
    public static uint KeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] data = [.. Encoding.UTF8.GetBytes(name), 0x0A, Cosigner.SignatureType, .. publicKey];
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(data));
    }

    /// <summary>The signed message: <c>cosignature/v1\ntime &lt;timestamp&gt;\n</c> then the checkpoint's note text.</summary>
    public static byte[] Message(string checkpointText, ulong timestamp) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n{checkpointText}"));

    /// <summary>
    /// Whether <paramref name="signedNote"/> carries a valid cosignature by the witness <paramref name="name"/> with the
    /// 32-byte Ed25519 <paramref name="publicKey"/>; gives its timestamp, or the reason. Never throws on bad input.
    /// </summary>
    public static bool Verify(string signedNote, string name, ReadOnlySpan<byte> publicKey, out ulong timestamp, out string? reason)
    {
        timestamp = 0;
        if (!SignedNote.TryParse(signedNote ?? "", out var note, out var problem))
        {
            reason = "malformed signed note: " + problem;
            return false;
        }
        if (publicKey.Length != NoteCrypto.Ed25519PublicKeySize)
        {
            reason = "a witness public key is 32 bytes";
            return false;
        }
        var id = KeyId(name, publicKey);
        var line = note!.Signatures.FirstOrDefault(s => s.KeyName == name && s.KeyId == id);
        if (line is null)
        {
            reason = $"the note carries no cosignature by {name}+{id:x8}";
            return false;
        }
        var bytes = line.SignatureBytes;
        if (bytes.Length != 8 + NoteCrypto.Ed25519SignatureSize)
        {
            reason = "a cosignature is an 8-byte timestamp and a 64-byte Ed25519 signature";
            return false;
        }
        timestamp = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        if (timestamp > long.MaxValue)
        {
            reason = "the cosignature's timestamp exceeds 2^63 - 1";
            return false;
        }
        var key = new Ed25519PublicKeyParameters(publicKey.ToArray(), 0);
        if (!NoteCrypto.Ed25519Verify(key, Message(note.Text, timestamp), bytes[8..]))
        {
            reason = $"the cosignature by {name}+{id:x8} does not verify";
            return false;
        }
        reason = null;
        return true;
    }
}
