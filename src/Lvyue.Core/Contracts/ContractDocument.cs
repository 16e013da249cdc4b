namespace Lvyue.Contracts;

/// <summary>
/// One stored version of a contract document. The bytes live in the content-addressed file store
/// under <see cref="Sha256"/>; a new upload is a new row with the next <see cref="VersionNo"/>.
/// </summary>
public sealed class ContractDocument
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    /// <summary>Documents with the same name form one versioned document.</summary>
    public required string FileName { get; set; }
    public int VersionNo { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of the bytes; the file store key.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Lower-case hex SM3 (GB/T 32905-2016) of the bytes.</summary>
    public required string Sm3 { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
