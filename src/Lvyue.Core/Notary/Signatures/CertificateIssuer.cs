using System.Collections;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Lvyue.Notary.Signatures;

/// <summary>The distinguished name of a certificate: C=CN, O, organizationIdentifier (USCC), OU, CN.</summary>
public sealed record CertificateSubject(string CommonName, string? Organization = null, string? OrganizationIdentifier = null, string? Unit = null)
{
    /// <summary>The X.509 name (UTF8String values, PrintableString country).</summary>
    public X509Name ToX509Name()
    {
        var order = new ArrayList { X509Name.C };
        var values = new Hashtable { [X509Name.C] = "CN" };
        if (!string.IsNullOrWhiteSpace(Organization)) { order.Add(X509Name.O); values[X509Name.O] = Organization; }
        if (!string.IsNullOrWhiteSpace(OrganizationIdentifier))
        {
            var oid = new DerObjectIdentifier(SignatureOids.OrganizationIdentifier);
            order.Add(oid);
            values[oid] = OrganizationIdentifier;
        }
        if (!string.IsNullOrWhiteSpace(Unit)) { order.Add(X509Name.OU); values[X509Name.OU] = Unit; }
        order.Add(X509Name.CN);
        values[X509Name.CN] = CommonName;
        return new X509Name(order, values);
    }
}

/// <summary>
/// Issues X.509 v3 certificates with BouncyCastle: self-signed roots of the platform CA and end-entity certificates
/// for organizations and signers. SM2 keys are certified with SM3withSM2 (OID 1.2.156.10197.1.501), ECDSA P-256 keys
/// with ecdsa-with-SHA256; an issuer signs only certificates of its own algorithm.
/// </summary>
public static class CertificateIssuer
{
    /// <summary>The signature algorithm (for <see cref="Asn1SignatureFactory"/>) an issuer key of <paramref name="algorithm"/> signs with.</summary>
    public static string SignatureAlgorithmOf(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.Sm2 => SignatureOids.Sm3WithSm2, // BouncyCastle 1.8.10 knows the OID, not the name
        SignatureAlgorithm.EcdsaP256 => "SHA256WITHECDSA",
        _ => "SHA256WITHRSA",
    };

    /// <summary>A self-signed root certificate (CA, path length 1: it may certify end entities only).</summary>
    public static X509Certificate IssueRoot(AsymmetricCipherKeyPair key, SignatureAlgorithm algorithm, CertificateSubject subject,
        DateTime notBefore, DateTime notAfter)
    {
        var name = subject.ToX509Name();
        var g = NewGenerator(name, name, key.Public, notBefore, notAfter);
        g.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(1));
        g.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign | KeyUsage.DigitalSignature));
        g.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifierStructure(key.Public));
        return g.Generate(new Asn1SignatureFactory(SignatureAlgorithmOf(algorithm), key.Private, new SecureRandom()));
    }

    /// <summary>
    /// An end-entity signing certificate for <paramref name="subjectKey"/> issued by <paramref name="issuer"/> with
    /// <paramref name="issuerKey"/>: key usage digitalSignature and nonRepudiation (content commitment).
    /// </summary>
    public static X509Certificate IssueSigner(X509Certificate issuer, AsymmetricKeyParameter issuerKey, SignatureAlgorithm algorithm,
        AsymmetricKeyParameter subjectKey, CertificateSubject subject, DateTime notBefore, DateTime notAfter)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var g = NewGenerator(issuer.SubjectDN, subject.ToX509Name(), subjectKey, notBefore, notAfter);
        g.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        g.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        g.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifierStructure(subjectKey));
        g.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifierStructure(issuer));
        return g.Generate(new Asn1SignatureFactory(SignatureAlgorithmOf(algorithm), issuerKey, new SecureRandom()));
    }

    private static X509V3CertificateGenerator NewGenerator(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey,
        DateTime notBefore, DateTime notAfter)
    {
        if (notAfter <= notBefore) throw new ArgumentException("a certificate's validity must end after it begins", nameof(notAfter));
        var g = new X509V3CertificateGenerator();
        // 127 random bits: positive, unique in practice, as the CA/B baseline asks for at least 64.
        var serial = new BigInteger(127, new SecureRandom()).SetBit(126);
        g.SetSerialNumber(serial);
        g.SetIssuerDN(issuer);
        g.SetSubjectDN(subject);
        // X.509 keeps whole seconds.
        g.SetNotBefore(Truncate(notBefore));
        g.SetNotAfter(Truncate(notAfter));
        g.SetPublicKey(publicKey);
        return g;
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
