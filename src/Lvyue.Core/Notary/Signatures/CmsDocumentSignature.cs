using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Lvyue.Notary.Signatures;

/// <summary>
/// Detached CMS/PKCS#7 signatures (RFC 5652) for ECDSA and RSA with System.Security.Cryptography.Pkcs: SHA-256,
/// signed attributes contentType, signingTime and messageDigest, the signer's certificate and its issuers enclosed.
/// </summary>
public static class CmsDocumentSignature
{
    /// <summary>The format name stored with a signature.</summary>
    public const string Format = "cms";

    /// <summary>A detached signature over <paramref name="document"/> with the ECDSA key (PKCS#8) of <paramref name="certificate"/>.</summary>
    public static byte[] Sign(byte[] document, BcCertificate certificate, byte[] pkcs8PrivateKey, IEnumerable<BcCertificate> issuers, DateTime signingTime)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8PrivateKey, out _);
        using var bare = X509CertificateLoader.LoadCertificate(certificate.GetEncoded());
        using var withKey = bare.CopyWithPrivateKey(ecdsa);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, withKey)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.ToUniversalTime()));
        var extra = issuers.Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded())).ToList();
        try
        {
            signer.Certificates.AddRange(extra.ToArray());
            var cms = new SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(document), detached: true);
            cms.ComputeSignature(signer, silent: true);
            return cms.Encode();
        }
        finally
        {
            foreach (var c in extra) c.Dispose();
        }
    }

    /// <summary>Verifies each signer of a detached RFC 5652 SignedData over <paramref name="document"/>.</summary>
    internal static List<SignatureVerdict> Verify(byte[] signature, byte[] document, TrustStore trust)
    {
        var cms = new SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(document), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException e)
        {
            return [SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件不是有效的 CMS/PKCS#7 签名：" + e.Message, "The signature is not a valid CMS/PKCS#7 SignedData: " + e.Message, Format)];
        }
        var enclosed = cms.Certificates.Select(c => CertificateFiles.FromDer(c.RawData)).ToList();
        var verdicts = new List<SignatureVerdict>();
        foreach (var si in cms.SignerInfos) verdicts.Add(VerifySigner(si, document, enclosed, trust));
        if (verdicts.Count == 0)
            verdicts.Add(SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件中没有签名人信息", "The signature holds no signer", Format));
        return verdicts;
    }

    private static SignatureVerdict VerifySigner(SignerInfo si, byte[] document, List<BcCertificate> enclosed, TrustStore trust)
    {
        if (si.Certificate is not { } cert)
            return SignatureVerdict.Fail(SignatureFailure.MissingCertificate, "签名中缺少签名人证书", "The signer's certificate is not in the signature", Format);
        var certificate = CertificateFiles.FromDer(cert.RawData);
        var algorithm = SignatureKeys.AlgorithmOf(certificate.GetPublicKey());
        if (algorithm is null or SignatureAlgorithm.Sm2)
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, "签名人证书的公钥算法不受支持", "The signer certificate's key algorithm is not supported", Format);
        HashAlgorithmName? hash = si.DigestAlgorithm.Value switch
        {
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (hash is not { } h)
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, $"不支持的摘要算法 {si.DigestAlgorithm.Value}（需 SHA-256/384/512）",
                $"Unsupported digest algorithm {si.DigestAlgorithm.Value} (SHA-256/384/512 are)", Format);
        byte[]? signedDigest = null;
        DateTime? signedAt = null;
        foreach (var attribute in si.SignedAttributes)
        {
            foreach (var value in attribute.Values)
            {
                if (value is Pkcs9MessageDigest md) signedDigest = md.MessageDigest;
                else if (value is Pkcs9SigningTime st) signedAt = st.SigningTime.ToUniversalTime();
            }
        }
        if (signedDigest is null)
            return SignatureVerdict.Fail(SignatureFailure.Malformed, "签名缺少 messageDigest 签名属性", "The signature has no messageDigest signed attribute", Format);
        var unchanged = CryptographicOperations.FixedTimeEquals(signedDigest, CryptographicOperations.HashData(h, document));
        var verdict = new SignatureVerdict
        {
            Failure = SignatureFailure.None, Reason = new Common.Msg("", ""), Format = Format, Algorithm = algorithm,
            SignedAt = signedAt, DocumentUnchanged = unchanged,
        };
        if (!unchanged)
            return DocumentSignatureVerifier.WithChain(verdict, certificate, enclosed, trust, SignatureFailure.DocumentChanged,
                $"文件已被改动：其 {h.Name} 摘要与签名时的摘要不同", $"The document was changed: its {h.Name} digest differs from the signed one");
        try
        {
            si.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return DocumentSignatureVerifier.WithChain(verdict with { DocumentUnchanged = null }, certificate, enclosed, trust, SignatureFailure.BadSignature,
                "签名值不能用签名人证书的公钥验证（签名被篡改或不是该证书所签）",
                "The signature value does not verify with the signer certificate's public key (altered, or not made with this certificate)");
        }
        return DocumentSignatureVerifier.WithChain(verdict, certificate, enclosed, trust, SignatureFailure.None, "", "");
    }
}
