using System.Security.Cryptography;
using Lvyue.Notary.Signatures;

namespace Lvyue.Tests.Signatures;

/// <summary>Private keys at rest: AES-256-GCM under the key file; another key, purpose or a changed byte does not decrypt.</summary>
public sealed class SignatureKeyProtectorTests
{
    [Fact]
    public void AKeyRoundTripsAndNothingElseDecryptsIt()
    {
        var pkcs8 = SignatureKeys.ToPkcs8(SignatureKeys.Generate(SignatureAlgorithm.Sm2).Private);
        var protector = new SignatureKeyProtector(SignatureKeyProtector.NewKey());
        var blob = protector.Protect(pkcs8, "fingerprint-a");
        Assert.Equal(pkcs8, protector.Unprotect(blob, "fingerprint-a"));
        Assert.False(blob.AsSpan().IndexOf(pkcs8.AsSpan(pkcs8.Length - 32)) >= 0, "the scalar must not appear in the blob");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(blob, "fingerprint-b"));
        Assert.ThrowsAny<CryptographicException>(() => new SignatureKeyProtector(SignatureKeyProtector.NewKey()).Unprotect(blob, "fingerprint-a"));
        var changed = (byte[])blob.Clone();
        changed[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(changed, "fingerprint-a"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(blob[..10], "fingerprint-a"));
    }

    [Fact]
    public void TheKeyFileIsGeneratedOnceWhenAllowedAndRequiredOtherwise()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lvyue-kek-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "k.key");
            Assert.Throws<InvalidOperationException>(() => SignatureKeyProtector.Load(path, createIfMissing: false));
            var first = SignatureKeyProtector.Load(path, createIfMissing: true);
            var again = SignatureKeyProtector.Load(path, createIfMissing: false);
            Assert.Equal(first.KeyId, again.KeyId);
            Assert.Equal([1, 2, 3], again.Unprotect(first.Protect([1, 2, 3], "x"), "x"));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            File.WriteAllText(path, Convert.ToBase64String(new byte[16]));
            Assert.Contains("32 bytes", Assert.Throws<InvalidOperationException>(() => SignatureKeyProtector.Load(path, false)).Message);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }
}
