using System.Globalization;
using System.Security.Cryptography;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Files;
using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.Crypto.Parameters;

namespace Lvyue.Notary.Signatures;

/// <summary>One required party of a contract's signing and where it stands.</summary>
public sealed record SigningPartyStatus(SigningParty Party, long OrganizationId, string OrganizationName, DocumentSignature? Signature,
    bool IsCaller, Msg? Waiting);

/// <summary>The signing of a contract: order, the document version signed, each party, and whether the contract is signed.</summary>
public sealed record SigningStatus(long ContractId, SigningOrder Order, ContractDocument? Document, IReadOnlyList<SigningPartyStatus> Parties,
    DateTime? SignedAt, IReadOnlyList<DocumentSignature> Signatures)
{
    /// <summary>Every required party signed (已签署).</summary>
    public bool IsSigned => SignedAt is not null;

    /// <summary>The caller's party when it may sign now.</summary>
    public SigningPartyStatus? CallerMaySign => Parties.FirstOrDefault(p => p.IsCaller && p.Signature is null && p.Waiting is null);
}

/// <summary>What a signer asks for: the document version (default: the one being signed, or the latest), the algorithm or a certificate of theirs.</summary>
public sealed record SignRequest(long? DocumentId = null, SignatureAlgorithm? Algorithm = null, long? CertificateId = null);

