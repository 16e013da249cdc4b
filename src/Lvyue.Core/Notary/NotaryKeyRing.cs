namespace Lvyue.Notary;

/// <summary>
/// The platform's notary keys: the signers of new checkpoints and the verifier set that checks checkpoints —
/// the current keys and the rotated-out ones, so old checkpoints and receipts stay verifiable.
/// </summary>
public sealed class NotaryKeyRing
{
    /// <summary>The file names of keys generated for development and demo, in the generated-keys folder.</summary>
    public const string GeneratedEd25519 = "notary-ed25519.pem";

    /// <inheritdoc cref="GeneratedEd25519"/>
    public const string GeneratedSm2 = "notary-sm2.pem";

    public NotaryKeyRing(string origin, IReadOnlyList<NoteSigner> signers, IEnumerable<NoteVerifier>? previous = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0) throw new NoteKeyException("the notary needs at least one signing key");
        Origin = origin;
        Signers = signers;
        var verifiers = signers.Select(s => s.Verifier).ToList();
        foreach (var v in previous ?? [])
            if (!verifiers.Any(k => k.Name == v.Name && k.KeyId == v.KeyId)) verifiers.Add(v);
        Verifiers = new NoteVerifierSet(verifiers);
    }

    /// <summary>The checkpoint origin.</summary>
    public string Origin { get; }

    /// <summary>The keys that sign new checkpoints.</summary>
    public IReadOnlyList<NoteSigner> Signers { get; }

    /// <summary>Every key a checkpoint of this log may be signed by (current first).</summary>
    public NoteVerifierSet Verifiers { get; }

    /// <summary>
    /// Loads the keys <paramref name="options"/> name. Without <c>Notary:SigningKey</c>: when
    /// <paramref name="generatedKeysFolder"/> is given (development, demo), an Ed25519 and an SM2 key are generated
    /// there once and reused afterwards (instances sharing the folder share the keys); otherwise (Production) it is
    /// a <see cref="NoteKeyException"/> that says what to configure. A key file that cannot be read is one too.
    /// </summary>
    public static NotaryKeyRing Load(NotaryOptions options, string? generatedKeysFolder, string? baseFolder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.EffectiveKeyName;
        NoteKeyName.Validate(name);
        string Full(string path) => baseFolder is null || Path.IsPathRooted(path) ? path : Path.Combine(baseFolder, path);
        var signers = new List<NoteSigner>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            signers.Add(NoteKeyFiles.LoadSigner(name, Full(options.SigningKey)));
        }
        else if (generatedKeysFolder is not null)
        {
            Directory.CreateDirectory(generatedKeysFolder);
            signers.Add(LoadOrGenerate(name, NoteAlgorithm.Ed25519, Path.Combine(generatedKeysFolder, GeneratedEd25519)));
            signers.Add(LoadOrGenerate(name, NoteAlgorithm.Sm2, Path.Combine(generatedKeysFolder, GeneratedSm2)));
        }
        else
        {
            throw new NoteKeyException(
                "Notary:SigningKey is not configured: set it to the PEM file of the checkpoint signing key " +
                "(create one with `lvyue notary keygen`); outside Production a key is generated into the data folder");
        }
        foreach (var path in options.AdditionalSigningKeys.Where(p => !string.IsNullOrWhiteSpace(p)))
            signers.Add(NoteKeyFiles.LoadSigner(name, Full(path)));
        var previous = options.PreviousKeys.Where(p => !string.IsNullOrWhiteSpace(p)).Select(entry =>
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 ? NoteKeyFiles.LoadVerifier(entry[..eq], Full(entry[(eq + 1)..])) : NoteKeyFiles.LoadVerifier(name, Full(entry));
        }).ToList();
        return new NotaryKeyRing(options.Origin, signers, previous);
    }

    private static NoteSigner LoadOrGenerate(string name, NoteAlgorithm algorithm, string path)
    {
        if (File.Exists(path)) return NoteKeyFiles.LoadSigner(name, path);
        try
        {
            return NoteKeyFiles.Generate(name, algorithm, path, Path.ChangeExtension(path, ".pub.pem"));
        }
        catch (NoteKeyException) when (File.Exists(path))
        {
            // Another instance sharing the folder generated it first.
            return NoteKeyFiles.LoadSigner(name, path);
        }
    }
}
