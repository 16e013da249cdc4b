using System.Text;
using System.Text.Json;

namespace Lvyue.Notary;

/// <summary>The outcome of a witness's add-checkpoint (C2SP tlog-witness): the cosignature, or the refusal and its HTTP status.</summary>
public sealed record WitnessResult(int Status, string? Reason, NoteSignature? Cosignature, long? KnownSize)
{
    public bool IsCosigned => Cosignature is not null;
}

/// <summary>
/// A witness (C2SP tlog-witness add-checkpoint): it cosigns a log's checkpoint only after checking the log's signature
/// and that the new tree is consistent with the last one it saw for that origin, then remembers the new size and root
/// (in a JSON file, under a file lock, so several processes can share it). A witness is run by someone other than
/// the log's operator; this platform can run one for a peer's log or for an auditor's demonstration.
/// </summary>
public sealed class NotaryWitness(Cosigner key, NoteVerifierSet logKeys, string stateFile, TimeProvider clock)
{
    private sealed record Seen(long Size, string Root);

    /// <summary>
    /// Processes an add-checkpoint request: <paramref name="oldSize"/> is the size the caller believes the witness has
    /// seen (0 at first), <paramref name="proof"/> the consistency proof from it to the checkpoint's size.
    /// Statuses as in tlog-witness: 200 cosigned, 400 malformed, 403 not signed by a known log key, 409 the witness has
    /// seen another size (given in <see cref="WitnessResult.KnownSize"/>), 422 the proof does not verify.
    /// </summary>
    public WitnessResult AddCheckpoint(long oldSize, IReadOnlyList<byte[]> proof, string signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var verdict = Checkpoint.Verify(signedCheckpoint ?? "", logKeys, null, out var checkpoint);
        if (!verdict.IsValid)
        {
            var malformed = verdict.Note is null || verdict.Reason!.StartsWith("the signed note is not a checkpoint", StringComparison.Ordinal);
            return new WitnessResult(malformed ? 400 : 403, verdict.Reason, null, null);
        }
        if (oldSize < 0 || (ulong)oldSize > checkpoint!.TreeSize)
            return new WitnessResult(400, $"old size {oldSize} is not between 0 and the checkpoint's size {checkpoint!.TreeSize}", null, null);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stateFile))!);
        using var fileLock = Lock();
        var state = Read();
        var seen = state.GetValueOrDefault(checkpoint.Origin);
        if ((seen?.Size ?? 0) != oldSize)
            return new WitnessResult(409, $"the witness has seen size {seen?.Size ?? 0} of {checkpoint.Origin}, not {oldSize}", null, seen?.Size ?? 0);
        var newRoot = checkpoint.RootHash;
        if (seen is not null && seen.Size > 0)
        {
            var oldRoot = Convert.FromHexString(seen.Root);
            var consistent = (ulong)seen.Size == checkpoint.TreeSize
                ? proof.Count == 0 && oldRoot.AsSpan().SequenceEqual(newRoot) ? ProofVerdict.Valid : ProofVerdict.Invalid("the same size with another root (or a non-empty proof)")
                : ConsistencyProof.Verify((ulong)seen.Size, checkpoint.TreeSize, oldRoot, newRoot, proof);
            if (!consistent.IsValid) return new WitnessResult(422, "the consistency proof does not verify: " + consistent.Reason, null, seen.Size);
        }
        state[checkpoint.Origin] = new Seen((long)checkpoint.TreeSize, Convert.ToHexStringLower(newRoot));
        Write(state);
        var cosignature = key.Sign(verdict.Note!.Text, (ulong)clock.GetUtcNow().ToUnixTimeSeconds());
        return new WitnessResult(200, null, cosignature, (long)checkpoint.TreeSize);
    }

    /// <summary>Reads the body of a tlog-witness add-checkpoint request: <c>old N</c>, proof lines (base64), a blank line, the checkpoint.</summary>
    public static bool TryParseRequest(string body, out long oldSize, out List<byte[]> proof, out string checkpoint, out string? reason)
    {
        oldSize = 0;
        proof = [];
        checkpoint = "";
        reason = null;
        var blank = (body ?? "").IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0) { reason = "the request has no blank line before the checkpoint"; return false; }
        var lines = body![..blank].Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal) || !long.TryParse(lines[0][4..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out oldSize))
        {
            reason = "the first line must be \"old <size>\"";
            return false;
        }
        foreach (var line in lines.Skip(1))
        {
            if (!NoteKeyName.TryDecodeBase64(line, out var hash) || hash.Length != MerkleHash.Size)
            {
                reason = "a proof line is not a base64 32-byte hash";
                return false;
            }
            proof.Add(hash);
        }
        checkpoint = body[(blank + 2)..];
        return true;
    }

    private FileStream Lock()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(stateFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(10);
            }
        }
    }

    private Dictionary<string, Seen> Read() =>
        File.Exists(stateFile)
            ? JsonSerializer.Deserialize<Dictionary<string, Seen>>(File.ReadAllText(stateFile, Encoding.UTF8)) ?? []
            : [];

    private void Write(Dictionary<string, Seen> state)
    {
        var temp = stateFile + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state), Encoding.UTF8);
        File.Move(temp, stateFile, overwrite: true);
    }
}
