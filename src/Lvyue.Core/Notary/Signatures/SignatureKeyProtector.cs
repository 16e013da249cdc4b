using System.Security.Cryptography;
using System.Text;

namespace Lvyue.Notary.Signatures;

/// <summary>
/// Encrypts signing keys at rest: AES-256-GCM under the platform's key-encryption key (<c>Signatures:KeyFile</c>,
/// 32 random bytes in base64). Stored form: 0x01 ‖ nonce (12) ‖ tag (16) ‖ ciphertext; the associated data binds
/// the blob to its purpose and key id, so a blob moved to another row does not decrypt.
/// </summary>
public sealed class SignatureKeyProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <summary>A protector with a 32-byte key-encryption key.</summary>
    public SignatureKeyProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32) throw new ArgumentException("the key-encryption key must be 32 bytes", nameof(key));
        _key = (byte[])key.Clone();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key))[..16];
    }

    /// <summary>The first 8 bytes (hex) of the SHA-256 of the key-encryption key: names it without revealing it.</summary>
    public string KeyId { get; }

    /// <summary>A new random key-encryption key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// Reads the key file at <paramref name="path"/> (base64 of 32 bytes). When it does not exist and
    /// <paramref name="createIfMissing"/> (development, demo), a key is generated there once (mode 600); otherwise
    /// an <see cref="InvalidOperationException"/> says what to configure.
    /// </summary>
    public static SignatureKeyProtector Load(string path, bool createIfMissing)
    {
        if (!File.Exists(path))
        {
            if (!createIfMissing)
                throw new InvalidOperationException($"the signing-key encryption key {path} does not exist: set Signatures:KeyFile to a file " +
                                                    "holding 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(NewKey()) + "\n"));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance sharing the folder created it first.
            }
        }
        var text = File.ReadAllText(path).Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"the signing-key encryption key {path} is not base64");
        }
        if (key.Length != 32) throw new InvalidOperationException($"the signing-key encryption key {path} must hold 32 bytes, not {key.Length}");
        return new SignatureKeyProtector(key);
    }

    private static byte[] Associated(string purpose) => Encoding.UTF8.GetBytes("lvyue-signing-key-v1:" + purpose);

    /// <summary>Encrypts <paramref name="plaintext"/> (a PKCS#8 private key) for <paramref name="purpose"/> (e.g. the public key's fingerprint).</summary>
    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var blob = new byte[1 + NonceSize + TagSize + plaintext.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), Associated(purpose));
        return blob;
    }

    /// <summary>Decrypts a blob of <see cref="Protect"/>; a wrong key, purpose or a changed byte is a <see cref="CryptographicException"/>.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> blob, string purpose)
    {
        if (blob.Length < 1 + NonceSize + TagSize || blob[0] != Version)
            throw new CryptographicException("the protected signing key is not of version 1");
        var plaintext = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(blob.Slice(1, NonceSize), blob[(1 + NonceSize + TagSize)..], blob.Slice(1 + NonceSize, TagSize), plaintext, Associated(purpose));
        return plaintext;
    }
}
