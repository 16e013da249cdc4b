using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using CmsSignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using Time = Org.BouncyCastle.Asn1.Cms.Time;

namespace Lvyue.Notary.Signatures;

/// <summary>
/// Detached SM2 signatures as the SignedData of GB/T 35275-2017 (SM2 cryptographic message syntax), written by the
/// project because BouncyCastle 1.8.10's CMS generator refuses SM3 with an EC key. ContentInfo of type signedData
/// (1.2.156.10197.6.1.4.2.2) holding: digestAlgorithms {SM3 1.2.156.10197.1.401}; encapsulated content of type data
/// (1.2.156.10197.6.1.4.2.1) without the content (detached); the certificates; one SignerInfo with
/// issuerAndSerialNumber, signed attributes contentType, signingTime and messageDigest (SM3 of the document),
/// signatureAlgorithm sm2-1 (1.2.156.10197.1.301.1) and the SM2 signature (DER SEQUENCE {r, s}, GB/T 35276) with the
/// default user ID 1234567812345678 over the DER of the signed attributes as a SET — as RFC 5652 §5.4 does.
/// </summary>
public static class Sm2CmsSignature
{
    /// <summary>The format name stored with a signature.</summary>
    public const string Format = "gbt35275";

    /// <summary>The SM3 digest of <paramref name="data"/>.</summary>
    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        var bytes = data.ToArray();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>A detached SignedData over <paramref name="document"/>, signed by <paramref name="key"/> of <paramref name="certificate"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> document, X509Certificate certificate, ECPrivateKeyParameters key,
        IEnumerable<X509Certificate> issuers, DateTime signingTime, SecureRandom? random = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var signedAttributes = new DerSet(new Asn1EncodableVector(
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(SignatureOids.GmDataOid)),
            new CmsAttribute(CmsAttributes.SigningTime, new DerSet(new Time(signingTime.ToUniversalTime()))),
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(Sm3(document))))));
        var signature = SignRaw(key, signedAttributes.GetEncoded(Asn1Encodable.Der), random);
        var sm3 = new AlgorithmIdentifier(SignatureOids.Sm3Oid);
        var signerInfo = new CmsSignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(certificate.IssuerDN, certificate.SerialNumber)),
            sm3, signedAttributes, new AlgorithmIdentifier(SignatureOids.Sm2SignOid), new DerOctetString(signature), (Asn1Set?)null);
        var certificates = new Asn1EncodableVector();
        foreach (var c in new[] { certificate }.Concat(issuers))
            certificates.Add(X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(c.GetEncoded())));
        var signedData = new SignedData(new DerSet(sm3), new CmsContentInfo(SignatureOids.GmDataOid, null), new DerSet(certificates),
            null, new DerSet(signerInfo));
        return new CmsContentInfo(SignatureOids.GmSignedDataOid, signedData).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>SM2 with SM3 over <paramref name="message"/>, DER SEQUENCE {r, s}, default user ID.</summary>
    public static byte[] SignRaw(ECPrivateKeyParameters key, byte[] message, SecureRandom? random = null, string userId = NoteCrypto.Sm2DefaultUserId)
    {
        var signer = new SM2Signer(StandardDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, random ?? new SecureRandom()), Encoding.ASCII.GetBytes(userId)));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Whether <paramref name="signature"/> (DER SEQUENCE {r, s}) is an SM2 signature of <paramref name="message"/>.</summary>
    public static bool VerifyRaw(ECPublicKeyParameters key, byte[] message, byte[] signature, string userId = NoteCrypto.Sm2DefaultUserId)
    {
        var signer = new SM2Signer(StandardDsaEncoding.Instance);
        signer.Init(false, new ParametersWithID(key, Encoding.ASCII.GetBytes(userId)));
        signer.BlockUpdate(message, 0, message.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Asn1Exception)
        {
            return false;
        }
    }

    /// <summary>Whether the parsed content info is an SM2 SignedData (GB/T 35275 type, or RFC 5652 type with SM3/SM2 signers).</summary>
    internal static bool IsSm2(CmsContentInfo info)
    {
        if (info.ContentType.Id == SignatureOids.GmSignedData) return true;
        if (info.ContentType.Id != SignatureOids.CmsSignedData) return false;
        var sd = SignedData.GetInstance(info.Content);
        return sd.SignerInfos.Cast<Asn1Encodable>().Select(CmsSignerInfo.GetInstance)
            .Any(s => s.DigestAlgorithm.Algorithm.Id == SignatureOids.Sm3 || s.DigestEncryptionAlgorithm.Algorithm.Id is SignatureOids.Sm2Sign or SignatureOids.Sm3WithSm2);
    }

    /// <summary>Verifies each signer of an SM2 SignedData over <paramref name="document"/>.</summary>
    internal static List<SignatureVerdict> Verify(CmsContentInfo info, ReadOnlySpan<byte> document, TrustStore trust)
    {
        var verdicts = new List<SignatureVerdict>();
        SignedData sd;
        try
        {
            sd = SignedData.GetInstance(info.Content);
        }
        catch (ArgumentException e)
        {
            return [SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件的 SignedData 结构不完整：" + e.Message, "The signature's SignedData is incomplete: " + e.Message, Format)];
        }
        if (sd.EncapContentInfo.Content is not null)
            return [SignatureVerdict.Fail(SignatureFailure.Malformed, "签名不是分离式签名（内含原文）", "The signature is not detached (it embeds content)", Format)];
        var certificates = (sd.Certificates?.Cast<Asn1Encodable>() ?? [])
            .Select(e => new X509Certificate(X509CertificateStructure.GetInstance(e))).ToList();
        var digest = Sm3(document);
        foreach (var si in sd.SignerInfos.Cast<Asn1Encodable>().Select(CmsSignerInfo.GetInstance))
            verdicts.Add(VerifySigner(si, certificates, digest, trust));
        if (verdicts.Count == 0)
            verdicts.Add(SignatureVerdict.Fail(SignatureFailure.Malformed, "签名文件中没有签名人信息", "The signature holds no signer", Format));
        return verdicts;
    }

    private static SignatureVerdict VerifySigner(CmsSignerInfo si, List<X509Certificate> certificates, byte[] digest, TrustStore trust)
    {
        if (si.DigestAlgorithm.Algorithm.Id != SignatureOids.Sm3)
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, $"SM2 签名的摘要算法应为 SM3，而不是 {si.DigestAlgorithm.Algorithm.Id}",
                $"The digest algorithm of an SM2 signature must be SM3, not {si.DigestAlgorithm.Algorithm.Id}", Format);
        if (si.DigestEncryptionAlgorithm.Algorithm.Id is not (SignatureOids.Sm2Sign or SignatureOids.Sm3WithSm2))
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, $"不支持的签名算法 {si.DigestEncryptionAlgorithm.Algorithm.Id}",
                $"Unsupported signature algorithm {si.DigestEncryptionAlgorithm.Algorithm.Id}", Format);
        if (si.SignerID.IsTagged)
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, "签名人以密钥标识符标识，本平台要求颁发者和序列号",
                "The signer is identified by a key identifier; the platform needs issuer and serial number", Format);
        var id = IssuerAndSerialNumber.GetInstance(si.SignerID.ID);
        var certificate = certificates.FirstOrDefault(c => c.IssuerDN.Equivalent(id.Name) && c.SerialNumber.Equals(id.SerialNumber.Value));
        if (certificate is null)
            return SignatureVerdict.Fail(SignatureFailure.MissingCertificate, "签名中缺少签名人证书", "The signer's certificate is not in the signature", Format);
        if (si.AuthenticatedAttributes is not { } attributes)
            return SignatureVerdict.Fail(SignatureFailure.Malformed, "签名缺少签名属性（messageDigest、signingTime）", "The signature has no signed attributes (messageDigest, signingTime)", Format);
        var table = new AttributeTable(attributes);
        var md = table[CmsAttributes.MessageDigest];
        if (md is null || md.AttrValues.Count != 1)
            return SignatureVerdict.Fail(SignatureFailure.Malformed, "签名缺少 messageDigest 属性", "The signature has no messageDigest attribute", Format);
        DateTime? signedAt = table[CmsAttributes.SigningTime] is { AttrValues.Count: 1 } st ? Time.GetInstance(st.AttrValues[0]).Date.ToUniversalTime() : null;
        var ct = table[CmsAttributes.ContentType];
        if (ct is null || DerObjectIdentifier.GetInstance(ct.AttrValues[0]).Id is not (SignatureOids.GmData or "1.2.840.113549.1.7.1"))
            return SignatureVerdict.Fail(SignatureFailure.Malformed, "签名的 contentType 属性缺失或不是 data", "The signature's contentType attribute is missing or not data", Format);
        if (certificate.GetPublicKey() is not ECPublicKeyParameters key || SignatureKeys.AlgorithmOf(key) != SignatureAlgorithm.Sm2)
            return SignatureVerdict.Fail(SignatureFailure.Unsupported, "签名人证书的公钥不是 SM2 公钥", "The signer's certificate does not hold an SM2 public key", Format);

        var unchanged = Asn1OctetString.GetInstance(md.AttrValues[0]).GetOctets().AsSpan().SequenceEqual(digest);
        var verdict = new SignatureVerdict
        {
            Failure = SignatureFailure.None, Reason = new Common.Msg("", ""), Format = Format, Algorithm = SignatureAlgorithm.Sm2,
            SignedAt = signedAt, DocumentUnchanged = unchanged,
        };
        if (!VerifyRaw(key, attributes.GetEncoded(Asn1Encodable.Der), si.EncryptedDigest.GetOctets()))
            return DocumentSignatureVerifier.WithChain(verdict with { DocumentUnchanged = null }, certificate, certificates, trust,
                SignatureFailure.BadSignature, "签名值不能用签名人证书的公钥验证（签名被篡改或不是该证书所签）",
                "The signature value does not verify with the signer certificate's public key (altered, or not made with this certificate)");
        if (!unchanged)
            return DocumentSignatureVerifier.WithChain(verdict, certificate, certificates, trust, SignatureFailure.DocumentChanged,
                "文件已被改动：其 SM3 摘要与签名时的摘要不同", "The document was changed: its SM3 digest differs from the signed one");
        return DocumentSignatureVerifier.WithChain(verdict, certificate, certificates, trust, SignatureFailure.None, "", "");
    }
}
