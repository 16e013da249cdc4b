using Org.BouncyCastle.Asn1;

namespace Lvyue.Notary.Signatures;

/// <summary>The object identifiers of GB/T 35275 (SM2 cryptographic message syntax), GB/T 32918 and the CMS attributes.</summary>
public static class SignatureOids
{
    /// <summary>SM3withSM2, the signature algorithm of SM2 certificates.</summary>
    public const string Sm3WithSm2 = "1.2.156.10197.1.501";

    /// <summary>sm2-1, the SM2 signature algorithm in a GB/T 35275 SignerInfo.</summary>
    public const string Sm2Sign = "1.2.156.10197.1.301.1";

    /// <summary>The SM3 digest algorithm.</summary>
    public const string Sm3 = "1.2.156.10197.1.401";

    /// <summary>GB/T 35275 content type <c>data</c>.</summary>
    public const string GmData = "1.2.156.10197.6.1.4.2.1";

    /// <summary>GB/T 35275 content type <c>signedData</c>.</summary>
    public const string GmSignedData = "1.2.156.10197.6.1.4.2.2";

    /// <summary>PKCS#7 / CMS signedData (RFC 5652).</summary>
    public const string CmsSignedData = "1.2.840.113549.1.7.2";

    /// <summary>The organizationIdentifier attribute (X.520), carrying the unified social credit code.</summary>
    public const string OrganizationIdentifier = "2.5.4.97";

    internal static readonly DerObjectIdentifier Sm3WithSm2Oid = new(Sm3WithSm2);
    internal static readonly DerObjectIdentifier Sm2SignOid = new(Sm2Sign);
    internal static readonly DerObjectIdentifier Sm3Oid = new(Sm3);
    internal static readonly DerObjectIdentifier GmDataOid = new(GmData);
    internal static readonly DerObjectIdentifier GmSignedDataOid = new(GmSignedData);
}
