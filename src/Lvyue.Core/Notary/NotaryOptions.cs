namespace Lvyue.Notary;

/// <summary>
/// The <c>Notary</c> configuration section: the log's origin, the checkpoint signing keys (PEM files, the algorithm
/// read from the file), rotated-out verifier keys and how often checkpoints are signed.
/// </summary>
public sealed class NotaryOptions
{
    /// <summary>The origin line of every checkpoint (the log's name).</summary>
    public string Origin { get; set; } = NotaryLog.DefaultOrigin;

    /// <summary>The PEM file of the signing key (Ed25519 or SM2). Unset: generated into the data folder outside Production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>More PEM files whose keys also sign every checkpoint (e.g. the SM2 key beside the Ed25519 one).</summary>
    public string[] AdditionalSigningKeys { get; set; } = [];

    /// <summary>The key name of the signing keys in signed notes; defaults to <see cref="Origin"/>.</summary>
    public string? KeyName { get; set; }

    /// <summary>Rotated-out keys whose old checkpoints must stay verifiable: <c>PATH</c> (under <see cref="KeyName"/>) or <c>NAME=PATH</c>, public or private PEM.</summary>
    public string[] PreviousKeys { get; set; } = [];

    /// <summary>Seconds between checkpoint rounds; a round signs only when the log grew. 0 turns periodic signing off.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 60;

    /// <summary>The key name in effect.</summary>
    public string EffectiveKeyName => string.IsNullOrWhiteSpace(KeyName) ? Origin : KeyName;
}