/// <summary>
/// Electronic signing of contract documents: the purchaser's unit users and each supplier's users sign one document
/// version with a detached signature (SM2 → GB/T 35275 SignedData, ECDSA → CMS) made with their platform-issued key, or
/// attach a signature made elsewhere with an imported certificate; the signing order is checked; the contract becomes
/// signed when every party has signed; every signature is a notary event, written in the signature's transaction.
/// </summary>
public sealed class ContractSigningService(LvyueDbContext db, PlatformCertificateAuthority ca, FileStore files, INotaryRecorder notary,
    SignatureOptions options)
{
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The signing status of a contract the caller can see.</summary>
    public async Task<SigningStatus> StatusAsync(long contractId, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        var plan = await db.ContractSigningPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ContractId == contractId, ct);
        var signatures = await db.DocumentSignatures.AsNoTracking().Where(s => s.ContractId == contractId).OrderBy(s => s.Id).ToListAsync(ct);
        return Status(contract, plan, signatures);
    }

    private SigningStatus Status(Contract contract, ContractSigningPlan? plan, List<DocumentSignature> signatures)
    {
        var order = plan?.Order ?? SigningOrder.PurchaserFirst;
        var document = plan?.DocumentId is { } d ? contract.Documents.FirstOrDefault(x => x.Id == d) : Latest(contract);
        var current = signatures.Where(s => s.DocumentId == document?.Id).ToList();
        var caller = CallerParty(contract);
        var purchaserSigned = current.Any(s => s.Party == SigningParty.Purchaser);
        var parties = Required(contract).Select(p =>
        {
            var signature = current.FirstOrDefault(s => s.Party == p.Party && s.OrganizationId == p.OrganizationId);
            Msg? waiting = null;
            if (signature is null && document is null) waiting = new Msg("尚无合同文件可签署", "There is no contract document to sign yet");
            else if (signature is null && contract.Status == ContractStatus.Terminated) waiting = new Msg("合同已终止", "The contract is terminated");
            else if (signature is null && p.Party == SigningParty.Supplier && order == SigningOrder.PurchaserFirst && !purchaserSigned)
                waiting = new Msg("按签署顺序，须先由采购人签署", "By the signing order the purchaser signs first");
            return new SigningPartyStatus(p.Party, p.OrganizationId, p.Name, signature, caller == (p.Party, p.OrganizationId), waiting);
        }).ToList();
        return new SigningStatus(contract.Id, order, document, parties, plan?.SignedAt, signatures);
    }

    /// <summary>Sets the signing order; only the purchaser's clerk, and only before the first signature.</summary>
    public async Task SetOrderAsync(long contractId, SigningOrder order, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        if (CallerParty(contract) is not (SigningParty.Purchaser, _)) throw DomainException.Forbidden();
        if (await db.DocumentSignatures.AnyAsync(s => s.ContractId == contractId, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("已有签名，不能再更改签署顺序", "The signing order cannot change once a party has signed"));
        var plan = await PlanAsync(contractId, ct);
        plan.Order = order;
        plan.UpdatedAt = Now;
        plan.UpdatedBy = db.Scope.Actor;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Signs the contract's document version for the caller's party with the caller's platform key.</summary>
    public async Task<DocumentSignature> SignAsync(long contractId, SignRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (contract, party, organizationId, document, plan) = await PrepareAsync(contractId, request.DocumentId, ct);
        var certificate = await CertificateAsync(contract, party, organizationId, request, ct);
        var bytes = await ReadAsync(document, ct);
        var x509 = CertificateFiles.FromDer(certificate.Der);
        var root = certificate.IssuerCertificateId is { } rid ? await db.SigningCertificates.AsNoTracking().SingleAsync(c => c.Id == rid, ct) : null;
        var issuers = root is null ? [] : new[] { CertificateFiles.FromDer(root.Der) };
        var now = Now;
        var value = certificate.Algorithm == SignatureAlgorithm.Sm2
            ? Sm2CmsSignature.Sign(bytes, x509, (ECPrivateKeyParameters)ca.PrivateKey(certificate), issuers, now)
            : CmsDocumentSignature.Sign(bytes, x509, ca.Pkcs8(certificate), issuers, now);
        // Verified as any verifier will: a revoked or expired certificate is refused here, not discovered later.
        var verdict = DocumentSignatureVerifier.Verify(bytes, value, await ca.TrustStoreAsync(ct))[0];
        if (!verdict.IsValid) throw new DomainException(ErrorKind.Invalid, new Msg("签名未通过校验：" + verdict.Reason.Zh, "The signature does not verify: " + verdict.Reason.En));
        var signature = await StoreAsync(contract, plan, document, party, organizationId, certificate.Id, verdict, value, external: false, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return signature;
    }

    /// <summary>
    /// Attaches a signature made outside the platform (CMS/PKCS#7 or GB/T 35275, DER or PEM) over the contract's document
    /// version for the caller's party: it must verify against the trust anchors, and its certificate must be one imported
    /// for the caller's organization.
    /// </summary>
    public async Task<DocumentSignature> AttachAsync(long contractId, byte[] signatureFile, long? documentId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signatureFile);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (contract, party, organizationId, document, plan) = await PrepareAsync(contractId, documentId, ct);
        var bytes = await ReadAsync(document, ct);
        var verdicts = DocumentSignatureVerifier.Verify(bytes, signatureFile, await ca.TrustStoreAsync(ct));
        if (verdicts.Count != 1) throw PlatformCertificateAuthority.Invalid("签名文件须恰好含一个签名人", "The signature file must hold exactly one signer", "file");
        var verdict = verdicts[0];
        if (!verdict.IsValid) throw PlatformCertificateAuthority.Invalid("签名未通过校验：" + verdict.Reason.Zh, "The signature does not verify: " + verdict.Reason.En, "file");
        var fingerprint = verdict.Signer!.Fingerprint;
        var certificate = await db.SigningCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Fingerprint == fingerprint, ct);
        if (certificate is null || !Owns(certificate, party, organizationId))
            throw PlatformCertificateAuthority.Invalid("签名证书未登记为本方的证书，请先导入证书", "The signing certificate is not registered for your organization: import it first", "file");
        var value = Der(signatureFile);
        var signature = await StoreAsync(contract, plan, document, party, organizationId, certificate.Id, verdict, value, external: true, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return signature;
    }

    /// <summary>Verifies every stored signature of a contract against its document's stored bytes now.</summary>
    public async Task<List<(DocumentSignature Signature, SignatureVerdict Verdict)>> VerifyStoredAsync(long contractId, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        var signatures = await db.DocumentSignatures.AsNoTracking().Where(s => s.ContractId == contractId).OrderBy(s => s.Id).ToListAsync(ct);
        var trust = await ca.TrustStoreAsync(ct);
        var result = new List<(DocumentSignature, SignatureVerdict)>();
        foreach (var s in signatures)
        {
            var document = contract.Documents.Single(d => d.Id == s.DocumentId);
            byte[] bytes;
            try
            {
                bytes = await ReadAsync(document, ct);
            }
            catch (DomainException e)
            {
                result.Add((s, SignatureVerdict.Fail(SignatureFailure.DocumentChanged, e.Title.Zh, e.Title.En, s.Format)));
                continue;
            }
            result.Add((s, DocumentSignatureVerifier.Verify(bytes, s.Value, trust)[0]));
        }
        return result;
    }

    private async Task<(Contract, SigningParty, long, ContractDocument, ContractSigningPlan)> PrepareAsync(long contractId, long? documentId, CancellationToken ct)
    {
        var contract = await LoadAsync(contractId, ct);
        if (CallerParty(contract) is not var (party, organizationId)) throw DomainException.Forbidden();
        if (contract.Status == ContractStatus.Terminated)
            throw new DomainException(ErrorKind.Conflict, new Msg("合同已终止，不能签署", "The contract is terminated and cannot be signed"));
        var plan = await PlanAsync(contractId, ct);
        ContractDocument document;
        if (plan.DocumentId is { } fixedId)
        {
            if (documentId is { } asked && asked != fixedId)
                throw PlatformCertificateAuthority.Invalid("各方须签署同一文件版本：本合同正在签署的是另一版本", "All parties sign the same document version: this contract is being signed on another version", "documentId");
            document = contract.Documents.Single(d => d.Id == fixedId);
        }
        else if (documentId is { } id)
        {
            document = contract.Documents.FirstOrDefault(d => d.Id == id) ?? throw DomainException.NotFound("合同文件|contract document");
        }
        else
        {
            document = Latest(contract) ?? throw PlatformCertificateAuthority.Invalid("尚无合同文件可签署，请先上传", "There is no contract document to sign: upload one first", "documentId");
        }
        if (await db.DocumentSignatures.AnyAsync(s => s.DocumentId == document.Id && s.Party == party && s.OrganizationId == organizationId, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("本方已签署该文件", "Your party has already signed this document"));
        if (party == SigningParty.Supplier && plan.Order == SigningOrder.PurchaserFirst
            && !await db.DocumentSignatures.AnyAsync(s => s.DocumentId == document.Id && s.Party == SigningParty.Purchaser, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("按签署顺序，须先由采购人签署", "By the signing order the purchaser signs first"));
        return (contract, party, organizationId, document, plan);
    }

    private async Task<DocumentSignature> StoreAsync(Contract contract, ContractSigningPlan plan, ContractDocument document, SigningParty party,
        long organizationId, long certificateId, SignatureVerdict verdict, byte[] value, bool external, CancellationToken ct)
    {
        var now = Now;
        var signature = new DocumentSignature
        {
            ContractId = contract.Id, DocumentId = document.Id, Party = party, OrganizationId = organizationId, CertificateId = certificateId,
            SignedBy = db.Scope.Actor.Length <= 100 ? db.Scope.Actor : db.Scope.Actor[..100],
            SignerName = verdict.Signer!.CommonName.Length <= 300 ? verdict.Signer.CommonName : verdict.Signer.CommonName[..300],
            SignedAt = external ? verdict.SignedAt!.Value : now,
            Algorithm = verdict.Algorithm!.Value, Format = verdict.Format!, Value = value,
            DocumentSha256 = document.Sha256, DocumentSm3 = document.Sm3, ValueSha256 = Convert.ToHexStringLower(SHA256.HashData(value)), IsExternal = external,
        };
        db.DocumentSignatures.Add(signature);
        plan.DocumentId = document.Id;
        plan.UpdatedAt = now;
        plan.UpdatedBy = signature.SignedBy;
        var signed = await db.DocumentSignatures.Where(s => s.DocumentId == document.Id).Select(s => new { s.Party, s.OrganizationId }).ToListAsync(ct);
        signed.Add(new { signature.Party, signature.OrganizationId });
        var required = Required(contract);
        var complete = required.All(r => signed.Any(s => s.Party == r.Party && s.OrganizationId == r.OrganizationId));
        if (complete && plan.SignedAt is null) plan.SignedAt = now;
        db.ContractEvents.Add(new ContractEvent
        {
            ContractId = contract.Id, At = now, Kind = "signed", Actor = signature.SignedBy,
            Note = $"{(party == SigningParty.Purchaser ? "采购人" : "供应商")}电子签名（{SignatureAlgorithms.Label(signature.Algorithm)}）：{signature.SignerName}，{document.FileName} 第 {document.VersionNo} 版"
                   + (complete ? "；各方均已签署" : ""),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(ErrorKind.Conflict, new Msg("本方已签署该文件", "Your party has already signed this document"));
        }
        var certificate = await db.SigningCertificates.AsNoTracking().Where(c => c.Id == certificateId).Select(c => c.Fingerprint).SingleAsync(ct);
        notary.Record(SignatureNotaryKinds.DocumentSigned, contract.Id, new NotaryPayload(
            new Dictionary<string, string>
            {
                ["signature"] = signature.Id.ToString(CultureInfo.InvariantCulture),
                ["document"] = document.Id.ToString(CultureInfo.InvariantCulture),
                ["version"] = document.VersionNo.ToString(CultureInfo.InvariantCulture),
                ["party"] = party == SigningParty.Purchaser ? "purchaser" : "supplier",
                ["algorithm"] = SignatureAlgorithms.Name(signature.Algorithm),
                ["format"] = signature.Format,
                ["external"] = external ? "true" : "false",
            },
            new Dictionary<string, string>
            {
                ["sha256"] = document.Sha256, ["sm3"] = document.Sm3, ["signature.sha256"] = signature.ValueSha256, ["certificate.sha256"] = certificate,
            }));
        if (complete)
            notary.Record(SignatureNotaryKinds.ContractSigned, contract.Id, NotaryPayload.Of(
                ("document", document.Id.ToString(CultureInfo.InvariantCulture)),
                ("parties", required.Count.ToString(CultureInfo.InvariantCulture)),
                ("order", plan.Order == SigningOrder.PurchaserFirst ? "purchaser-first" : "any")));
        await db.SaveChangesAsync(ct);
        return signature;
    }

    private async Task<SigningCertificate> CertificateAsync(Contract contract, SigningParty party, long organizationId, SignRequest request, CancellationToken ct)
    {
        var now = Now;
        var actor = db.Scope.Actor;
        if (request.CertificateId is { } id)
        {
            var chosen = await db.SigningCertificates.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("证书|certificate");
            if (!Owns(chosen, party, organizationId) || (chosen.Kind == CertificateKind.Signer && chosen.UserName != actor)) throw DomainException.Forbidden();
            if (chosen.ProtectedKey is null)
                throw PlatformCertificateAuthority.Invalid("该证书的私钥不在平台上：请用自己的签名工具签署后上传签名文件", "This certificate's private key is not on the platform: sign with your own tool and attach the signature file", "certificateId");
            if (chosen.RevokedAt is not null) throw PlatformCertificateAuthority.Invalid("该证书已吊销", "This certificate is revoked", "certificateId");
            if (chosen.NotAfter <= now) throw PlatformCertificateAuthority.Invalid("该证书已过期", "This certificate has expired", "certificateId");
            return chosen;
        }
        var algorithm = request.Algorithm ?? options.DefaultAlgorithm;
        if (algorithm == SignatureAlgorithm.Rsa) throw PlatformCertificateAuthority.Invalid("平台签发 SM2 或 ECDSA P-256 密钥", "The platform issues SM2 or ECDSA P-256 keys", "algorithm");
        var unitId = party == SigningParty.Purchaser ? organizationId : (long?)null;
        var supplierId = party == SigningParty.Supplier ? organizationId : (long?)null;
        var existing = await db.SigningCertificates
            .Where(c => c.Kind == CertificateKind.Signer && c.UserName == actor && c.Algorithm == algorithm && c.ProtectedKey != null
                        && c.RevokedAt == null && c.NotAfter > now && c.BudgetUnitId == unitId && c.SupplierId == supplierId)
            .OrderByDescending(c => c.NotAfter).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var displayName = await db.Users.AsNoTracking().Where(u => u.UserName == actor).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? actor;
        var (name, uscc) = Organization(contract, party, organizationId);
        return await ca.IssueAsync(algorithm, new CertificateSubject(displayName, name, uscc), unitId, supplierId, actor, ct);
    }

    /// <summary>Issues (or returns) the caller's organization certificate (单位证书) of <paramref name="algorithm"/> for a contract party.</summary>
    public async Task<SigningCertificate> OrganizationCertificateAsync(long contractId, SignatureAlgorithm algorithm, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        if (CallerParty(contract) is not var (party, organizationId)) throw DomainException.Forbidden();
        var unitId = party == SigningParty.Purchaser ? organizationId : (long?)null;
        var supplierId = party == SigningParty.Supplier ? organizationId : (long?)null;
        var now = Now;
        var existing = await db.SigningCertificates
            .Where(c => c.Kind == CertificateKind.Organization && c.Algorithm == algorithm && c.ProtectedKey != null && c.RevokedAt == null
                        && c.NotAfter > now && c.BudgetUnitId == unitId && c.SupplierId == supplierId)
            .OrderByDescending(c => c.NotAfter).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var (name, uscc) = Organization(contract, party, organizationId);
        return await ca.IssueAsync(algorithm, new CertificateSubject(name, name, uscc), unitId, supplierId, null, ct);
    }

    private static bool Owns(SigningCertificate c, SigningParty party, long organizationId) =>
        party == SigningParty.Purchaser ? c.BudgetUnitId == organizationId : c.SupplierId == organizationId;

    private static (string Name, string? Uscc) Organization(Contract contract, SigningParty party, long organizationId) => party == SigningParty.Purchaser
        ? (contract.BudgetUnit!.Name, contract.BudgetUnit.Uscc)
        : contract.Suppliers.Where(s => s.SupplierId == organizationId).Select(s => (s.Supplier!.Name, (string?)s.Supplier.Uscc)).Single();

    private static List<(SigningParty Party, long OrganizationId, string Name)> Required(Contract contract) =>
        [(SigningParty.Purchaser, contract.BudgetUnitId, contract.BudgetUnit?.Name ?? ""),
         .. contract.Suppliers.OrderBy(s => s.SortOrder).Select(s => (SigningParty.Supplier, s.SupplierId, s.Supplier?.Name ?? ""))];

    /// <summary>The caller's party of the contract: a writer of its budget unit, or one of its suppliers.</summary>
    private (SigningParty, long)? CallerParty(Contract contract)
    {
        var scope = db.Scope;
        if (scope.BudgetUnitId == contract.BudgetUnitId && scope.CanWriteContracts) return (SigningParty.Purchaser, contract.BudgetUnitId);
        if (scope.SupplierId is { } s && contract.Suppliers.Any(x => x.SupplierId == s)) return (SigningParty.Supplier, s);
        return null;
    }

    private static ContractDocument? Latest(Contract contract) => contract.Documents.OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id).FirstOrDefault();

    private async Task<Contract> LoadAsync(long contractId, CancellationToken ct) =>
        await db.Contracts.AsNoTracking().Include(c => c.BudgetUnit).Include(c => c.Documents).Include(c => c.Suppliers).ThenInclude(s => s.Supplier)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct)
        ?? throw DomainException.NotFound("合同|contract");

    private async Task<ContractSigningPlan> PlanAsync(long contractId, CancellationToken ct)
    {
        var plan = db.ContractSigningPlans.Local.FirstOrDefault(p => p.ContractId == contractId)
                   ?? await db.ContractSigningPlans.SingleOrDefaultAsync(p => p.ContractId == contractId, ct);
        if (plan is not null) return plan;
        plan = new ContractSigningPlan { ContractId = contractId, Order = SigningOrder.PurchaserFirst, UpdatedAt = Now, UpdatedBy = db.Scope.Actor };
        db.ContractSigningPlans.Add(plan);
        return plan;
    }

    private async Task<byte[]> ReadAsync(ContractDocument document, CancellationToken ct)
    {
        if (!files.Exists(document.Sha256))
            throw new DomainException(ErrorKind.Conflict, new Msg("文件存储中找不到该合同文件", "The contract document is missing from the file store"));
        await using var stream = files.Open(document.Sha256);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != document.Sha256)
            throw new DomainException(ErrorKind.Conflict, new Msg("文件存储中的合同文件已被改动（摘要不符）", "The stored contract document was altered (its digest differs)"));
        return bytes;
    }

    private static byte[] Der(byte[] file)
    {
        if (file.Length > 0 && file[0] == 0x30) return file;
        var text = System.Text.Encoding.ASCII.GetString(file);
        var start = text.IndexOf('\n', text.IndexOf("-----BEGIN ", StringComparison.Ordinal));
        var end = text.IndexOf("-----END ", StringComparison.Ordinal);
        return Convert.FromBase64String(text[start..end].Replace("\r", "").Replace("\n", "").Trim());
    }
}
