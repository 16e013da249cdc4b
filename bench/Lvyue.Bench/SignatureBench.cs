using System.Diagnostics;
using System.Security.Cryptography;
using Lvyue.Notary.Signatures;
using Org.BouncyCastle.Crypto.Parameters;

namespace Lvyue.Bench;

/// <summary>
/// <c>sign [--iterations 1000] [--size 262144]</c>: document signatures made and verified per second on one thread (one
/// core) — the raw SM2-with-SM3 signature over a 32-byte digest, and whole detached signatures of a document of
/// <c>--size</c> bytes: SM2 as GB/T 35275 SignedData and ECDSA P-256 as CMS, each verified with its chain.
/// </summary>
public static class SignatureBench
{
    public static int Run(string[] args)
    {
        var iterations = int.Parse(BenchHost.Arg(args, "--iterations", "1000"));
        var size = int.Parse(BenchHost.Arg(args, "--size", "262144"));
        var document = RandomNumberGenerator.GetBytes(size);
        var start = DateTime.UtcNow.AddDays(-1);

        var sm2 = SignatureKeys.Generate(SignatureAlgorithm.Sm2);
        var digest = Sm2CmsSignature.Sm3(document);
        var raw = Sm2CmsSignature.SignRaw((ECPrivateKeyParameters)sm2.Private, digest);
        Report("SM2/SM3 raw signature over a 32-byte digest", iterations,
            () => Sm2CmsSignature.SignRaw((ECPrivateKeyParameters)sm2.Private, digest),
            () => Check(Sm2CmsSignature.VerifyRaw((ECPublicKeyParameters)sm2.Public, digest, raw)));

        foreach (var algorithm in new[] { SignatureAlgorithm.Sm2, SignatureAlgorithm.EcdsaP256 })
        {
            var rootKey = SignatureKeys.Generate(algorithm);
            var root = CertificateIssuer.IssueRoot(rootKey, algorithm, new CertificateSubject("Bench Root"), start, start.AddYears(10));
            var key = SignatureKeys.Generate(algorithm);
            var cert = CertificateIssuer.IssueSigner(root, rootKey.Private, algorithm, key.Public, new CertificateSubject("Bench Signer", "Bench Org"), start, start.AddYears(1));
            var pkcs8 = SignatureKeys.ToPkcs8(key.Private);
            var trust = new TrustStore([root]);
            byte[] Sign() => algorithm == SignatureAlgorithm.Sm2
                ? Sm2CmsSignature.Sign(document, cert, (ECPrivateKeyParameters)key.Private, [root], DateTime.UtcNow)
                : CmsDocumentSignature.Sign(document, cert, pkcs8, [root], DateTime.UtcNow);
            var signature = Sign();
            Report($"{SignatureAlgorithms.Label(algorithm)} detached signature of a {size / 1024} KB document ({(algorithm == SignatureAlgorithm.Sm2 ? "GB/T 35275" : "CMS")}, with chain check)",
                iterations, () => Sign(), () => Check(DocumentSignatureVerifier.Verify(document, signature, trust)[0].IsValid));
        }
        return 0;
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new InvalidOperationException("a signature did not verify");
    }

    private static void Report(string what, int iterations, Action sign, Action verify)
    {
        for (var i = 0; i < Math.Min(100, iterations); i++) { sign(); verify(); }
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) sign();
        var signRate = iterations / sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (var i = 0; i < iterations; i++) verify();
        var verifyRate = iterations / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{what}, one thread: sign {signRate:N0}/s, verify {verifyRate:N0}/s ({iterations} each)");
    }
}
