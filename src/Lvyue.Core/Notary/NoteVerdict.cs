namespace Lvyue.Notary;

/// <summary>
/// The outcome of verifying a signed note against a set of verifier keys: valid (at least one known key
/// signed it and no known key's signature failed) or invalid with the reason, plus which keys verified
/// and which signatures came from keys the set does not know.
/// </summary>
public sealed class NoteVerdict
{
    private NoteVerdict(SignedNote? note, string? reason, IReadOnlyList<NoteVerifier> verifiedBy, IReadOnlyList<NoteSignature> unknown)
    {
        Note = note;
        Reason = reason;
        VerifiedBy = verifiedBy;
        UnknownSignatures = unknown;
    }

    internal static NoteVerdict Valid(SignedNote note, IReadOnlyList<NoteVerifier> verifiedBy, IReadOnlyList<NoteSignature> unknown) =>
        new(note, null, verifiedBy, unknown);

    internal static NoteVerdict Invalid(SignedNote? note, string reason, IReadOnlyList<NoteSignature> unknown) =>
        new(note, reason, [], unknown);

    public bool IsValid => Reason is null;

    /// <summary>Why the note was rejected; null when it is valid.</summary>
    public string? Reason { get; }

    /// <summary>The parsed note; null when it could not be parsed.</summary>
    public SignedNote? Note { get; }

    /// <summary>The known keys whose signatures verified (empty when invalid).</summary>
    public IReadOnlyList<NoteVerifier> VerifiedBy { get; }

    /// <summary>Signatures by keys (name and ID) the set does not know; they are ignored, as the specification requires.</summary>
    public IReadOnlyList<NoteSignature> UnknownSignatures { get; }

    /// <summary><c>valid</c>, or the reason.</summary>
    public override string ToString() => Reason ?? "valid";
}
