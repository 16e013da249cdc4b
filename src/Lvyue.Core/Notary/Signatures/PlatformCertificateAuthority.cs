using Lvyue.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace Lvyue.Notary.Signatures;

/// <summary>
/// The platform CA: one self-signed root per algorithm (SM2 and ECDSA P-256), created on first use; certificates for
/// organizations and signers with their private keys encrypted at rest; import of externally issued certificates
/// validated against the trust anchors; revocation; the trust store that verification uses.
/// </summary>
public sealed class PlatformCertificateAuthority(LvyueDbContext db, SignatureKeyProtector protector, SignatureOptions options,
    ConfiguredTrustAnchors configured)
{
    /// <summary>The organization of the platform's roots.</summary>
    public const string RootOrganization = "履约平台 Lvyue Platform";

    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The current root of <paramref name="algorithm"/>, created (20 years) when there is none valid.</summary>
    public async Task<SigningCertificate> RootAsync(SignatureAlgorithm algorithm, CancellationToken ct = default)
    {
        if (algorithm == SignatureAlgorithm.Rsa) throw Invalid("平台不签发 RSA 证书", "The platform issues no RSA certificates", "algorithm");
        var now = Now;
        var root = await db.SigningCertificates
            .Where(c => c.Kind == CertificateKind.Authority && c.IsTrustAnchor && !c.IsImported && c.Algorithm == algorithm
                        && c.RevokedAt == null && c.NotBefore <= now && c.NotAfter > now.AddDays(options.CertificateDays))
            .OrderByDescending(c => c.NotAfter).FirstOrDefaultAsync(ct);
        if (root is not null) return root;
        var key = SignatureKeys.Generate(algorithm);
        var label = algorithm == SignatureAlgorithm.Sm2 ? "SM2" : "ECDSA P-256";
        var cert = CertificateIssuer.IssueRoot(key, algorithm, new CertificateSubject($"履约平台根证书 Lvyue Root CA ({label})", RootOrganization),
            now.AddMinutes(-5), now.AddYears(options.RootYears));
        root = Entity(cert, CertificateKind.Authority, algorithm, key.Private);
        root.IsTrustAnchor = true;
        db.SigningCertificates.Add(root);
        await db.SaveChangesAsync(ct);
        return root;
    }

    /// <summary>
    /// Issues a certificate with a fresh key pair: for an organization (<paramref name="userName"/> null) or an individual
    /// signer of it. Exactly one of <paramref name="budgetUnitId"/> and <paramref name="supplierId"/> names the organization.
    /// </summary>
    public async Task<SigningCertificate> IssueAsync(SignatureAlgorithm algorithm, CertificateSubject subject, long? budgetUnitId, long? supplierId,
        string? userName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if ((budgetUnitId is null) == (supplierId is null)) throw new ArgumentException("a certificate belongs to one budget unit or one supplier");
        var root = await RootAsync(algorithm, ct);
        var rootCert = CertificateFiles.FromDer(root.Der);
        var rootKey = PrivateKey(root);
        var key = SignatureKeys.Generate(algorithm);
        var now = Now;
        var notAfter = now.AddDays(options.CertificateDays);
        if (notAfter > root.NotAfter) notAfter = root.NotAfter;
        var cert = CertificateIssuer.IssueSigner(rootCert, rootKey, algorithm, key.Public, subject, now.AddMinutes(-5), notAfter);
        var entity = Entity(cert, userName is null ? CertificateKind.Organization : CertificateKind.Signer, algorithm, key.Private);
        entity.BudgetUnitId = budgetUnitId;
        entity.SupplierId = supplierId;
        entity.UserName = userName;
        entity.IssuerCertificateId = root.Id;
        db.SigningCertificates.Add(entity);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    /// <summary>
    /// Imports an externally issued certificate (PEM, possibly followed by its issuers, or DER) for an organization or a
    /// signer: the chain must validate now against the trust anchors; the private key stays with its holder.
    /// </summary>
    public async Task<SigningCertificate> ImportAsync(byte[] data, long? budgetUnitId, long? supplierId, string? userName, CancellationToken ct = default)
    {
        IReadOnlyList<X509Certificate> certificates;
        try
        {
            certificates = CertificateFiles.Read(data);
        }
        catch (FormatException e)
        {
            throw Invalid("无法读取证书：" + e.Message, "The certificate cannot be read: " + e.Message, "file");
        }
        var leaf = certificates[0];
        var trust = await TrustStoreAsync(ct);
        var chain = CertificateChainValidator.Validate(leaf, certificates.Skip(1), trust, Now);
        if (!chain.IsTrusted) throw Invalid("证书未通过校验：" + chain.Reason.Zh, "The certificate does not validate: " + chain.Reason.En, "file");
        var algorithm = SignatureKeys.AlgorithmOf(leaf.GetPublicKey())
                        ?? throw Invalid("证书的公钥算法不受支持", "The certificate's key algorithm is not supported", "file");
        var fingerprint = CertificateFiles.Fingerprint(leaf);
        if (await db.SigningCertificates.AnyAsync(c => c.Fingerprint == fingerprint, ct))
            throw new DomainException(ErrorKind.Conflict, new Msg("该证书已导入", "This certificate is already on the platform"));
        long? issuerId = null;
        foreach (var issuer in chain.Chain.Skip(1))
        {
            var known = await db.SigningCertificates.Where(c => c.Fingerprint == issuer.Fingerprint).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (known is null)
            {
                var x = certificates.Concat(trust.Anchors).First(c => CertificateFiles.Fingerprint(c) == issuer.Fingerprint);
                var stored = Entity(x, CertificateKind.Authority, SignatureKeys.AlgorithmOf(x.GetPublicKey()) ?? SignatureAlgorithm.Rsa, null);
                stored.IsImported = true;
                db.SigningCertificates.Add(stored);
                await db.SaveChangesAsync(ct);
                known = stored.Id;
            }
            issuerId ??= known;
        }
        var entity = Entity(leaf, userName is null ? CertificateKind.Organization : CertificateKind.Signer, algorithm, null);
        entity.IsImported = true;
        entity.BudgetUnitId = budgetUnitId;
        entity.SupplierId = supplierId;
        entity.UserName = userName;
        entity.IssuerCertificateId = issuerId;
        db.SigningCertificates.Add(entity);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    /// <summary>Revokes a certificate from now on: signatures made before stay valid, later ones fail.</summary>
    public async Task RevokeAsync(long certificateId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw Invalid("请填写吊销原因", "Give the reason for the revocation", "reason");
        var c = await db.SigningCertificates.SingleOrDefaultAsync(x => x.Id == certificateId, ct) ?? throw DomainException.NotFound("证书|certificate");
        if (c.RevokedAt is not null) throw new DomainException(ErrorKind.Conflict, new Msg("证书已吊销", "The certificate is already revoked"));
        c.RevokedAt = Now;
        c.RevocationReason = reason.Trim()[..Math.Min(200, reason.Trim().Length)];
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The platform's trust store: its roots and the configured anchors, imported intermediates, the revocations it knows.</summary>
    public async Task<TrustStore> TrustStoreAsync(CancellationToken ct = default)
    {
        var authorities = await db.SigningCertificates.AsNoTracking().Where(c => c.Kind == CertificateKind.Authority)
            .Select(c => new { c.Der, c.IsTrustAnchor }).ToListAsync(ct);
        var revoked = await db.SigningCertificates.AsNoTracking().Where(c => c.RevokedAt != null)
            .Select(c => new { c.Fingerprint, c.RevokedAt, c.RevocationReason }).ToListAsync(ct);
        var revocations = revoked.ToDictionary(r => r.Fingerprint, r => new Revocation(DateTime.SpecifyKind(r.RevokedAt!.Value, DateTimeKind.Utc), r.RevocationReason));
        var anchors = authorities.Where(a => a.IsTrustAnchor).Select(a => CertificateFiles.FromDer(a.Der)).Concat(configured.Certificates);
        var intermediates = authorities.Where(a => !a.IsTrustAnchor).Select(a => CertificateFiles.FromDer(a.Der));
        return new TrustStore(anchors, intermediates, c => revocations.GetValueOrDefault(CertificateFiles.Fingerprint(c)));
    }

    /// <summary>The decrypted private key of an issued certificate.</summary>
    internal AsymmetricKeyParameter PrivateKey(SigningCertificate certificate) =>
        SignatureKeys.FromPkcs8(Pkcs8(certificate));

    /// <summary>The decrypted PKCS#8 of an issued certificate.</summary>
    internal byte[] Pkcs8(SigningCertificate certificate)
    {
        if (certificate.ProtectedKey is null) throw Invalid("该证书的私钥不在平台上", "The private key of this certificate is not on the platform", "certificate");
        if (certificate.KeyProtectorId != protector.KeyId)
            throw new DomainException(ErrorKind.Conflict, new Msg("该证书的私钥由另一把密钥加密密钥保护，请检查 Signatures:KeyFile",
                "The certificate's private key is protected by another key-encryption key: check Signatures:KeyFile"));
        return protector.Unprotect(certificate.ProtectedKey, certificate.Fingerprint);
    }

    private SigningCertificate Entity(X509Certificate cert, CertificateKind kind, SignatureAlgorithm algorithm, AsymmetricKeyParameter? privateKey)
    {
        var fingerprint = CertificateFiles.Fingerprint(cert);
        return new SigningCertificate
        {
            Kind = kind,
            Algorithm = algorithm,
            Subject = Cut(cert.SubjectDN.ToString(), 1000),
            CommonName = Cut(CertificateChainValidator.Cn(cert), 300),
            Issuer = Cut(cert.IssuerDN.ToString(), 1000),
            SerialNumber = Cut(cert.SerialNumber.ToString(16), 64),
            NotBefore = cert.NotBefore.ToUniversalTime(),
            NotAfter = cert.NotAfter.ToUniversalTime(),
            Fingerprint = fingerprint,
            Der = cert.GetEncoded(),
            ProtectedKey = privateKey is null ? null : protector.Protect(SignatureKeys.ToPkcs8(privateKey), fingerprint),
            KeyProtectorId = privateKey is null ? null : protector.KeyId,
            CreatedAt = Now,
            CreatedBy = Cut(db.Scope.Actor, 100),
        };
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    internal static DomainException Invalid(string zh, string en, string field) =>
        new(ErrorKind.Invalid, new Msg(zh, en), new Dictionary<string, Msg[]> { [field] = [new Msg(zh, en)] });
}
