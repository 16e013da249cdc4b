using System.Text;
using Lvyue.Notary.Signatures;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.X509;

namespace Lvyue.Tests.Signatures;

/// <summary>
/// Detached signatures over a document in both formats — GB/T 35275 SignedData for SM2, CMS/PKCS#7 for ECDSA P-256 —
/// verify with their chain, and every kind of tampering fails with its own reason: a document changed by one byte, a
/// changed signature value, a certificate issued by a look-alike root, an unknown issuer, a revoked or expired
/// certificate, garbage, an empty or truncated file.
/// </summary>
public sealed class DocumentSignatureTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("物业管理服务合同\n合同总价：人民币伍拾万元整（¥500,000.00）\n");
    private static readonly DateTime SignedAt = TestPki.Start.AddDays(40).AddHours(3);

    public static TheoryData<SignatureAlgorithm> Algorithms => [SignatureAlgorithm.Sm2, SignatureAlgorithm.EcdsaP256];

    [Theory, MemberData(nameof(Algorithms))]
    public void ASignatureVerifiesWithSignerTimeAndChain(SignatureAlgorithm algorithm)
    {
        var pki = TestPki.Create(algorithm);
        var signature = pki.Sign(Document, SignedAt);
        var verdict = Assert.Single(DocumentSignatureVerifier.Verify(Document, signature, pki.Trust()));
        Assert.True(verdict.IsValid, verdict.Reason.En);
        Assert.Equal(algorithm, verdict.Algorithm);
        Assert.Equal(algorithm == SignatureAlgorithm.Sm2 ? "gbt35275" : "cms", verdict.Format);
        Assert.Equal(SignedAt, verdict.SignedAt);
        Assert.True(verdict.DocumentUnchanged);
        Assert.Equal(2, verdict.Chain.Count);
        Assert.Equal("李经办", verdict.Signer!.CommonName);
        Assert.Equal("示范区教育局", verdict.Signer.Organization);
        Assert.True(verdict.Chain[1].IsTrustAnchor);
        Assert.False(verdict.Chain[0].IsTrustAnchor);

        // PEM is read as well as DER.
        var pem = Encoding.ASCII.GetBytes(DocumentSignatureVerifier.ToPem(signature));
        Assert.True(DocumentSignatureVerifier.Verify(Document, pem, pki.Trust())[0].IsValid);
    }

    [Fact]
    public void AnSm2SignatureIsAGbt35275SignedDataWithSm3AndTheSignedAttributes()
    {
        var pki = TestPki.Create(SignatureAlgorithm.Sm2);
        var info = ContentInfo.GetInstance(Asn1Object.FromByteArray(pki.Sign(Document, SignedAt)));
        Assert.Equal(SignatureOids.GmSignedData, info.ContentType.Id);
        var sd = SignedData.GetInstance(info.Content);
        Assert.Equal(SignatureOids.GmData, sd.EncapContentInfo.ContentType.Id);
        Assert.Null(sd.EncapContentInfo.Content); // detached
        Assert.Equal(2, sd.Certificates.Count);
        var si = SignerInfo.GetInstance(sd.SignerInfos[0]);
        Assert.Equal(SignatureOids.Sm3, si.DigestAlgorithm.Algorithm.Id);
        Assert.Equal(SignatureOids.Sm2Sign, si.DigestEncryptionAlgorithm.Algorithm.Id);
        var attributes = new Org.BouncyCastle.Asn1.Cms.AttributeTable(si.AuthenticatedAttributes);
        Assert.Equal(Sm2CmsSignature.Sm3(Document), Asn1OctetString.GetInstance(attributes[CmsAttributes.MessageDigest].AttrValues[0]).GetOctets());
        Assert.NotNull(attributes[CmsAttributes.SigningTime]);
        // The certificate is signed SM3withSM2.
        Assert.Equal(SignatureOids.Sm3WithSm2, pki.Signer.SigAlgOid);
        Assert.Equal(SignatureOids.Sm3WithSm2, pki.Root.SigAlgOid);
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void ADocumentChangedByOneByteIsReportedAsChanged(SignatureAlgorithm algorithm)
    {
        var pki = TestPki.Create(algorithm);
        var signature = pki.Sign(Document, SignedAt);
        foreach (var position in new[] { 0, Document.Length / 2, Document.Length - 1 })
        {
            var changed = (byte[])Document.Clone();
            changed[position] ^= 0x01;
            var verdict = Assert.Single(DocumentSignatureVerifier.Verify(changed, signature, pki.Trust()));
            Assert.Equal(SignatureFailure.DocumentChanged, verdict.Failure);
            Assert.False(verdict.IsValid);
            Assert.False(verdict.DocumentUnchanged);
            Assert.Contains("changed", verdict.Reason.En);
            Assert.Contains("已被改动", verdict.Reason.Zh);
        }
        Assert.Equal(SignatureFailure.DocumentChanged, DocumentSignatureVerifier.Verify([.. Document, 0x0a], signature, pki.Trust())[0].Failure);
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void AChangedSignatureValueIsABadSignature(SignatureAlgorithm algorithm)
    {
        var pki = TestPki.Create(algorithm);
        var signature = pki.Sign(Document, SignedAt);
        // The signature value is the last OCTET STRING of the SignerInfo, near the end of the file.
        var value = SignatureValue(signature);
        var tampered = (byte[])signature.Clone();
        tampered[value + 12] ^= 0x40;
        var verdict = Assert.Single(DocumentSignatureVerifier.Verify(Document, tampered, pki.Trust()));
        Assert.True(verdict.Failure is SignatureFailure.BadSignature or SignatureFailure.Malformed, verdict.Failure + ": " + verdict.Reason.En);
        Assert.False(verdict.IsValid);
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void AValidSignatureByAForgedCertificateUnderALookAlikeRootIsRefused(SignatureAlgorithm algorithm)
    {
        var platform = TestPki.Create(algorithm);
        // The forger makes a root with the platform root's very name and issues a certificate under it.
        var forger = TestPki.Create(algorithm);
        Assert.Equal(platform.Root.SubjectDN.ToString(), forger.Root.SubjectDN.ToString());
        var signature = forger.Sign(Document, SignedAt);
        var verdict = Assert.Single(DocumentSignatureVerifier.Verify(Document, signature, platform.Trust()));
        Assert.True(verdict.DocumentUnchanged);
        Assert.Equal(SignatureFailure.ForgedCertificate, verdict.Failure);
        Assert.Contains("forged", verdict.Reason.En);
        Assert.Contains("伪造", verdict.Reason.Zh);
    }

    [Fact]
    public void ACertificateOfAnotherAuthorityIsAnUnknownIssuer()
    {
        var platform = TestPki.Create(SignatureAlgorithm.Sm2);
        var other = TestPki.Create(SignatureAlgorithm.Sm2, "另一机构根证书 Other Root");
        var verdict = DocumentSignatureVerifier.Verify(Document, other.Sign(Document, SignedAt), platform.Trust())[0];
        Assert.Equal(SignatureFailure.UnknownIssuer, verdict.Failure);
        Assert.Contains("Other Root", verdict.Reason.En);
        Assert.Equal(SignatureFailure.Untrusted, DocumentSignatureVerifier.Verify(Document, other.Sign(Document, SignedAt), new TrustStore([]))[0].Failure);
    }

    [Fact]
    public void ASignatureAfterTheCertificateWasRevokedFailsAndOneBeforeStaysValid()
    {
        var pki = TestPki.Create(SignatureAlgorithm.Sm2);
        var revokedAt = SignedAt.AddDays(1);
        var trust = pki.Trust(c => c.Equals(pki.Signer) ? new Revocation(revokedAt, "私钥泄露") : null);
        Assert.True(DocumentSignatureVerifier.Verify(Document, pki.Sign(Document, SignedAt), trust)[0].IsValid);
        var late = DocumentSignatureVerifier.Verify(Document, pki.Sign(Document, revokedAt.AddMinutes(1)), trust)[0];
        Assert.Equal(SignatureFailure.Revoked, late.Failure);
        Assert.Contains("私钥泄露", late.Reason.Zh);
    }

    [Fact]
    public void ASignatureOutsideTheCertificatesValidityFails()
    {
        var pki = TestPki.Create(SignatureAlgorithm.EcdsaP256, signerNotAfter: TestPki.Start.AddDays(10));
        var verdict = DocumentSignatureVerifier.Verify(Document, pki.Sign(Document, SignedAt), pki.Trust())[0];
        Assert.Equal(SignatureFailure.OutsideValidity, verdict.Failure);
        Assert.Contains("not valid at the signing time", verdict.Reason.En);
    }

    [Fact]
    public void GarbageEmptyAndTruncatedFilesAreMalformedNeverExceptions()
    {
        var pki = TestPki.Create(SignatureAlgorithm.Sm2);
        var signature = pki.Sign(Document, SignedAt);
        foreach (var bad in new[] { [], Encoding.UTF8.GetBytes("not a signature"), signature[..(signature.Length / 2)], [0x30, 0x03, 0x02, 0x01, 0x01],
                     Encoding.ASCII.GetBytes("-----BEGIN PKCS7-----\n%%%%\n-----END PKCS7-----\n"), Document })
        {
            var verdict = Assert.Single(DocumentSignatureVerifier.Verify(Document, bad, pki.Trust()));
            Assert.Equal(SignatureFailure.Malformed, verdict.Failure);
            Assert.False(string.IsNullOrEmpty(verdict.Reason.En));
        }
        var ecdsa = TestPki.Create(SignatureAlgorithm.EcdsaP256).Sign(Document, SignedAt);
        Assert.Equal(SignatureFailure.Malformed, DocumentSignatureVerifier.Verify(Document, ecdsa[..^20], pki.Trust())[0].Failure);
    }

    [Fact]
    public void AnEcdsaCertificateDoesNotVerifyUnderAnSm2RootOfTheSameName()
    {
        var sm2 = TestPki.Create(SignatureAlgorithm.Sm2);
        var ecdsa = TestPki.Create(SignatureAlgorithm.EcdsaP256);
        var verdict = DocumentSignatureVerifier.Verify(Document, ecdsa.Sign(Document, SignedAt), sm2.Trust())[0];
        Assert.Equal(SignatureFailure.ForgedCertificate, verdict.Failure);
    }

    private static int SignatureValue(byte[] signature)
    {
        // Position of the last OCTET STRING header whose length makes it end within the last 8 bytes of the file.
        for (var i = signature.Length - 64; i > 0; i--)
        {
            if (signature[i] == 0x04 && signature[i + 1] is >= 0x40 and <= 0x50 && i + 2 + signature[i + 1] >= signature.Length - 8) return i + 2;
            if (signature[i] == 0x04 && signature[i + 1] == 0x81 && i + 3 + signature[i + 2] >= signature.Length - 8) return i + 3;
        }
        throw new InvalidOperationException("no signature value found");
    }

    [Fact]
    public void CertificatesReadFromPemAndDerAndNotFromOtherFiles()
    {
        var pki = TestPki.Create(SignatureAlgorithm.Sm2);
        var pem = CertificateFiles.ToPem(pki.Signer) + CertificateFiles.ToPem(pki.Root);
        var read = CertificateFiles.Read(Encoding.ASCII.GetBytes(pem));
        Assert.Equal([pki.Signer, pki.Root], read);
        Assert.Equal(pki.Root, Assert.Single(CertificateFiles.Read(pki.Root.GetEncoded())));
        Assert.Throws<FormatException>(() => CertificateFiles.Read(Encoding.ASCII.GetBytes("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")));
        Assert.Throws<FormatException>(() => CertificateFiles.Read([]));
        Assert.Throws<FormatException>(() => CertificateFiles.Read(Encoding.UTF8.GetBytes("证书")));
        X509Certificate[] none = [];
        Assert.Empty(none);
    }
}
