namespace Lvyue.Notary;

/// <summary>
/// The verifier keys a reader trusts, current and rotated-out alike, looked up by key name and key ID.
/// Verification follows c2sp.org/signed-note: signatures from unknown keys are ignored (and reported),
/// a failing signature from a known key rejects the note, and a note needs at least one verified signature.
/// </summary>
public sealed class NoteVerifierSet
{
    private readonly Dictionary<(string Name, uint Id), NoteVerifier> _keys = [];

    /// <summary>A set of the given keys; two keys with the same name and ID are refused.</summary>
    public NoteVerifierSet(IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        foreach (var verifier in verifiers)
        {
            ArgumentNullException.ThrowIfNull(verifier);
            if (!_keys.TryAdd((verifier.Name, verifier.KeyId), verifier))
                throw new ArgumentException($"Two verifier keys have the name {verifier.Name} and the ID {verifier.KeyId:x8}", nameof(verifiers));
        }
    }

    public NoteVerifierSet(params NoteVerifier[] verifiers) : this((IEnumerable<NoteVerifier>)verifiers)
    {
    }

    public IReadOnlyCollection<NoteVerifier> Keys => _keys.Values;

    /// <summary>The key with this name and ID, or null.</summary>
    public NoteVerifier? Find(string name, uint keyId) => _keys.GetValueOrDefault((name, keyId));

    /// <summary>Parses and verifies a signed note; a malformed note is an invalid verdict, never an exception.</summary>
    public NoteVerdict Verify(string signedNote)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        return SignedNote.TryParse(signedNote, out var note, out var reason)
            ? Verify(note!)
            : NoteVerdict.Invalid(null, "malformed signed note: " + reason, []);
    }

    /// <summary>Parses and verifies a signed note from its UTF-8 bytes; invalid UTF-8 is an invalid verdict.</summary>
    public NoteVerdict Verify(ReadOnlySpan<byte> signedNote)
    {
        SignedNote note;
        try
        {
            note = SignedNote.Parse(signedNote);
        }
        catch (NoteFormatException e)
        {
            return NoteVerdict.Invalid(null, "malformed signed note: " + e.Message, []);
        }
        return Verify(note);
    }

    /// <summary>Verifies every signature of a known key on <paramref name="note"/>.</summary>
    public NoteVerdict Verify(SignedNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var message = note.TextBytes;
        var verified = new List<NoteVerifier>();
        var unknown = new List<NoteSignature>();
        foreach (var signature in note.Signatures)
        {
            var key = Find(signature.KeyName, signature.KeyId);
            if (key is null)
            {
                unknown.Add(signature);
                continue;
            }
            if (!key.Verify(message, signature.SignatureBytes))
                return NoteVerdict.Invalid(note, $"the {key.Algorithm} signature by {signature} does not verify", unknown);
            if (!verified.Contains(key)) verified.Add(key);
        }
        if (verified.Count == 0)
        {
            var signers = string.Join(", ", note.Signatures.Select(s => s.ToString()));
            return NoteVerdict.Invalid(note, $"no signature is by a known key (the note is signed by {signers})", unknown);
        }
        return NoteVerdict.Valid(note, verified, unknown);
    }
}
