namespace Lvyue.Notary;

/// <summary>
/// One leaf of the notarization log: its 0-based position, the leaf hash SHA-256(0x00‖data) and the leaf
/// data itself (the canonical serialization of a <see cref="NotaryEvent"/>, see docs/notary-leaf-format.md).
/// Rows are only ever inserted, by <see cref="NotaryLog"/>.
/// </summary>
public sealed class NotaryLeaf
{
    public long Index { get; set; }
    public required byte[] LeafHash { get; set; }
    /// <summary>The leaf data exactly as hashed (UTF-8 JSON text).</summary>
    public required string Data { get; set; }
    public required string Kind { get; set; }
    public long? ContractId { get; set; }
    /// <summary>When the event happened (UTC), copied from the leaf data for queries.</summary>
    public DateTime At { get; set; }
}

/// <summary>
/// The hash of a complete subtree of the log: level <see cref="Level"/> covers the 2^level leaves starting at
/// <see cref="Index"/> × 2^level. Level 0 holds the leaf hashes. Any subtree hash a proof needs is folded from
/// O(log n) of these rows.
/// </summary>
public sealed class NotaryNode
{
    public int Level { get; set; }
    public long Index { get; set; }
    public required byte[] Hash { get; set; }
}

/// <summary>A signed tree head of the log: size, root and the signed note text (C2SP checkpoint) as issued.</summary>
public sealed class NotaryCheckpoint
{
    public long Id { get; set; }
    public long TreeSize { get; set; }
    public required byte[] RootHash { get; set; }
    /// <summary>The signed note: checkpoint text, blank line, signature lines.</summary>
    public required string Note { get; set; }
    public DateTime CreatedAt { get; set; }
}
