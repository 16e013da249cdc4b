namespace Lvyue.Notary;

/// <summary>
/// An index row: leaf <see cref="LeafIndex"/> carries the digest <see cref="Digest"/> (lowercase hex) under
/// <see cref="Algorithm"/> (<c>sha256</c>, <c>sm3</c>). Written by <see cref="NotaryLog"/> with the leaf, so that
/// a document can be found among notarized leaves by its digest without reading the leaves.
/// </summary>
public sealed class NotaryLeafDigest
{
    public required string Digest { get; set; }
    public required string Algorithm { get; set; }
    public long LeafIndex { get; set; }
}
