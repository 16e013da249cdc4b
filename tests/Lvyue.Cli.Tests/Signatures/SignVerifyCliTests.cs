using System.CommandLine;
using System.Text;
using Lvyue.Cli;
using Lvyue.Notary.Signatures;
using Org.BouncyCastle.Crypto.Parameters;

namespace Lvyue.Cli.Tests.Signatures;

/// <summary><c>lvyue sign verify DOC SIG --trust CA.pem</c>: valid and exit 0, or the reason and exit 1, offline.</summary>
public sealed class SignVerifyCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lvyue-sign-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString());
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(SignatureAlgorithm.Sm2)]
    [InlineData(SignatureAlgorithm.EcdsaP256)]
    public void ASignatureVerifiesWithItsRootAndFailsWithReasons(SignatureAlgorithm algorithm)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var rootKey = SignatureKeys.Generate(algorithm);
        var root = CertificateIssuer.IssueRoot(rootKey, algorithm, new CertificateSubject("Test Root"), start, start.AddYears(10));
        var key = SignatureKeys.Generate(algorithm);
        var signer = CertificateIssuer.IssueSigner(root, rootKey.Private, algorithm, key.Public, new CertificateSubject("郑经理", "鹏城物业管理有限公司"), start, start.AddYears(3));
        var document = Encoding.UTF8.GetBytes("合同正文 " + algorithm);
        var at = start.AddDays(30);
        var signature = algorithm == SignatureAlgorithm.Sm2
            ? Sm2CmsSignature.Sign(document, signer, (ECPrivateKeyParameters)key.Private, [root], at)
            : CmsDocumentSignature.Sign(document, signer, SignatureKeys.ToPkcs8(key.Private), [root], at);
        var doc = Write("contract.txt", document);
        var sig = Write("contract.p7s", Encoding.ASCII.GetBytes(DocumentSignatureVerifier.ToPem(signature)));
        var ca = Write("root.pem", Encoding.ASCII.GetBytes(CertificateFiles.ToPem(root)));

        var (code, output) = Run("sign", "verify", doc, sig, "--trust", ca);
        Assert.Equal(0, code);
        Assert.EndsWith("valid" + Environment.NewLine, output);
        Assert.Contains("郑经理", output);
        Assert.Contains("signed at: 2026-01-31T00:00:00Z", output);

        var changed = (byte[])document.Clone();
        changed[0] ^= 1;
        (code, output) = Run("sign", "verify", Write("changed.txt", changed), sig, "--trust", ca);
        Assert.Equal(1, code);
        Assert.Contains("The document was changed", output);
        Assert.DoesNotContain("\nvalid", output);

        (code, output) = Run("sign", "verify", doc, sig);
        Assert.Equal(1, code);
        Assert.Contains("No trust anchor", output);

        (code, output) = Run("sign", "verify", doc, Write("junk.p7s", "junk"u8.ToArray()), "--trust", ca);
        Assert.Equal(1, code);
        Assert.Contains("neither DER nor PEM", output);

        (code, output) = Run("sign", "verify", doc, Path.Combine(_folder, "missing.p7s"), "--trust", ca);
        Assert.Equal(1, code);
        Assert.Contains("cannot read", output);
    }
}
