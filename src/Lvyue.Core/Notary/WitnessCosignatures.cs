using System.Globalization;

namespace Lvyue.Notary;

/// <summary>One witness cosignature line of a checkpoint, checked against the witnesses the platform knows.</summary>
/// <param name="Witness">The witness's name (key name of the line).</param>
/// <param name="KeyId">The key ID, 8 hex digits.</param>
/// <param name="At">When the witness cosigned (its tlog-cosignature timestamp), when the line verifies.</param>
/// <param name="Verified">Whether the line verifies with a configured witness key (C2SP tlog-cosignature v1).</param>
/// <param name="Reason">Why it does not verify (an unknown witness, a bad signature), or null.</param>
public sealed record WitnessCosignatureCheck(string Witness, string KeyId, DateTimeOffset? At, bool Verified, string? Reason);

/// <summary>
/// Reads the witness cosignatures of a signed checkpoint: every signature line that is not by one of the log's own
/// keys, verified (offline) with the configured witnesses' verifier keys (<c>Notary:Witnesses[].VerifierKey</c>).
/// </summary>
public static class WitnessCosignatures
{
    /// <summary>The cosignature lines of <paramref name="signedNote"/> with their verdicts; empty for a malformed note.</summary>
    public static IReadOnlyList<WitnessCosignatureCheck> Check(string signedNote, NoteVerifierSet logKeys, IEnumerable<string?> witnessVerifierKeys)
    {
        ArgumentNullException.ThrowIfNull(logKeys);
        ArgumentNullException.ThrowIfNull(witnessVerifierKeys);
        if (!SignedNote.TryParse(signedNote ?? "", out var note, out _)) return [];
        var witnesses = new List<(string Name, byte[] Key, uint Id)>();
        foreach (var text in witnessVerifierKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            try
            {
                var (name, key) = Cosignature.ParseVerifierKey(text!);
                witnesses.Add((name, key, Cosignature.KeyId(name, key)));
            }
            catch (NoteFormatException)
            {
                // A misconfigured key verifies nothing; the line it was meant for shows as an unknown witness.
            }
        }
        var checks = new List<WitnessCosignatureCheck>();
        foreach (var line in note!.Signatures.Where(s => logKeys.Find(s.KeyName, s.KeyId) is null))
        {
            var id = line.KeyId.ToString("x8", CultureInfo.InvariantCulture);
            var witness = witnesses.FirstOrDefault(w => w.Name == line.KeyName && w.Id == line.KeyId);
            if (witness.Key is null)
            {
                checks.Add(new WitnessCosignatureCheck(line.KeyName, id, null, false, "not a witness this platform knows"));
                continue;
            }
            checks.Add(Cosignature.Verify(signedNote!, witness.Name, witness.Key, out var time, out var reason)
                ? new WitnessCosignatureCheck(line.KeyName, id, DateTimeOffset.FromUnixTimeSeconds((long)time), true, null)
                : new WitnessCosignatureCheck(line.KeyName, id, null, false, reason));
        }
        return checks;
    }
}
