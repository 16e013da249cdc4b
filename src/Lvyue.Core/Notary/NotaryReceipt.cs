using System.Text;
using System.Text.Json;

namespace Lvyue.Notary;

/// <summary>
/// The JSON receipt of one log leaf: <c>{"checkpoint":…,"index":…,"leaf":…,"leafHash":…,"proof":[…],"treeSize":…,"v":1}</c>
/// where <c>leaf</c> is the leaf data as a string (its UTF-8 bytes are what is hashed), <c>proof</c> the inclusion
/// proof's hashes in lowercase hex and <c>checkpoint</c> the signed checkpoint note. See docs/notary-leaf-format.md.
/// </summary>
public static class NotaryReceipt
{
    /// <summary>The receipt format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes a receipt.</summary>
    public static string ToJson(string leafData, long index, long treeSize, IReadOnlyList<byte[]> proof, string signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(leafData);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("checkpoint", signedCheckpoint);
            w.WriteNumber("index", index);
            w.WriteString("leaf", leafData);
            w.WriteString("leafHash", Convert.ToHexStringLower(MerkleHash.Leaf(Encoding.UTF8.GetBytes(leafData))));
            w.WriteStartArray("proof");
            foreach (var p in proof) w.WriteStringValue(Convert.ToHexStringLower(p));
            w.WriteEndArray();
            w.WriteNumber("treeSize", treeSize);
            w.WriteNumber("v", FormatVersion);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// Verifies a <see cref="NotaryReceipt"/> offline, with no database: the checkpoint's signature by a trusted key,
/// the leaf hash of the leaf data, and the inclusion proof of that leaf against the checkpoint's root. A malformed
/// receipt is an invalid verdict with the reason, never an exception.
/// </summary>
public static class ReceiptVerifier
{
    /// <summary>Valid, or the first reason the receipt fails.</summary>
    public static ProofVerdict Verify(string receiptJson, NoteVerifierSet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (receiptJson is null) return ProofVerdict.Invalid("the receipt is empty");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(receiptJson);
        }
        catch (JsonException e)
        {
            return ProofVerdict.Invalid("the receipt is not JSON: " + e.Message);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ProofVerdict.Invalid("the receipt is not a JSON object");
            if (!TryInt(root, "v", out var version)) return ProofVerdict.Invalid("the receipt has no version \"v\"");
            if (version != NotaryReceipt.FormatVersion)
                return ProofVerdict.Invalid($"the receipt is of version {version}; this verifier knows version {NotaryReceipt.FormatVersion}");
            if (!TryString(root, "leaf", out var leaf)) return ProofVerdict.Invalid("the receipt has no leaf data \"leaf\"");
            if (!TryString(root, "checkpoint", out var note)) return ProofVerdict.Invalid("the receipt has no signed checkpoint \"checkpoint\"");
            if (!TryInt(root, "index", out var index) || index < 0) return ProofVerdict.Invalid("the receipt has no leaf index \"index\" (a non-negative integer)");
            if (!TryInt(root, "treeSize", out var treeSize) || treeSize < 1) return ProofVerdict.Invalid("the receipt has no tree size \"treeSize\" (a positive integer)");
            if (!root.TryGetProperty("proof", out var proofElement) || proofElement.ValueKind != JsonValueKind.Array)
                return ProofVerdict.Invalid("the receipt has no inclusion proof \"proof\" (an array of hex hashes)");
            var proof = new List<byte[]>();
            foreach (var item in proofElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !TryHex(item.GetString()!, out var hash))
                    return ProofVerdict.Invalid($"proof hash {proof.Count} is not hex");
                proof.Add(hash);
            }

            var leafHash = MerkleHash.Leaf(Encoding.UTF8.GetBytes(leaf));
            if (root.TryGetProperty("leafHash", out var stated))
            {
                if (stated.ValueKind != JsonValueKind.String || !TryHex(stated.GetString()!, out var statedHash))
                    return ProofVerdict.Invalid("the receipt's leafHash is not hex");
                if (!statedHash.AsSpan().SequenceEqual(leafHash))
                    return ProofVerdict.Invalid($"the leaf data hashes to {Convert.ToHexStringLower(leafHash)}, not to the receipt's leafHash {Convert.ToHexStringLower(statedHash)}");
            }

            var verdict = Checkpoint.Verify(note, keys, null, out var checkpoint);
            if (!verdict.IsValid) return ProofVerdict.Invalid("the checkpoint does not verify: " + verdict.Reason);
            if (checkpoint!.TreeSize != (ulong)treeSize)
                return ProofVerdict.Invalid($"the receipt's tree size {treeSize} is not the checkpoint's {checkpoint.TreeSize}");
            var inclusion = InclusionProof.Verify(leafHash, (ulong)index, checkpoint.TreeSize, checkpoint.RootHash, proof);
            if (!inclusion.IsValid) return ProofVerdict.Invalid("the inclusion proof does not verify: " + inclusion.Reason);
            try
            {
                NotaryEvent.Parse(Encoding.UTF8.GetBytes(leaf));
            }
            catch (FormatException e)
            {
                return ProofVerdict.Invalid("the leaf is in the log but is not a notary event: " + e.Message);
            }
            return ProofVerdict.Valid;
        }
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = "";
        if (!root.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.String) return false;
        value = e.GetString()!;
        return true;
    }

    private static bool TryInt(JsonElement root, string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 2 * MerkleHash.Size || !text.All(char.IsAsciiHexDigit)) return false;
        bytes = Convert.FromHexString(text);
        return true;
    }
}
