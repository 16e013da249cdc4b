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

    /// <summary>
    /// Without <see cref="SigningKey"/>, whether Production may generate a key into the file store (as development
    /// does) instead of refusing to start. Off unless set: the shipped demo configuration sets it; a deployment
    /// configures its own key and leaves this off.
    /// </summary>
    public bool AllowGeneratedKey { get; set; }

    /// <summary>More PEM files whose keys also sign every checkpoint (e.g. the SM2 key beside the Ed25519 one).</summary>
    public string[] AdditionalSigningKeys { get; set; } = [];

    /// <summary>The key name of the signing keys in signed notes; defaults to <see cref="Origin"/>.</summary>
    public string? KeyName { get; set; }

    /// <summary>Rotated-out keys whose old checkpoints must stay verifiable: <c>PATH</c> (under <see cref="KeyName"/>) or <c>NAME=PATH</c>, public or private PEM.</summary>
    public string[] PreviousKeys { get; set; } = [];

    /// <summary>Seconds between checkpoint rounds; a round signs only when the log grew. 0 turns periodic signing off.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 60;

    /// <summary>External witnesses each new checkpoint is pushed to (URL with verifier key, or folder).</summary>
    public WitnessTarget[] Witnesses { get; set; } = [];

    /// <summary>A witness run by this host (C2SP tlog-witness); off unless <see cref="WitnessOptions.Key"/> is set.</summary>
    public WitnessOptions Witness { get; set; } = new();

    /// <summary>The key name in effect.</summary>
    public string EffectiveKeyName => string.IsNullOrWhiteSpace(KeyName) ? Origin : KeyName;
}

/// <summary>The <c>Notary:Witness</c> section: a witness endpoint that cosigns checkpoints it found consistent.</summary>
public sealed class WitnessOptions
{
    /// <summary>PEM file of the witness's Ed25519 key; unset: no witness endpoint.</summary>
    public string? Key { get; set; }

    /// <summary>The witness's name in cosignature lines (a schema-less URL).</summary>
    public string Name { get; set; } = "lvyue.gov.cn/notary/witness";

    /// <summary>Verifier keys of further logs the witness accepts (the platform's own log keys are always accepted).</summary>
    public string[] LogKeys { get; set; } = [];
}
