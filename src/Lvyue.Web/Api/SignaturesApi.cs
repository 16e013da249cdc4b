using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Notary.Signatures;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>
/// /api/v1/signatures: electronic signing of contract documents. The platform's root certificates and the verifier are
/// anonymous (a verdict discloses only what the uploaded files hold); the signing status, signing, attaching and
/// downloading need a login that can see the contract; revocation is for the account administrators.
/// </summary>
public static class SignaturesApi
{
    public static RouteGroupBuilder MapSignaturesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/signatures").WithTags("Signatures");
        g.MapGet("/roots", Roots).AllowAnonymous().WithSummary("The platform's root certificates (PEM): the trust anchors of its signatures");
        g.MapPost("/verify", Verify).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Verify detached signatures (form fields `document` and one or more `signature`): per signer the name, time, chain, validity and whether the document is unchanged");
        g.MapGet("/contracts/{id:long}", Status).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("The signing status of a contract: order, document version, each party and its signature, signed or not");
        g.MapPost("/contracts/{id:long}/sign", Sign).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Sign the contract's document version for the caller's party (purchaser's clerk or supplier) with a platform key (SM2 or ECDSA P-256)");
        g.MapPost("/contracts/{id:long}/organization-certificate", OrganizationCertificate).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Issue (or return the valid one) the caller's organization certificate (单位证书) for its party of the contract, SM2 (default) or ECDSA P-256; sign with it by passing its id as `certificateId`");
        g.MapPut("/contracts/{id:long}/order", Order).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Set the signing order (PurchaserFirst or AnyOrder) before the first signature");
        g.MapPost("/contracts/{id:long}/attach", Attach).RequireAuthorization(Policies.ContractReaders).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Attach a signature made elsewhere with a certificate imported for the caller's organization (form field `file`)");
        g.MapGet("/contracts/{id:long}/verification", VerifyStored).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Verify every stored signature of the contract against the stored document now");
        g.MapGet("/{signatureId:long}/file", Download).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("The signature file (.p7s, DER)");
        g.MapPost("/certificates/import", Import).RequireAuthorization(Policies.ContractReaders).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Import an externally issued certificate (PEM with its issuers, or DER) for the caller's organization (form field `file`, `personal`=true for the caller's own)");
        g.MapGet("/certificates/mine", Mine).RequireAuthorization(Policies.ContractReaders).WithSummary("The certificates of the caller and the caller's organization");
        g.MapPost("/certificates/{certificateId:long}/revoke", Revoke).RequireAuthorization(Policies.AccountAdmins)
            .WithSummary("Revoke a certificate from now on (signatures made before stay valid)");
        return g;
    }

    /// <summary>One certificate of a chain.</summary>
    public sealed record CertificateDto(string Subject, string CommonName, string? Organization, string Issuer, string SerialNumber,
        DateTime NotBefore, DateTime NotAfter, string Algorithm, string Fingerprint, bool IsTrustAnchor, DateTime? RevokedAt)
    {
        public static CertificateDto From(CertificateSummary c) =>
            new(c.Subject, c.CommonName, c.Organization, c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter, c.Algorithm, c.Fingerprint, c.IsTrustAnchor, c.RevokedAt);
    }

    /// <summary>The verdict of one signer.</summary>
    public sealed record VerdictDto(string? File, bool Valid, string Failure, string Reason, string ReasonEn, string? Format, string? Algorithm,
        string? Signer, string? Organization, DateTime? SignedAt, bool? DocumentUnchanged, IReadOnlyList<CertificateDto> Chain)
    {
        public static VerdictDto From(string? file, SignatureVerdict v) => new(file, v.IsValid, v.Failure.ToString(), v.Reason.Zh, v.Reason.En, v.Format,
            v.Algorithm is { } a ? SignatureAlgorithms.Name(a) : null, v.Signer?.CommonName, v.Signer?.Organization, v.SignedAt, v.DocumentUnchanged,
            v.Chain.Select(CertificateDto.From).ToList());
    }

    /// <summary>A stored signature.</summary>
    public sealed record SignatureDto(long Id, long DocumentId, string Party, long OrganizationId, string SignerName, string SignedBy, DateTime SignedAt,
        string Algorithm, string Format, string DocumentSha256, string DocumentSm3, string ValueSha256, bool External)
    {
        public static SignatureDto From(DocumentSignature s) => new(s.Id, s.DocumentId, s.Party.ToString(), s.OrganizationId, s.SignerName, s.SignedBy,
            s.SignedAt, SignatureAlgorithms.Name(s.Algorithm), s.Format, s.DocumentSha256, s.DocumentSm3, s.ValueSha256, s.IsExternal);
    }

    /// <summary>One party of a contract's signing.</summary>
    public sealed record PartyDto(string Party, long OrganizationId, string Organization, SignatureDto? Signature, bool IsCaller, string? Waiting);

    /// <summary>The signing status of a contract.</summary>
    public sealed record StatusDto(long ContractId, string Order, long? DocumentId, string? DocumentName, int? DocumentVersion, bool Signed, DateTime? SignedAt,
        bool CallerMaySign, IReadOnlyList<PartyDto> Parties);

    /// <summary>A signing request.</summary>
    public sealed record SignBody(long? DocumentId, string? Algorithm, long? CertificateId);

    /// <summary>The algorithm of an organization certificate: sm2 (default) or ecdsa.</summary>
    public sealed record OrganizationCertificateBody(string? Algorithm);

    /// <summary>A signing order.</summary>
    public sealed record OrderBody(SigningOrder Order);

    /// <summary>A revocation.</summary>
    public sealed record RevokeBody(string Reason);

    /// <summary>A certificate of the platform.</summary>
    public sealed record StoredCertificateDto(long Id, string Kind, string Algorithm, string Subject, string CommonName, string Issuer, string SerialNumber,
        DateTime NotBefore, DateTime NotAfter, string Fingerprint, bool Imported, bool HasPlatformKey, DateTime? RevokedAt, string Pem)
    {
        public static StoredCertificateDto From(SigningCertificate c) => new(c.Id, c.Kind.ToString(), SignatureAlgorithms.Name(c.Algorithm), c.Subject, c.CommonName,
            c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter, c.Fingerprint, c.IsImported, c.ProtectedKey is not null, c.RevokedAt,
            CertificateFiles.ToPem(CertificateFiles.FromDer(c.Der)));
    }

    public static StatusDto ToDto(SigningStatus s) => new(s.ContractId, s.Order.ToString(), s.Document?.Id, s.Document?.FileName, s.Document?.VersionNo,
        s.IsSigned, s.SignedAt, s.CallerMaySign is not null,
        s.Parties.Select(p => new PartyDto(p.Party.ToString(), p.OrganizationId, p.OrganizationName, p.Signature is null ? null : SignatureDto.From(p.Signature),
            p.IsCaller, p.Waiting?.Text)).ToList());

    private static async Task<Ok<List<StoredCertificateDto>>> Roots(LvyueDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.SigningCertificates.AsNoTracking().Where(c => c.Kind == CertificateKind.Authority && c.IsTrustAnchor && !c.IsImported)
            .OrderBy(c => c.Id).ToListAsync(ct)).Select(StoredCertificateDto.From).ToList());

    private static async Task<Ok<List<VerdictDto>>> Verify(HttpRequest request, PlatformCertificateAuthority ca, Lvyue.Contracts.FilingOptions filing, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw Bad("请以表单上传 document 与 signature 文件", "Upload the form fields document and signature", "document");
        var form = await request.ReadFormAsync(ct);
        var document = form.Files.GetFile("document") ?? throw Bad("缺少合同文件 document", "The form field document is missing", "document");
        var signatures = form.Files.GetFiles("signature");
        if (signatures.Count == 0) throw Bad("缺少签名文件 signature", "The form field signature is missing", "signature");
        var bytes = await ReadAsync(document, filing.MaxDocumentBytes, "document", ct);
        var trust = await ca.TrustStoreAsync(ct);
        var result = new List<VerdictDto>();
        foreach (var s in signatures)
            foreach (var v in DocumentSignatureVerifier.Verify(bytes, await ReadAsync(s, 1024 * 1024, "signature", ct), trust))
                result.Add(VerdictDto.From(s.FileName, v));
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<StatusDto>> Status(long id, ContractSigningService signing, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await signing.StatusAsync(id, ct)));

    private static async Task<Created<SignatureDto>> Sign(long id, SignBody body, ContractSigningService signing, CancellationToken ct)
    {
        SignatureAlgorithm? algorithm = null;
        if (!string.IsNullOrWhiteSpace(body.Algorithm))
            algorithm = SignatureAlgorithms.Parse(body.Algorithm) ?? throw Bad($"不支持的算法 {body.Algorithm}（sm2 或 ecdsa）", $"Unknown algorithm {body.Algorithm} (sm2 or ecdsa)", "algorithm");
        var s = await signing.SignAsync(id, new SignRequest(body.DocumentId, algorithm, body.CertificateId), ct);
        return TypedResults.Created($"/api/v1/signatures/{s.Id}/file", SignatureDto.From(s));
    }

    private static async Task<Ok<StoredCertificateDto>> OrganizationCertificate(long id, OrganizationCertificateBody body, ContractSigningService signing, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(body.Algorithm) ? "sm2" : body.Algorithm;
        var algorithm = SignatureAlgorithms.Parse(name) ?? throw Bad($"不支持的算法 {name}（sm2 或 ecdsa）", $"Unknown algorithm {name} (sm2 or ecdsa)", "algorithm");
        return TypedResults.Ok(StoredCertificateDto.From(await signing.OrganizationCertificateAsync(id, algorithm, ct)));
    }

    private static async Task<Ok<StatusDto>> Order(long id, OrderBody body, ContractSigningService signing, CancellationToken ct)
    {
        await signing.SetOrderAsync(id, body.Order, ct);
        return TypedResults.Ok(ToDto(await signing.StatusAsync(id, ct)));
    }

    private static async Task<Created<SignatureDto>> Attach(long id, IFormFile file, ContractSigningService signing, CancellationToken ct)
    {
        var s = await signing.AttachAsync(id, await ReadAsync(file, 1024 * 1024, "file", ct), null, ct);
        return TypedResults.Created($"/api/v1/signatures/{s.Id}/file", SignatureDto.From(s));
    }

    private static async Task<Ok<List<VerdictDto>>> VerifyStored(long id, ContractSigningService signing, CancellationToken ct) =>
        TypedResults.Ok((await signing.VerifyStoredAsync(id, ct)).Select(r => VerdictDto.From($"signature-{r.Signature.Id}.p7s", r.Verdict)).ToList());

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(long signatureId, LvyueDbContext db, CancellationToken ct)
    {
        var s = await db.DocumentSignatures.AsNoTracking().SingleOrDefaultAsync(x => x.Id == signatureId, ct);
        return s is null ? TypedResults.NotFound() : TypedResults.File(s.Value, "application/pkcs7-signature", $"signature-{s.ContractId}-{s.Id}.p7s");
    }

    private static async Task<Created<StoredCertificateDto>> Import(HttpRequest request, IFormFile file, PlatformCertificateAuthority ca, LvyueDbContext db, CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.BudgetUnitId is null && scope.SupplierId is null) throw DomainException.Forbidden();
        var personal = string.Equals(request.Form["personal"], "true", StringComparison.OrdinalIgnoreCase);
        var c = await ca.ImportAsync(await ReadAsync(file, 64 * 1024, "file", ct), scope.SupplierId is null ? scope.BudgetUnitId : null, scope.SupplierId,
            personal ? scope.Actor : null, ct);
        return TypedResults.Created($"/api/v1/signatures/certificates/{c.Id}", StoredCertificateDto.From(c));
    }

    private static async Task<Ok<List<StoredCertificateDto>>> Mine(LvyueDbContext db, CancellationToken ct)
    {
        var scope = db.Scope;
        var list = await db.SigningCertificates.AsNoTracking()
            .Where(c => c.UserName == scope.Actor
                        || (c.UserName == null && ((scope.BudgetUnitId != null && c.BudgetUnitId == scope.BudgetUnitId) || (scope.SupplierId != null && c.SupplierId == scope.SupplierId))))
            .OrderBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(StoredCertificateDto.From).ToList());
    }

    private static async Task<NoContent> Revoke(long certificateId, RevokeBody body, PlatformCertificateAuthority ca, CancellationToken ct)
    {
        await ca.RevokeAsync(certificateId, body.Reason, ct);
        return TypedResults.NoContent();
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, long max, string field, CancellationToken ct)
    {
        if (file.Length == 0) throw Bad("文件为空", "The file is empty", field);
        if (file.Length > max) throw Bad($"文件超过 {max / 1024} KB 上限", $"The file exceeds the {max / 1024} KB limit", field);
        using var buffer = new MemoryStream();
        await using var s = file.OpenReadStream();
        await s.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static DomainException Bad(string zh, string en, string field) =>
        new(ErrorKind.Invalid, new Msg(zh, en), new Dictionary<string, Msg[]> { [field] = [new Msg(zh, en)] });
}

