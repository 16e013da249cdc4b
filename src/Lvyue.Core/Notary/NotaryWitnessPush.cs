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
