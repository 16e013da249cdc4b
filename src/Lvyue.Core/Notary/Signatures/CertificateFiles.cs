using System.Text;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Lvyue.Notary.Signatures;

/// <summary>Reads certificates from PEM or DER and writes PEM; a file that holds none is a <see cref="FormatException"/> with the reason.</summary>
public static class CertificateFiles
{
    /// <summary>Every certificate in <paramref name="data"/>: PEM (one or more <c>CERTIFICATE</c> blocks) or one DER certificate.</summary>
    public static IReadOnlyList<X509Certificate> Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) throw new FormatException("the certificate file is empty");
        var parser = new X509CertificateParser();
        var certificates = new List<X509Certificate>();
        try
        {
            var text = Encoding.ASCII.GetString(data);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                    throw new FormatException("the PEM file holds no CERTIFICATE block");
            }
            foreach (var c in parser.ReadCertificates(data)) certificates.Add((X509Certificate)c);
        }
        catch (Exception e) when (e is CertificateException or IOException or ArgumentException or InvalidCastException
                                      or Org.BouncyCastle.Asn1.Asn1Exception or InvalidOperationException)
        {
            throw new FormatException("the file is not an X.509 certificate in PEM or DER: " + e.Message, e);
        }
        if (certificates.Count == 0) throw new FormatException("the file holds no X.509 certificate (PEM or DER)");
        return certificates;
    }

    /// <summary>One certificate of DER.</summary>
    public static X509Certificate FromDer(byte[] der) => new X509CertificateParser().ReadCertificate(der);

    /// <summary>The PEM text of a certificate.</summary>
    public static string ToPem(X509Certificate certificate)
    {
        var b64 = Convert.ToBase64String(certificate.GetEncoded());
        var sb = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (var i = 0; i < b64.Length; i += 64) sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        return sb.Append("-----END CERTIFICATE-----\n").ToString();
    }

    /// <summary>The lowercase hex SHA-256 of the certificate's DER: its fingerprint.</summary>
    public static string Fingerprint(X509Certificate certificate) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.GetEncoded()));
}
