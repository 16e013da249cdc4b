namespace Lvyue.Notary.Signatures;

/// <summary>The <c>Signatures</c> configuration section.</summary>
public sealed class SignatureOptions
{
    /// <summary>
    /// The file holding the key-encryption key of signing keys (32 random bytes, base64). Unset: generated once into
    /// <c>Files:Root/signature-keys/key-encryption.key</c> in development and on a demo; a startup error in Production.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>PEM files of external root certificates trusted besides the platform's own roots (e.g. a national CA).</summary>
    public List<string> TrustAnchors { get; set; } = [];

    /// <summary>The algorithm of signing keys issued when the signer does not choose: <c>Sm2</c> or <c>EcdsaP256</c>.</summary>
    public SignatureAlgorithm DefaultAlgorithm { get; set; } = SignatureAlgorithm.Sm2;

    /// <summary>How long issued signer and organization certificates are valid, in days.</summary>
    public int CertificateDays { get; set; } = 1095;

    /// <summary>How long the platform's root certificates are valid, in years.</summary>
    public int RootYears { get; set; } = 20;

    /// <summary>The default file of the generated key-encryption key, under the file store.</summary>
    public static string GeneratedKeyFile(string fileStoreRoot) => Path.Combine(fileStoreRoot, "signature-keys", "key-encryption.key");
}

/// <summary>The trust anchors named by <see cref="SignatureOptions.TrustAnchors"/>, read at start.</summary>
public sealed class ConfiguredTrustAnchors(IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> certificates)
{
    public IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> Certificates { get; } = certificates;

    /// <summary>None configured.</summary>
    public static ConfiguredTrustAnchors None { get; } = new([]);

    /// <summary>Reads each PEM/DER file (relative paths under <paramref name="baseFolder"/>).</summary>
    public static ConfiguredTrustAnchors Load(IEnumerable<string> paths, string? baseFolder)
    {
        var list = new List<Org.BouncyCastle.X509.X509Certificate>();
        foreach (var p in paths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var path = baseFolder is null || Path.IsPathRooted(p) ? p : Path.Combine(baseFolder, p);
            try
            {
                list.AddRange(CertificateFiles.Read(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new InvalidOperationException($"the trust anchor {path} could not be read: {e.Message}", e);
            }
        }
        return new ConfiguredTrustAnchors(list);
    }
}
