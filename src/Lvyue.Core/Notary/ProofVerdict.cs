namespace Lvyue.Notary;

/// <summary>The outcome of checking a Merkle proof: valid, or invalid with the reason in one sentence.</summary>
public sealed class ProofVerdict
{
    private ProofVerdict(string? reason) => Reason = reason;

    /// <summary>The verdict of a proof that checks out.</summary>
    public static ProofVerdict Valid { get; } = new(null);

    /// <summary>A failed check and why it failed.</summary>
    public static ProofVerdict Invalid(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ProofVerdict(reason);
    }

    public bool IsValid => Reason is null;

    /// <summary>Why the proof failed; null when it is valid.</summary>
    public string? Reason { get; }

    /// <summary><c>valid</c>, or the reason.</summary>
    public override string ToString() => Reason ?? "valid";
}
