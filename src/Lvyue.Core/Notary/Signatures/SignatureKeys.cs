using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Lvyue.Notary.Signatures;

/// <summary>Key pairs of signing certificates: generation on sm2p256v1 or P-256, PKCS#8 encoding, the algorithm of a public key.</summary>
public static class SignatureKeys
{
    private static readonly ECDomainParameters P256 = Named(SecObjectIdentifiers.SecP256r1, NistNamedCurves.GetByName("P-256"));

    private static ECDomainParameters Named(Org.BouncyCastle.Asn1.DerObjectIdentifier oid, Org.BouncyCastle.Asn1.X9.X9ECParameters x) =>
        new ECNamedDomainParameters(oid, x.Curve, x.G, x.N, x.H, x.GetSeed());

    /// <summary>A fresh key pair of <paramref name="algorithm"/> (SM2 or ECDSA P-256).</summary>
    public static AsymmetricCipherKeyPair Generate(SignatureAlgorithm algorithm, SecureRandom? random = null)
    {
        // By the curve's OID, so certificates and PKCS#8 name the curve instead of spelling out its parameters.
        var curve = algorithm switch
        {
            SignatureAlgorithm.Sm2 => GMObjectIdentifiers.sm2p256v1,
            SignatureAlgorithm.EcdsaP256 => SecObjectIdentifiers.SecP256r1,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "the platform issues SM2 and ECDSA P-256 keys only"),
        };
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(curve, random ?? new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    /// <summary>The PKCS#8 PrivateKeyInfo (DER) of a private key.</summary>
    public static byte[] ToPkcs8(AsymmetricKeyParameter privateKey) =>
        PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded();

    /// <summary>The private key of PKCS#8 DER.</summary>
    public static AsymmetricKeyParameter FromPkcs8(byte[] pkcs8) => PrivateKeyFactory.CreateKey(pkcs8);

    /// <summary>The algorithm of a public key, null when it is neither SM2, P-256 nor RSA.</summary>
    public static SignatureAlgorithm? AlgorithmOf(AsymmetricKeyParameter publicKey) => publicKey switch
    {
        ECPublicKeyParameters { PublicKeyParamSet: { } set } when set.Equals(GMObjectIdentifiers.sm2p256v1) => SignatureAlgorithm.Sm2,
        ECPublicKeyParameters { PublicKeyParamSet: { } set } when set.Equals(SecObjectIdentifiers.SecP256r1) => SignatureAlgorithm.EcdsaP256,
        ECPublicKeyParameters ec when ec.Parameters.Curve.Equals(NoteCrypto.Sm2Curve.Curve) => SignatureAlgorithm.Sm2,
        ECPublicKeyParameters ec when ec.Parameters.Curve.Equals(P256.Curve) => SignatureAlgorithm.EcdsaP256,
        RsaKeyParameters => SignatureAlgorithm.Rsa,
        _ => null,
    };
}
