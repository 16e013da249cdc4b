using Org.BouncyCastle.X509;

namespace Lvyue.Notary.Signatures;

/// <summary>When and why a certificate was revoked.</summary>
public sealed record Revocation(DateTime RevokedAt, string? Reason);

/// <summary>
/// What a chain is validated against: the trust anchors (the platform's roots, configured external roots), further
/// known intermediate certificates, and the revocations the platform knows of.
/// </summary>
public sealed class TrustStore(IEnumerable<X509Certificate> anchors, IEnumerable<X509Certificate>? intermediates = null,
    Func<X509Certificate, Revocation?>? revocation = null)
{
    /// <summary>The certificates trusted without a further issuer.</summary>
    public IReadOnlyList<X509Certificate> Anchors { get; } = anchors.ToList();
    /// <summary>Known issuing certificates that are not anchors themselves.</summary>
    public IReadOnlyList<X509Certificate> Intermediates { get; } = (intermediates ?? []).ToList();

    /// <summary>The revocation of a certificate, null when it is not revoked.</summary>
    public Revocation? RevocationOf(X509Certificate certificate) => revocation?.Invoke(certificate);

    /// <summary>Whether <paramref name="certificate"/> is one of the anchors (same DER).</summary>
    public bool IsAnchor(X509Certificate certificate) => Anchors.Any(a => a.Equals(certificate));
}
