using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notary;

/// <summary>What the public may see of a notarized event: no content, only its leaf hash, time, kind and index.</summary>
public sealed record NotaryPublicEntry(long Index, string Kind, DateTime At, string LeafHash, string? MatchedAlgorithm);

/// <summary>A leaf checked against the platform's keys: the verdict and the checkpoint it was checked against.</summary>
public sealed record NotaryCheck(NotaryPublicEntry Entry, ProofVerdict Verdict, long? TreeSize, string? RootHash)
{
    /// <summary>The witnesses' cosignatures of the checkpoint the receipt was checked against.</summary>
    public IReadOnlyList<WitnessCosignatureCheck> Cosignatures { get; init; } = [];
}

/// <summary>
/// Finds notarized leaves by document digest (SHA-256 or SM3) and checks each one as an auditor would: its receipt
/// (leaf, inclusion proof, signed checkpoint) built from the stored log and verified with the platform's verifier keys.
/// </summary>
public sealed class NotaryLookup(LvyueDbContext db, NotaryCheckpointer checkpointer, NotaryKeyRing keys, NotaryOptions? options = null)
{
    /// <summary>The verifier keys of the configured witnesses (<c>Notary:Witnesses[].VerifierKey</c>).</summary>
    public IReadOnlyList<string?> WitnessKeys => (options?.Witnesses ?? []).Select(w => w.VerifierKey).ToList();

    /// <summary>The leaves that carry the digest <paramref name="hex"/> (64 hex digits, either case), oldest first.</summary>
    public async Task<IReadOnlyList<NotaryPublicEntry>> FindByDigestAsync(string hex, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digest = hex.Trim().ToLowerInvariant();
        var rows = await db.NotaryLeafDigests.AsNoTracking().Where(d => d.Digest == digest)
            .Join(db.NotaryLeaves.AsNoTracking(), d => d.LeafIndex, l => l.Index, (d, l) => new { l.Index, l.Kind, l.At, l.LeafHash, d.Algorithm })
            .OrderBy(x => x.Index).Take(100).ToListAsync(ct);
        return rows.Select(r => new NotaryPublicEntry(r.Index, r.Kind, r.At, Convert.ToHexStringLower(r.LeafHash), r.Algorithm)).ToList();
    }

    /// <summary>The public facts of leaf <paramref name="index"/>, or null.</summary>
    public async Task<NotaryPublicEntry?> EntryAsync(long index, CancellationToken ct = default)
    {
        var l = await db.NotaryLeaves.AsNoTracking().Where(x => x.Index == index).Select(x => new { x.Index, x.Kind, x.At, x.LeafHash })
            .FirstOrDefaultAsync(ct);
        return l is null ? null : new NotaryPublicEntry(l.Index, l.Kind, l.At, Convert.ToHexStringLower(l.LeafHash), null);
    }

    /// <summary>Builds the receipt of <paramref name="entry"/>'s leaf from the log and verifies it offline with the platform's keys.</summary>
    public async Task<NotaryCheck> CheckAsync(NotaryPublicEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var receipt = await checkpointer.ReceiptAsync(entry.Index, ct);
        if (receipt is null) return new NotaryCheck(entry, ProofVerdict.Invalid($"the log has no leaf {entry.Index}"), null, null);
        var verdict = ReceiptVerifier.Verify(receipt, keys.Verifiers);
        var (size, root) = ReceiptCheckpoint(receipt, keys.Verifiers);
        return new NotaryCheck(entry, verdict, size, root) { Cosignatures = ReceiptCosignatures(receipt, keys.Verifiers, WitnessKeys) };
    }

    /// <summary>The witness cosignatures on a receipt's checkpoint, checked with <paramref name="witnessKeys"/>; empty when it has none or does not parse.</summary>
    public static IReadOnlyList<WitnessCosignatureCheck> ReceiptCosignatures(string receiptJson, NoteVerifierSet verifiers, IEnumerable<string?> witnessKeys)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(receiptJson);
            if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("checkpoint", out var note) && note.ValueKind == System.Text.Json.JsonValueKind.String)
                return WitnessCosignatures.Check(note.GetString()!, verifiers, witnessKeys);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return [];
    }

    /// <summary>The tree size and root (hex) of a receipt's checkpoint when its signature verifies, else nulls.</summary>
    public static (long? TreeSize, string? RootHash) ReceiptCheckpoint(string receiptJson, NoteVerifierSet verifiers)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(receiptJson);
            if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("checkpoint", out var note) && note.ValueKind == System.Text.Json.JsonValueKind.String
                && Checkpoint.Verify(note.GetString()!, verifiers, null, out var checkpoint).IsValid)
                return ((long)checkpoint!.TreeSize, Convert.ToHexStringLower(checkpoint.RootHash));
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return (null, null);
    }
}
