using Lvyue.Common;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Lvyue.Notary.Signatures;

/// <summary>The result of validating a certificate chain.</summary>
public sealed record ChainResult(SignatureFailure Failure, Msg Reason, IReadOnlyList<CertificateSummary> Chain)
{
    public bool IsTrusted => Failure == SignatureFailure.None;
}

/// <summary>
/// Validates the chain of a signer's certificate at the signing time: each certificate issued (signature verified) by
/// the next, issuers are CAs, every certificate within its validity and not revoked then, the chain ends at a trust
/// anchor, and the signer's certificate allows digital signatures.
/// </summary>
public static class CertificateChainValidator
{
    private const int MaxDepth = 8;

    /// <summary>Validates <paramref name="leaf"/> with the further certificates of <paramref name="pool"/> against <paramref name="trust"/> at <paramref name="at"/>.</summary>
    public static ChainResult Validate(X509Certificate leaf, IEnumerable<X509Certificate> pool, TrustStore trust, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(trust);
        var candidates = pool.Concat(trust.Intermediates).ToList();
        var chain = new List<X509Certificate> { leaf };
        ChainResult Done(SignatureFailure f, string zh, string en) => new(f, new Msg(zh, en), chain.Select(c => Summarize(c, trust)).ToList());

        var usage = leaf.GetKeyUsage();
        if (usage is not null && !usage[0] && !usage[1])
            return Done(SignatureFailure.WrongUsage, "签名人证书的密钥用途不含数字签名", "The signer's certificate does not allow digital signatures (key usage)");
        if (trust.Anchors.Count == 0)
            return Done(SignatureFailure.Untrusted, "未配置信任锚（根证书），无法校验证书链", "No trust anchor (root certificate) is configured: the certificate chain cannot be checked");

        var current = leaf;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var name = Cn(current);
            var atUtc = at.ToUniversalTime();
            if (atUtc < current.NotBefore.ToUniversalTime() || atUtc > current.NotAfter.ToUniversalTime())
                return Done(SignatureFailure.OutsideValidity,
                    $"证书“{name}”在签署时间 {Show(atUtc)} 不在有效期内（{Show(current.NotBefore)} 至 {Show(current.NotAfter)}）",
                    $"The certificate \"{name}\" was not valid at the signing time {Show(atUtc)} (valid {Show(current.NotBefore)} to {Show(current.NotAfter)})");
            if (trust.RevocationOf(current) is { } revoked && revoked.RevokedAt <= atUtc)
                return Done(SignatureFailure.Revoked,
                    $"证书“{name}”已于 {Show(revoked.RevokedAt)} 吊销{(revoked.Reason is null ? "" : "（" + revoked.Reason + "）")}，早于签署时间",
                    $"The certificate \"{name}\" was revoked on {Show(revoked.RevokedAt)}{(revoked.Reason is null ? "" : " (" + revoked.Reason + ")")}, before the signing time");
            if (trust.IsAnchor(current)) return Done(SignatureFailure.None, "证书链有效，终止于信任锚", "The certificate chain is valid and ends at a trust anchor");

            var sameName = trust.Anchors.Concat(candidates)
                .Where(c => !c.Equals(current) && c.SubjectDN.Equivalent(current.IssuerDN)).Distinct().ToList();
            if (sameName.Count == 0)
            {
                return current.SubjectDN.Equivalent(current.IssuerDN)
                    ? Done(SignatureFailure.UnknownIssuer, $"未知的颁发者：证书链终止于不受信任的自签名根证书“{name}”",
                        $"Unknown issuer: the chain ends at the self-signed certificate \"{name}\", which is not a trusted root")
                    : Done(SignatureFailure.UnknownIssuer, $"未知的颁发者：“{current.IssuerDN}”不是受信任的证书颁发机构",
                        $"Unknown issuer: \"{current.IssuerDN}\" is not a trusted certificate authority");
            }
            var issuer = sameName.FirstOrDefault(c => SignedBy(current, c));
            if (issuer is null)
                return Done(SignatureFailure.ForgedCertificate,
                    $"证书“{name}”自称由“{current.IssuerDN}”颁发，但其签名不能用该颁发者的公钥验证（伪造或被篡改的证书）",
                    $"The certificate \"{name}\" names \"{current.IssuerDN}\" as its issuer, but its signature does not verify with that issuer's key (a forged or altered certificate)");
            if (issuer.GetBasicConstraints() < 0)
                return Done(SignatureFailure.WrongUsage, $"颁发者“{Cn(issuer)}”不是 CA 证书", $"The issuer \"{Cn(issuer)}\" is not a CA certificate");
            chain.Add(issuer);
            current = issuer;
        }
        return Done(SignatureFailure.UnknownIssuer, "证书链过长", $"The certificate chain is longer than {MaxDepth}");
    }

    /// <summary>Whether <paramref name="issuer"/>'s public key verifies <paramref name="certificate"/>'s signature.</summary>
    public static bool SignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is GeneralSecurityException or CertificateException or SecurityUtilityException
                                      or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The summary of one certificate with what the trust store knows of it.</summary>
    public static CertificateSummary Summarize(X509Certificate c, TrustStore? trust = null)
    {
        var algorithm = SignatureKeys.AlgorithmOf(c.GetPublicKey()) is { } a ? SignatureAlgorithms.Label(a) : c.SigAlgName;
        return new CertificateSummary(c.SubjectDN.ToString(), Cn(c), Value(c.SubjectDN, X509Name.O), c.IssuerDN.ToString(),
            c.SerialNumber.ToString(16), c.NotBefore.ToUniversalTime(), c.NotAfter.ToUniversalTime(), algorithm,
            CertificateFiles.Fingerprint(c), trust?.IsAnchor(c) ?? false, trust?.RevocationOf(c)?.RevokedAt);
    }

    /// <summary>The common name of a certificate's subject, or the whole subject when it has none.</summary>
    public static string Cn(X509Certificate c) => Value(c.SubjectDN, X509Name.CN) ?? c.SubjectDN.ToString();

    private static string? Value(X509Name name, DerObjectIdentifier oid) =>
        name.GetValueList(oid) is { Count: > 0 } values ? values[0]?.ToString() : null;

    private static string Show(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
