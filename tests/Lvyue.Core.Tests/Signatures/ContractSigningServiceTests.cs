using System.Security.Cryptography;
using System.Text;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Files;
using Lvyue.Notary;
using Lvyue.Notary.Signatures;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Signatures;

/// <summary>
/// Signing a contract on both databases: the purchaser's clerk and the supplier each sign the same document version
/// with platform-issued keys (SM2, ECDSA), the order is enforced, the contract becomes signed with the last party, each
/// signature is a notary event, the keys are encrypted at rest, strangers cannot sign, stored signatures verify and a
/// document altered in the file store is caught.
/// </summary>
public sealed class ContractSigningServiceTests
{
    private static async Task<(TestDatabase Db, TestWorld World, long ContractId, byte[] Bytes)> ContractAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var bytes = TestFiles.TextBytes("物业管理服务合同（电子签名）" + Guid.NewGuid());
        await using var clerk = db.Scope(world.Clerk);
        var c = await clerk.Filing.CreateAsync(world.Input("QS-2026-001"), [new UploadedDocument("合同.txt", new MemoryStream(bytes))]);
        return (db, world, c.Id, bytes);
    }

    [Theory, BothDatabases]
    public async Task PurchaserThenSupplier_SignsTheContractAndRecordsEachSignature(string provider)
    {
        var (db, world, id, bytes) = await ContractAsync(provider);
        await using var _ = db;
        await using (var supplier = db.Scope(world.SupplierLogin))
        {
            var early = await Assert.ThrowsAsync<DomainException>(() => supplier.Get<ContractSigningService>().SignAsync(id, new SignRequest()));
            Assert.Equal(ErrorKind.Conflict, early.Kind);
            Assert.Contains("采购人", early.Title.Zh);
            var status = await supplier.Get<ContractSigningService>().StatusAsync(id);
            Assert.Null(status.CallerMaySign);
            Assert.NotNull(status.Parties.Single(p => p.Party == SigningParty.Supplier).Waiting);
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            var s = await clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest(Algorithm: SignatureAlgorithm.Sm2));
            Assert.Equal((SigningParty.Purchaser, SignatureAlgorithm.Sm2, "gbt35275"), (s.Party, s.Algorithm, s.Format));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), s.DocumentSha256);
            var status = await clerk.Get<ContractSigningService>().StatusAsync(id);
            Assert.False(status.IsSigned);
            var again = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest()));
            Assert.Equal(ErrorKind.Conflict, again.Kind);
        }
        db.Clock.Advance(TimeSpan.FromHours(2));
        await using (var supplier = db.Scope(world.SupplierLogin))
        {
            var s = await supplier.Get<ContractSigningService>().SignAsync(id, new SignRequest(Algorithm: SignatureAlgorithm.EcdsaP256));
            Assert.Equal((SigningParty.Supplier, world.Supplier.Id, "cms"), (s.Party, s.OrganizationId, s.Format));
            var status = await supplier.Get<ContractSigningService>().StatusAsync(id);
            Assert.True(status.IsSigned);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, status.SignedAt);
            Assert.All(status.Parties, p => Assert.NotNull(p.Signature));
        }

        await using var system = db.AsSystem();
        var leaves = await system.Db.NotaryLeaves.AsNoTracking().Where(l => l.ContractId == id).OrderBy(l => l.Index).ToListAsync();
        Assert.Equal([NotaryKinds.DocumentStored, SignatureNotaryKinds.DocumentSigned, SignatureNotaryKinds.DocumentSigned, SignatureNotaryKinds.ContractSigned],
            leaves.Select(l => l.Kind));
        var signed = NotaryEvent.Parse(Encoding.UTF8.GetBytes(leaves[1].Data));
        Assert.Equal("purchaser", signed.Attributes["party"]);
        Assert.Equal("sm2-sm3", signed.Attributes["algorithm"]);
        Assert.Equal(FileStore.Sm3Hex(bytes), signed.Digests["sm3"]);
        var stored = await system.Db.DocumentSignatures.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored[0].Value)), signed.Digests["signature.sha256"]);
        Assert.Equal("supplier", NotaryEvent.Parse(Encoding.UTF8.GetBytes(leaves[2].Data)).Attributes["party"]);
        Assert.DoesNotContain("QS-2026", string.Concat(leaves.Select(l => l.Data)));

        // The signer certificates carry the people and organizations; their private keys are encrypted at rest.
        var certificates = await system.Db.SigningCertificates.AsNoTracking().ToListAsync();
        Assert.Equal(2, certificates.Count(c => c.Kind == CertificateKind.Authority && c.IsTrustAnchor));
        var clerkCert = certificates.Single(c => c.Kind == CertificateKind.Signer && c.BudgetUnitId == world.Unit.Id);
        Assert.Contains(world.Unit.Name, clerkCert.Subject);
        var protector = system.Get<SignatureKeyProtector>();
        var pkcs8 = protector.Unprotect(clerkCert.ProtectedKey!, clerkCert.Fingerprint);
        Assert.True(clerkCert.ProtectedKey!.AsSpan().IndexOf(pkcs8.AsSpan(pkcs8.Length - 40, 16)) < 0);

        // Every stored signature verifies against its document now.
        await using (var clerk = db.Scope(world.Clerk))
        {
            var verdicts = await clerk.Get<ContractSigningService>().VerifyStoredAsync(id);
            Assert.Equal(2, verdicts.Count);
            Assert.All(verdicts, v => Assert.True(v.Verdict.IsValid, v.Verdict.Reason.En));
        }
    }

    [Theory, BothDatabases]
    public async Task AnyOrder_LetsTheSupplierSignFirstAndStrangersCannotSign(string provider)
    {
        var (db, world, id, _) = await ContractAsync(provider);
        await using var _ = db;
        await using (var supplier = db.Scope(world.SupplierLogin))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => supplier.Get<ContractSigningService>().SetOrderAsync(id, SigningOrder.AnyOrder));
            Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        }
        await using (var clerk = db.Scope(world.Clerk))
            await clerk.Get<ContractSigningService>().SetOrderAsync(id, SigningOrder.AnyOrder);
        await using (var other = db.Scope(world.OtherClerk))
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => other.Get<ContractSigningService>().SignAsync(id, new SignRequest()))).Kind);
        await using (var supervisor = db.Scope(world.Supervisor))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => supervisor.Get<ContractSigningService>().SignAsync(id, new SignRequest()))).Kind);
        await using (var supplier = db.Scope(world.SupplierLogin))
        {
            await supplier.Get<ContractSigningService>().SignAsync(id, new SignRequest());
            Assert.False((await supplier.Get<ContractSigningService>().StatusAsync(id)).IsSigned);
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            var order = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<ContractSigningService>().SetOrderAsync(id, SigningOrder.PurchaserFirst));
            Assert.Equal(ErrorKind.Conflict, order.Kind);
            // A newer version uploaded meanwhile does not change what is being signed.
            var v2 = await clerk.Filing.AddDocumentAsync(id, new UploadedDocument("合同.txt", new MemoryStream(TestFiles.TextBytes("第二稿"))));
            var wrong = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest(DocumentId: v2.Id)));
            Assert.Equal(ErrorKind.Invalid, wrong.Kind);
            var s = await clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest());
            Assert.NotEqual(v2.Id, s.DocumentId);
            Assert.True((await clerk.Get<ContractSigningService>().StatusAsync(id)).IsSigned);
        }
    }

    [Theory, BothDatabases]
    public async Task ADocumentAlteredInTheStoreAndARevokedCertificateAreCaught(string provider)
    {
        var (db, world, id, bytes) = await ContractAsync(provider);
        await using var _ = db;
        long certificateId;
        await using (var clerk = db.Scope(world.Clerk))
            certificateId = (await clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest(Algorithm: SignatureAlgorithm.EcdsaP256))).CertificateId!.Value;

        db.Clock.Advance(TimeSpan.FromDays(1));
        await using (var system = db.AsSystem())
            await system.Get<PlatformCertificateAuthority>().RevokeAsync(certificateId, "私钥泄露");
        await using (var clerk = db.Scope(world.Clerk))
        {
            // Signed before the revocation: still valid.
            Assert.True((await clerk.Get<ContractSigningService>().VerifyStoredAsync(id)).Single().Verdict.IsValid);
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                clerk.Get<ContractSigningService>().SignAsync(id, new SignRequest(CertificateId: certificateId)));
            Assert.Equal(ErrorKind.Conflict, refused.Kind); // already signed by this party
        }

        // Someone edits the stored file behind the platform's back.
        var path = Directory.EnumerateFiles(db.FileStoreRoot, Convert.ToHexStringLower(SHA256.HashData(bytes)) + "*", SearchOption.AllDirectories).Single();
        var changed = (byte[])bytes.Clone();
        changed[^1] ^= 1;
        File.SetAttributes(path, FileAttributes.Normal);
        await File.WriteAllBytesAsync(path, changed);
        await using (var clerk = db.Scope(world.Clerk))
        {
            var verdict = (await clerk.Get<ContractSigningService>().VerifyStoredAsync(id)).Single().Verdict;
            Assert.Equal(SignatureFailure.DocumentChanged, verdict.Failure);
            Assert.Contains("altered", verdict.Reason.En);
        }
    }

    [Theory, BothDatabases]
    public async Task AnExternalCertificateIsImportedOnlyUnderATrustAnchorAndItsSignatureAttaches(string provider)
    {
        var (db, world, id, bytes) = await ContractAsync(provider);
        await using var _ = db;
        var external = TestPki.Create(SignatureAlgorithm.Sm2, "外部 CA 根证书 External Root");
        var pem = Encoding.ASCII.GetBytes(CertificateFiles.ToPem(external.Signer) + CertificateFiles.ToPem(external.Root));
        await using (var clerk = db.Scope(world.Clerk))
        {
            var none = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<PlatformCertificateAuthority>().ImportAsync(pem, world.Unit.Id, null, null));
            Assert.Contains("No trust anchor", none.Title.En);
            await clerk.Get<PlatformCertificateAuthority>().RootAsync(SignatureAlgorithm.Sm2);
            var refused = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<PlatformCertificateAuthority>().ImportAsync(pem, world.Unit.Id, null, null));
            Assert.Contains("Unknown issuer", refused.Title.En);
            Assert.Contains("External Root", refused.Title.En);
            var garbage = await Assert.ThrowsAsync<DomainException>(() => clerk.Get<PlatformCertificateAuthority>().ImportAsync("not a certificate"u8.ToArray(), world.Unit.Id, null, null));
            Assert.Equal(ErrorKind.Invalid, garbage.Kind);
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            var ca = new PlatformCertificateAuthority(clerk.Db, clerk.Get<SignatureKeyProtector>(), new SignatureOptions(), new ConfiguredTrustAnchors([external.Root]));
            var imported = await ca.ImportAsync(pem, world.Unit.Id, null, null);
            Assert.True(imported.IsImported);
            Assert.Null(imported.ProtectedKey);
            Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => ca.ImportAsync(pem, world.Unit.Id, null, null))).Kind);

            var service = new ContractSigningService(clerk.Db, ca, clerk.Get<FileStore>(), clerk.Get<INotaryRecorder>(), new SignatureOptions());
            var signedElsewhere = external.Sign(bytes, db.Clock.GetUtcNow().UtcDateTime);
            var tampered = external.Sign([.. bytes, 0x20], db.Clock.GetUtcNow().UtcDateTime);
            var bad = await Assert.ThrowsAsync<DomainException>(() => service.AttachAsync(id, tampered));
            Assert.True(bad.Title.En.Contains("changed", StringComparison.Ordinal), bad.Title.En);
            var s = await service.AttachAsync(id, signedElsewhere);
            Assert.True(s.IsExternal);
            Assert.Equal(imported.Id, s.CertificateId);
            Assert.Equal("李经办", s.SignerName);
        }
    }
}
