using System.CommandLine;
using System.Globalization;
using Lvyue.Notary.Signatures;

namespace Lvyue.Cli;

/// <summary>
/// <c>lvyue sign verify DOC SIG [--trust CA.pem …]</c>: verifies a detached signature (CMS/PKCS#7 or GB/T 35275 SM2,
/// DER or PEM) over a document offline, with no database. Each signer is printed with its time and certificate chain;
/// the last line is <c>valid</c> (exit 0) or the reason (exit 1). Without <c>--trust</c> the chain cannot be checked
/// and the signature is not called valid.
/// </summary>
public static class SignCommands
{
    /// <summary>The <c>sign</c> command.</summary>
    public static Command Build()
    {
        var document = new Argument<string>("DOC") { Description = "The signed document" };
        var signature = new Argument<string>("SIG") { Description = "The detached signature file (.p7s, DER or PEM)" };
        var trust = new Option<string[]>("--trust")
        {
            Description = "A PEM or DER file of trusted root certificates (repeatable), e.g. from GET /api/v1/signatures/roots",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var verify = new Command("verify", "Verify a detached signature of a document offline: prints valid (exit 0) or the reason (exit 1)") { document, signature, trust };
        verify.SetAction(r =>
        {
            var (code, text) = Verify(r.GetValue(document)!, r.GetValue(signature)!, r.GetValue(trust) ?? []);
            r.InvocationConfiguration.Output.Write(text);
            return code;
        });
        return new Command("sign", "Electronic signatures of contract documents") { verify };
    }

    /// <summary>The exit code and the printed report of verifying <paramref name="signaturePath"/> over <paramref name="documentPath"/>.</summary>
    public static (int Code, string Text) Verify(string documentPath, string signaturePath, IReadOnlyList<string> trustPaths)
    {
        byte[] document, signature;
        var anchors = new List<Org.BouncyCastle.X509.X509Certificate>();
        try
        {
            document = File.ReadAllBytes(documentPath);
            signature = File.ReadAllBytes(signaturePath);
            foreach (var t in trustPaths) anchors.AddRange(CertificateFiles.Read(File.ReadAllBytes(t)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or FormatException)
        {
            return (1, $"cannot read the input: {e.Message}\n");
        }
        var verdicts = DocumentSignatureVerifier.Verify(document, signature, new TrustStore(anchors));
        var w = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var v in verdicts)
        {
            if (v.Signer is { } s) w.WriteLine($"signer: {s.Subject}");
            if (v.SignedAt is { } at) w.WriteLine($"signed at: {at:yyyy-MM-ddTHH:mm:ssZ}");
            if (v.Algorithm is { } a) w.WriteLine($"algorithm: {SignatureAlgorithms.Name(a)} ({v.Format})");
            if (v.DocumentUnchanged is { } u) w.WriteLine($"document unchanged: {(u ? "yes" : "no")}");
            foreach (var c in v.Chain)
                w.WriteLine($"certificate: {c.CommonName} (serial {c.SerialNumber}, {c.NotBefore:yyyy-MM-dd} to {c.NotAfter:yyyy-MM-dd}{(c.IsTrustAnchor ? ", trust anchor" : "")})");
        }
        var failed = verdicts.FirstOrDefault(v => !v.IsValid);
        w.WriteLine(failed is null ? "valid" : failed.Reason.En);
        return (failed is null ? 0 : 1, w.ToString());
    }
}
