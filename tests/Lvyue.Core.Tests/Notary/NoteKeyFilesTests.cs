using System.Security.Cryptography;
using Lvyue.Notary;

namespace Lvyue.Tests.Notary;

/// <summary>Note keys are written to and read from PEM files, including keys OpenSSL 3 generated, and bad files are refused naming the file.</summary>
public sealed class NoteKeyFilesTests : IDisposable
{
    // Generated with OpenSSL 3.0: genpkey -algorithm ed25519, pkey -pubout.
    private const string OpenSslEd25519Private = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIFVLEsjOFqcU3l8iWO/2YsqT1Exhmi8RppAZhI744pCf
        -----END PRIVATE KEY-----
        """;

    private const string OpenSslEd25519Public = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAPokrYe+b5R2iaCff0fjzoneXIcqxDG/HOvxzMPSniGQ=
        -----END PUBLIC KEY-----
        """;

    // Generated with OpenSSL 3.0: ecparam -name SM2 -genkey (PKCS#8), ec (SEC 1), pkey -pubout.
    private const string OpenSslSm2Private = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgjxkdVN6kxieKwDbM
        sUfOm0lMDLEUieyrNXDlUJxx3a6hRANCAASCYk+7XLeDS9Nc/Uj4JnqKZz77QaSs
        DCvKTVax6r7qo7ZG76OnNvY/wAlY/dkuEl0nru7o05eM+2AZa/sqiWTu
        -----END PRIVATE KEY-----
        """;

    private const string OpenSslSm2Sec1 = """
        -----BEGIN SM2 PARAMETERS-----
        BggqgRzPVQGCLQ==
        -----END SM2 PARAMETERS-----
        -----BEGIN SM2 PRIVATE KEY-----
        MHcCAQEEII8ZHVTepMYnisA2zLFHzptJTAyxFInsqzVw5VCccd2uoAoGCCqBHM9V
        AYItoUQDQgAEgmJPu1y3g0vTXP1I+CZ6imc++0GkrAwryk1Wseq+6qO2Ru+jpzb2
        P8AJWP3ZLhJdJ67u6NOXjPtgGWv7Kolk7g==
        -----END SM2 PRIVATE KEY-----
        """;

    private const string OpenSslSm2Public = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEgmJPu1y3g0vTXP1I+CZ6imc++0Gk
        rAwryk1Wseq+6qO2Ru+jpzb2P8AJWP3ZLhJdJ67u6NOXjPtgGWv7Kolk7g==
        -----END PUBLIC KEY-----
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("lvyue-notary-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string file) => Path.Combine(_dir, file);

    [Theory]
    [InlineData(NoteAlgorithm.Ed25519)]
    [InlineData(NoteAlgorithm.Sm2)]
    public void AGeneratedKeyPairIsWrittenAsPemAndLoadsBackToTheSameKey(NoteAlgorithm algorithm)
    {
        var signer = NoteKeyFiles.Generate("lvyue.example/log", algorithm, PathOf("log.key"), PathOf("log.pub"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(PathOf("log.key")));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(PathOf("log.pub")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("log.key")));

        var loadedSigner = NoteKeyFiles.LoadSigner("lvyue.example/log", PathOf("log.key"));
        var loadedVerifier = NoteKeyFiles.LoadVerifier("lvyue.example/log", PathOf("log.pub"));
        Assert.Equal(signer.ToSignerKey(), loadedSigner.ToSignerKey());
        Assert.Equal(signer.Verifier.ToString(), loadedVerifier.ToString());
        Assert.Equal(loadedVerifier.ToString(), NoteKeyFiles.LoadVerifier("lvyue.example/log", PathOf("log.key")).ToString());
        Assert.True(new NoteVerifierSet(loadedVerifier).Verify(SignedNote.Sign("x\n", loadedSigner)).IsValid);
        Assert.Equal(NoteKeyFiles.ToPrivatePem(signer), File.ReadAllText(PathOf("log.key")));
    }

    [Fact]
    public void KeyFilesAreNeverOverwritten()
    {
        File.WriteAllText(PathOf("taken.pub"), "keep me");
        var error = Assert.Throws<NoteKeyException>(() =>
            NoteKeyFiles.Generate("lvyue.example/log", NoteAlgorithm.Ed25519, PathOf("new.key"), PathOf("taken.pub")));
        Assert.Contains("exists already", error.Message);
        Assert.Equal("keep me", File.ReadAllText(PathOf("taken.pub")));
        Assert.False(File.Exists(PathOf("new.key")));
    }

    [Fact]
    public void OpenSslEd25519KeysLoadAndMatch()
    {
        var signer = NoteKeyFiles.ReadSigner("lvyue.example/ed", OpenSslEd25519Private);
        var verifier = NoteKeyFiles.ReadVerifier("lvyue.example/ed", OpenSslEd25519Public);
        Assert.Equal(NoteAlgorithm.Ed25519, verifier.Algorithm);
        Assert.Equal(signer.Verifier.ToString(), verifier.ToString());
        Assert.Equal(OpenSslEd25519Private, NoteKeyFiles.ToPrivatePem(signer).TrimEnd('\n'));
        Assert.Equal(OpenSslEd25519Public, NoteKeyFiles.ToPublicPem(verifier).TrimEnd('\n'));
    }

    [Fact]
    public void OpenSslSm2KeysInPkcs8AndSec1FormLoadAndMatch()
    {
        var pkcs8 = NoteKeyFiles.ReadSigner("lvyue.example/sm2", OpenSslSm2Private);
        var sec1 = NoteKeyFiles.ReadSigner("lvyue.example/sm2", OpenSslSm2Sec1);
        var verifier = NoteKeyFiles.ReadVerifier("lvyue.example/sm2", OpenSslSm2Public);
        Assert.Equal(NoteAlgorithm.Sm2, verifier.Algorithm);
        Assert.Equal(verifier.ToString(), pkcs8.Verifier.ToString());
        Assert.Equal(pkcs8.ToSignerKey(), sec1.ToSignerKey());
        Assert.Equal(OpenSslSm2Public, NoteKeyFiles.ToPublicPem(verifier).TrimEnd('\n'));
        Assert.True(new NoteVerifierSet(verifier).Verify(SignedNote.Sign("x\n", sec1)).IsValid);
    }

    [Fact]
    public void AnEcKeyOnAnotherCurveIsRefused()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.ReadSigner("x.example/k", p256.ExportPkcs8PrivateKeyPem()));
        Assert.Contains("sm2p256v1", error.Message);
        error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.ReadVerifier("x.example/k", p256.ExportSubjectPublicKeyInfoPem()));
        Assert.Contains("sm2p256v1", error.Message);
    }

    [Fact]
    public void AnRsaKeyIsRefused()
    {
        using var rsa = RSA.Create(2048);
        var error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.ReadSigner("x.example/k", rsa.ExportPkcs8PrivateKeyPem()));
        Assert.Contains("neither Ed25519 nor SM2", error.Message);
    }

    [Theory]
    [InlineData("not a pem file", "no PEM block")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "found CERTIFICATE")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", "encrypted")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "cannot be decoded")]
    public void BadKeyFilesAreRefusedNamingTheFile(string content, string reason)
    {
        File.WriteAllText(PathOf("bad.pem"), content);
        var error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.LoadSigner("x.example/k", PathOf("bad.pem")));
        Assert.Contains(PathOf("bad.pem"), error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void AMissingKeyFileIsRefusedNamingTheFile()
    {
        var error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.LoadVerifier("x.example/k", PathOf("missing.pub")));
        Assert.Contains(PathOf("missing.pub"), error.Message);
    }

    [Fact]
    public void ABadKeyNameIsRefused()
    {
        var error = Assert.Throws<NoteKeyException>(() => NoteKeyFiles.ReadSigner("bad name", OpenSslEd25519Private));
        Assert.Contains("space", error.Message);
    }
}
