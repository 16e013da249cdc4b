namespace Lvyue.Notary.Signatures;

/// <summary>What a certificate is for.</summary>
public enum CertificateKind
{
    /// <summary>A certificate authority: the platform's roots and imported intermediates.</summary>
    Authority,
    /// <summary>An organization's certificate (单位证书 / electronic seal): a budget unit or a supplier.</summary>
    Organization,
    /// <summary>An individual signer's certificate (个人签名证书), bound to the signer's organization.</summary>
    Signer,
}

/// <summary>The party of a contract a signature is made for.</summary>
public enum SigningParty
{
    /// <summary>The purchaser (采购人): the budget unit.</summary>
    Purchaser,
    /// <summary>A supplier (供应商) of the contract.</summary>
    Supplier,
}

/// <summary>In which order the parties of a contract sign.</summary>
public enum SigningOrder
{
    /// <summary>The purchaser signs first, then the suppliers (in any order among them).</summary>
    PurchaserFirst,
    /// <summary>Every party signs whenever it wants.</summary>
    AnyOrder,
}

/// <summary>
/// A certificate the platform issued or imported. Issued certificates keep their private key encrypted at rest
/// (<see cref="SignatureKeyProtector"/>); imported ones have none. Revocation is the platform's own list.
/// </summary>
public sealed class SigningCertificate
{
    public long Id { get; set; }
    public CertificateKind Kind { get; set; }
    public SignatureAlgorithm Algorithm { get; set; }
    public long? BudgetUnitId { get; set; }
    public long? SupplierId { get; set; }
    /// <summary>The login of an individual signer's certificate.</summary>
    public string? UserName { get; set; }
    public required string Subject { get; set; }
    public required string CommonName { get; set; }
    public required string Issuer { get; set; }
    /// <summary>Lowercase hex serial number.</summary>
    public required string SerialNumber { get; set; }
    public DateTime NotBefore { get; set; }
    public DateTime NotAfter { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Der"/>.</summary>
    public required string Fingerprint { get; set; }
    public required byte[] Der { get; set; }
    /// <summary>The PKCS#8 private key encrypted by <see cref="SignatureKeyProtector"/>; null for imported certificates.</summary>
    public byte[]? ProtectedKey { get; set; }
    /// <summary>The id of the key-encryption key that protected <see cref="ProtectedKey"/>.</summary>
    public string? KeyProtectorId { get; set; }
    public long? IssuerCertificateId { get; set; }
    public bool IsTrustAnchor { get; set; }
    public bool IsImported { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
}

/// <summary>How a contract is signed: the order, the document version all parties sign, and when it became signed.</summary>
public sealed class ContractSigningPlan
{
    public long ContractId { get; set; }
    public SigningOrder Order { get; set; }
    /// <summary>The document version the parties sign: fixed by the first signature.</summary>
    public long? DocumentId { get; set; }
    /// <summary>When the last required party signed: the contract is signed (已签署).</summary>
    public DateTime? SignedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A detached signature of one party over one contract document version.</summary>
public sealed class DocumentSignature
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long DocumentId { get; set; }
    public SigningParty Party { get; set; }
    /// <summary>The budget unit (purchaser) or supplier id of the party.</summary>
    public long OrganizationId { get; set; }
    public long? CertificateId { get; set; }
    /// <summary>The login that signed (or attached an external signature).</summary>
    public required string SignedBy { get; set; }
    /// <summary>The signer's name from the certificate.</summary>
    public required string SignerName { get; set; }
    public DateTime SignedAt { get; set; }
    public SignatureAlgorithm Algorithm { get; set; }
    /// <summary><c>cms</c> or <c>gbt35275</c>.</summary>
    public required string Format { get; set; }
    /// <summary>The signature file (DER).</summary>
    public required byte[] Value { get; set; }
    public required string DocumentSha256 { get; set; }
    public required string DocumentSm3 { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Value"/>.</summary>
    public required string ValueSha256 { get; set; }
    /// <summary>Made outside the platform with an imported certificate and attached.</summary>
    public bool IsExternal { get; set; }
}
