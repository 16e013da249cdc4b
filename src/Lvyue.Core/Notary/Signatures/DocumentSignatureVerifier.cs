using System.Text;
using Lvyue.Common;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;
using CmsContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Lvyue.Notary.Signatures;

/// <summary>
/// Verifies a detached signature file (DER or PEM; RFC 5652 CMS with ECDSA/RSA, or GB/T 35275 SM2 SignedData) over a
/// document: per signer whether the document is unchanged, the signature value verifies, and the certificate chain is
/// valid at the signing time against the trust store. Never throws for bad input: every failure is a verdict with
/// its reason.
/// </summary>
public static class DocumentSignatureVerifier
{
    /// <summary>The verdict of each signer of <paramref name="signature"/> over <paramref name="document"/>.</summary>
    public static IReadOnlyList<SignatureVerdict> Verify(byte[] document, byte[] signature, TrustStore trust)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(trust);
        if (!TryUnwrapPem(signature, out var der, out var pemError)) return [SignatureVerdict.Fail(SignatureFailure.Malformed, pemError.Zh, pemError.En)];
        CmsContentInfo info;
        bool sm2;
        try
        {
            info = CmsContentInfo.GetInstance(Asn1Object.FromByteArray(der));
            if (info.ContentType.Id is not (SignatureOids.CmsSignedData or SignatureOids.GmSignedData))
                return [SignatureVerdict.Fail(SignatureFailure.Malformed, $"签名文件的内容类型 {info.ContentType.Id} 不是 signedData",
                    $"The signature's content type {info.ContentType.Id} is not signedData")];
            sm2 = Sm2CmsSignature.IsSm2(info);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Asn1Exception or InvalidOperationException or NullReferenceException)
        {
            return [SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件不是 DER 或 PEM 编码的 CMS SignedData（PKCS#7 / GB/T 35275）",
                "The signature file is not a CMS SignedData (PKCS#7 / GB/T 35275) in DER or PEM")];
        }
        try
        {
            return sm2 ? Sm2CmsSignature.Verify(info, document, trust) : CmsDocumentSignature.Verify(der, document, trust);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Asn1Exception or InvalidOperationException
                                      or FormatException or System.Security.Cryptography.CryptographicException
                                      or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return [SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件结构有误：" + e.Message, "The signature file is malformed: " + e.Message,
                sm2 ? Sm2CmsSignature.Format : CmsDocumentSignature.Format)];
        }
    }

    /// <summary>Completes a verdict whose signature checks ended in <paramref name="failure"/> with the chain's validation.</summary>
    internal static SignatureVerdict WithChain(SignatureVerdict verdict, X509Certificate signer, IEnumerable<X509Certificate> enclosed, TrustStore trust,
        SignatureFailure failure, string zh, string en)
    {
        var chain = CertificateChainValidator.Validate(signer, enclosed, trust, verdict.SignedAt ?? signer.NotBefore.ToUniversalTime());
        verdict = verdict with { Chain = chain.Chain };
        if (failure != SignatureFailure.None) return verdict with { Failure = failure, Reason = new Msg(zh, en) };
        if (verdict.SignedAt is null)
            return verdict with { Failure = SignatureFailure.Malformed, Reason = new Msg("签名缺少签署时间（signingTime）", "The signature has no signing time (signingTime)") };
        if (!chain.IsTrusted) return verdict with { Failure = chain.Failure, Reason = chain.Reason };
        return verdict with
        {
            Failure = SignatureFailure.None,
            Reason = new Msg("签名有效：文件未被改动，签名值与证书链均校验通过", "Valid: the document is unchanged, the signature value and the certificate chain verify"),
        };
    }

    /// <summary>DER as is; PEM (<c>PKCS7</c>, <c>CMS</c> or <c>SIGNATURE</c> block) decoded.</summary>
    private static bool TryUnwrapPem(byte[] data, out byte[] der, out Msg error)
    {
        der = data;
        error = new Msg("", "");
        if (data.Length == 0)
        {
            error = new Msg("签名文件为空", "The signature file is empty");
            return false;
        }
        if (data[0] == 0x30) return true;
        var text = Encoding.ASCII.GetString(data);
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (begin < 0)
        {
            error = new Msg("签名文件不是 DER 或 PEM 编码", "The signature file is neither DER nor PEM");
            return false;
        }
        var bodyStart = text.IndexOf('\n', begin);
        var end = text.IndexOf("-----END ", StringComparison.Ordinal);
        if (bodyStart < 0 || end < bodyStart)
        {
            error = new Msg("PEM 签名文件不完整", "The PEM signature file is incomplete");
            return false;
        }
        try
        {
            der = Convert.FromBase64String(text[bodyStart..end].Replace("\r", "").Replace("\n", "").Trim());
            return true;
        }
        catch (FormatException)
        {
            error = new Msg("PEM 签名文件的内容不是 base64", "The PEM signature file's body is not base64");
            return false;
        }
    }

    /// <summary>The PEM text (<c>PKCS7</c> block) of a DER signature.</summary>
    public static string ToPem(byte[] der)
    {
        var b64 = Convert.ToBase64String(der);
        var sb = new StringBuilder("-----BEGIN PKCS7-----\n");
        for (var i = 0; i < b64.Length; i += 64) sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        return sb.Append("-----END PKCS7-----\n").ToString();
    }
}
