using System.Globalization;
using System.Text;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notary;

/// <summary>An external witness the log pushes its checkpoints to: a tlog-witness URL with its verifier key, or a folder.</summary>
public sealed class WitnessTarget
{
    /// <summary>The witness's add-checkpoint URL (e.g. <c>https://witness.example/api/v1/notary/witness/add-checkpoint</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The witness's verifier key <c>name+keyid+base64(0x04 ‖ public key)</c>; a cosignature is stored only when it verifies with it.</summary>
    public string? VerifierKey { get; set; }

    /// <summary>A folder (for an offline witness): each new checkpoint is written there with the consistency proof from the previous one.</summary>
    public string? Folder { get; set; }
}

/// <summary>
/// Pushes a new checkpoint to the configured witnesses (C2SP tlog-witness add-checkpoint: <c>old N</c>, the
/// consistency proof from N, the checkpoint), learning the size a witness has seen from its 409 answer, and stores
/// each cosignature that verifies with the witness's key as another signature line of the stored checkpoint note.
/// Folder witnesses get the request body as a file. Failures are reported, never thrown: a witness being down
/// must not stop the log.
/// </summary>
public sealed class NotaryWitnessPush(LvyueDbContext db, NotaryLog log, HttpClient http)
{
    /// <summary>Pushes <paramref name="checkpoint"/> to every target; gives one line per target saying what happened.</summary>
    public async Task<IReadOnlyList<string>> PushAsync(NotaryCheckpoint checkpoint, IEnumerable<WitnessTarget> targets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var outcomes = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                outcomes.Add(target.Url is { Length: > 0 } ? await PushUrlAsync(checkpoint, target, ct) : await WriteFolderAsync(checkpoint, target, ct));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException
                                          or NoteFormatException or FormatException)
            {
                outcomes.Add($"{target.Url ?? target.Folder}: {e.Message}");
            }
        }
        return outcomes;
    }

    private async Task<string> PushUrlAsync(NotaryCheckpoint checkpoint, WitnessTarget target, CancellationToken ct)
    {
        var (name, key) = Cosignature.ParseVerifierKey(target.VerifierKey ?? throw new FormatException("a witness URL needs its VerifierKey"));
        long old = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await http.PostAsync(target.Url, new StringContent(await BodyAsync(old, checkpoint, ct), Encoding.UTF8, "text/plain"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode == 409 && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seen) && seen != old)
            {
                old = seen;
                continue;
            }
            if (!response.IsSuccessStatusCode) return $"{target.Url}: {(int)response.StatusCode} {text.Trim()}";
            var note = SignedNote.Parse(checkpoint.Note);
            var cosigned = note.ToString().TrimEnd('\n') + "\n" + text.TrimEnd('\n') + "\n";
            if (!Cosignature.Verify(cosigned, name, key, out _, out var reason)) return $"{target.Url}: the cosignature is refused: {reason}";
            await StoreAsync(checkpoint, cosigned, ct);
            return $"{target.Url}: cosigned by {name}";
        }
        return $"{target.Url}: the witness keeps answering another size";
    }

    private async Task<string> WriteFolderAsync(NotaryCheckpoint checkpoint, WitnessTarget target, CancellationToken ct)
    {
        var folder = target.Folder ?? throw new FormatException("a witness needs a Url or a Folder");
        Directory.CreateDirectory(folder);
        var previous = await db.NotaryCheckpoints.AsNoTracking().Where(c => c.TreeSize < checkpoint.TreeSize)
            .OrderByDescending(c => c.TreeSize).Select(c => (long?)c.TreeSize).FirstOrDefaultAsync(ct) ?? 0;
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"checkpoint-{checkpoint.TreeSize}.txt"));
        await File.WriteAllTextAsync(path, await BodyAsync(previous, checkpoint, ct), new UTF8Encoding(false), ct);
        return $"{folder}: wrote {Path.GetFileName(path)}";
    }

    /// <summary>The file an offline witness writes beside <c>checkpoint-&lt;size&gt;.txt</c>: its add-checkpoint answer, the cosignature line(s).</summary>
    public static string CosignatureFileName(long treeSize) => string.Create(CultureInfo.InvariantCulture, $"checkpoint-{treeSize}.cosignature");

    /// <summary>
    /// Reads back what offline witnesses wrote into their folders: each <c>checkpoint-&lt;size&gt;.cosignature</c> (C2SP
    /// tlog-cosignature lines, <c>— name base64(key ID ‖ timestamp ‖ signature)</c>, as a tlog-witness answers) is checked
    /// against the stored checkpoint of that size with the folder's <see cref="WitnessTarget.VerifierKey"/> and, when it
    /// verifies, stored as another signature line of the checkpoint. A processed file is renamed <c>.stored</c> or
    /// <c>.refused</c> so that it is read once. Gives one line per file saying what happened; never throws on bad files.
    /// </summary>
    public async Task<IReadOnlyList<string>> CollectFolderCosignaturesAsync(IEnumerable<WitnessTarget> targets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var outcomes = new List<string>();
        foreach (var target in targets.Where(t => t.Url is not { Length: > 0 } && t.Folder is { Length: > 0 } && Directory.Exists(t.Folder)))
        {
            if (string.IsNullOrWhiteSpace(target.VerifierKey))
            {
                // Said only when a witness has answered, not every round.
                if (Directory.EnumerateFiles(target.Folder!, "checkpoint-*.cosignature").Any())
                    outcomes.Add($"{target.Folder}: no VerifierKey configured, cosignatures are not read back");
                continue;
            }
            string name;
            byte[] key;
            try
            {
                (name, key) = Cosignature.ParseVerifierKey(target.VerifierKey);
            }
            catch (NoteFormatException e)
            {
                outcomes.Add($"{target.Folder}: the VerifierKey is not a witness key: {e.Message}");
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(target.Folder!, "checkpoint-*.cosignature").Order(StringComparer.Ordinal))
            {
                try
                {
                    var outcome = await CollectAsync(path, name, key, ct);
                    outcomes.Add($"{Path.GetFileName(path)}: {outcome.Message}");
                    if (outcome.Done) File.Move(path, path + (outcome.Stored ? ".stored" : ".refused"), overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    outcomes.Add($"{Path.GetFileName(path)}: {e.Message}");
                }
            }
        }
        return outcomes;
    }

    private async Task<(bool Done, bool Stored, string Message)> CollectAsync(string path, string name, byte[] key, CancellationToken ct)
    {
        var stem = Path.GetFileNameWithoutExtension(path)["checkpoint-".Length..];
        if (!long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            return (true, false, "the file name does not give a tree size");
        var checkpoint = await db.NotaryCheckpoints.AsNoTracking().Where(c => c.TreeSize == size).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (checkpoint is null) return (false, false, $"no stored checkpoint of size {size} (yet)");
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8, ct)).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("\u2014 ", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0) return (true, false, "refused: no cosignature line (\u2014 name signature)");
        var note = SignedNote.Parse(checkpoint.Note);
        var id = Cosignature.KeyId(name, key);
        if (note.Signatures.Any(s => s.KeyName == name && s.KeyId == id)) return (true, true, $"already cosigned by {name}");
        foreach (var line in lines)
        {
            var candidate = note.ToString().TrimEnd('\n') + "\n" + line + "\n";
            if (!SignedNote.TryParse(candidate, out _, out _)) continue;
            if (!Cosignature.Verify(candidate, name, key, out _, out _)) continue;
            await StoreAsync(checkpoint, candidate, ct);
            return (true, true, $"cosigned by {name}");
        }
        Cosignature.Verify(note.ToString().TrimEnd('\n') + "\n" + lines[0] + "\n", name, key, out _, out var reason);
        return (true, false, $"refused: {reason ?? "malformed cosignature line"}");
    }

    // The tlog-witness request body: "old N", the consistency proof lines (base64), a blank line, the signed checkpoint.
    private async Task<string> BodyAsync(long old, NotaryCheckpoint checkpoint, CancellationToken ct)
    {
        var body = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"old {old}\n"));
        if (old > 0 && old < checkpoint.TreeSize)
            foreach (var hash in await log.ConsistencyProofAsync(old, checkpoint.TreeSize, ct)) body.Append(Convert.ToBase64String(hash)).Append('\n');
        return body.Append('\n').Append(checkpoint.Note).ToString();
    }

    // Conditional on the note being unchanged, so concurrent pushes by several instances add each line once.
    private async Task StoreAsync(NotaryCheckpoint checkpoint, string cosigned, CancellationToken ct)
    {
        var old = checkpoint.Note;
        var n = await db.Database.ExecuteSqlAsync(
            $"UPDATE \"NotaryCheckpoints\" SET \"Note\" = {cosigned} WHERE \"Id\" = {checkpoint.Id} AND \"Note\" = {old}", ct);
        if (n == 1) checkpoint.Note = cosigned;
    }
}
