using Lvyue.Common;

namespace Lvyue.Notary.Signatures;

/// <summary>Why a signature is not valid (<see cref="None"/>: it is).</summary>
public enum SignatureFailure
{
    /// <summary>The signature is valid.</summary>
    None,
    /// <summary>The signature file is not a CMS SignedData (PKCS#7, GB/T 35275) or is incomplete.</summary>
    Malformed,
    /// <summary>An algorithm the platform does not verify.</summary>
    Unsupported,
    /// <summary>The document's digest differs from the signed one: the document was changed.</summary>
    DocumentChanged,
    /// <summary>The signature value does not verify with the signer's public key.</summary>
    BadSignature,
    /// <summary>The signer's certificate is not in the signature.</summary>
    MissingCertificate,
    /// <summary>No trusted or enclosed certificate issued the signer's (or an intermediate) certificate.</summary>
    UnknownIssuer,
    /// <summary>A certificate names a trusted issuer but that issuer's key did not sign it.</summary>
    ForgedCertificate,
    /// <summary>A certificate of the chain was not valid at the signing time.</summary>
    OutsideValidity,
    /// <summary>A certificate of the chain was revoked before the signing time.</summary>
    Revoked,
    /// <summary>The signer's certificate does not allow digital signatures, or an issuer is not a CA.</summary>
    WrongUsage,
    /// <summary>The chain ends in a self-signed certificate that is not a trust anchor, or there are no trust anchors.</summary>
    Untrusted,
}

/// <summary>One certificate of a chain as shown to a verifier.</summary>
public sealed record CertificateSummary(string Subject, string CommonName, string? Organization, string Issuer, string SerialNumber,
    DateTime NotBefore, DateTime NotAfter, string Algorithm, string Fingerprint, bool IsTrustAnchor, DateTime? RevokedAt);

/// <summary>The verdict of one signer of a signature file over a document.</summary>
public sealed record SignatureVerdict
{
    public required SignatureFailure Failure { get; init; }
    /// <summary>Why it is (not) valid, precise enough to act on.</summary>
    public required Msg Reason { get; init; }
    /// <summary><c>cms</c> (RFC 5652 / PKCS#7) or <c>gbt35275</c> (SM2 SignedData).</summary>
    public string? Format { get; init; }
    public SignatureAlgorithm? Algorithm { get; init; }
    /// <summary>The signing time the signer stated (signed attribute), UTC.</summary>
    public DateTime? SignedAt { get; init; }
    /// <summary>Whether the document's digest equals the signed one (null: not reached).</summary>
    public bool? DocumentUnchanged { get; init; }
    /// <summary>The signer's certificate first, then its issuers up to the trust anchor (as far as found).</summary>
    public IReadOnlyList<CertificateSummary> Chain { get; init; } = [];
    public CertificateSummary? Signer => Chain.Count > 0 ? Chain[0] : null;
    public bool IsValid => Failure == SignatureFailure.None;

    internal static SignatureVerdict Fail(SignatureFailure failure, string zh, string en, string? format = null) =>
        new() { Failure = failure, Reason = new Msg(zh, en), Format = format };
}
