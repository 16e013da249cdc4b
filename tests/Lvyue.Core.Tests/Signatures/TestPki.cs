using Lvyue.Notary.Signatures;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Lvyue.Tests.Signatures;

/// <summary>A root and a signer of one algorithm, made in memory with the platform's issuer.</summary>
internal sealed class TestPki
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public required SignatureAlgorithm Algorithm { get; init; }
    public required AsymmetricCipherKeyPair RootKey { get; init; }
    public required X509Certificate Root { get; init; }
    public required AsymmetricCipherKeyPair SignerKey { get; init; }
    public required X509Certificate Signer { get; init; }

    public TrustStore Trust(Func<X509Certificate, Revocation?>? revocation = null) => new([Root], null, revocation);

    public static TestPki Create(SignatureAlgorithm algorithm, string rootName = "测试根证书 Test Root", DateTime? signerNotAfter = null)
    {
        var rootKey = SignatureKeys.Generate(algorithm);
        var root = CertificateIssuer.IssueRoot(rootKey, algorithm, new CertificateSubject(rootName, "履约平台 Lvyue Platform"), Start, Start.AddYears(20));
        var signerKey = SignatureKeys.Generate(algorithm);
        var signer = CertificateIssuer.IssueSigner(root, rootKey.Private, algorithm, signerKey.Public,
            new CertificateSubject("李经办", "示范区教育局", "11440303000000001X"), Start, signerNotAfter ?? Start.AddYears(3));
        return new TestPki { Algorithm = algorithm, RootKey = rootKey, Root = root, SignerKey = signerKey, Signer = signer };
    }

    /// <summary>A detached signature of <paramref name="document"/> by the signer at <paramref name="at"/> in the format of the algorithm.</summary>
    public byte[] Sign(byte[] document, DateTime at) => Algorithm == SignatureAlgorithm.Sm2
        ? Sm2CmsSignature.Sign(document, Signer, (ECPrivateKeyParameters)SignerKey.Private, [Root], at)
        : CmsDocumentSignature.Sign(document, Signer, SignatureKeys.ToPkcs8(SignerKey.Private), [Root], at);
}
