using Lvyue.Notary;

namespace Lvyue.Web.Hosting;

/// <summary>
/// The notary's part of the web host: the <c>Notary</c> configuration, the signing keys (loaded at start, so a
/// missing or unreadable key in Production stops the start with the reason), the periodic checkpoint signer.
/// </summary>
public static class NotarySetup
{
    /// <summary>The folder, under the shared file store, where development and demo keys are generated once.</summary>
    public const string GeneratedKeysFolder = "notary-keys";

    public static WebApplicationBuilder AddLvyueNotary(this WebApplicationBuilder builder, string dataRoot, string fileRoot)
    {
        var options = builder.Configuration.GetSection("Notary").Get<NotaryOptions>() ?? new NotaryOptions();
        // Outside Production a key is generated beside the shared key ring, so instances sharing the store share it.
        // In Production a missing Notary:SigningKey stops the start — whatever Demo:Seed says — unless generating one
        // is explicitly allowed (Notary:AllowGeneratedKey, which the shipped demo configuration sets).
        var production = builder.Environment.IsProduction();
        var generated = production && !options.AllowGeneratedKey ? null : Path.Combine(fileRoot, GeneratedKeysFolder);
        NotaryKeyRing keys;
        try
        {
            keys = NotaryKeyRing.Load(options, generated, dataRoot);
        }
        catch (Exception e) when (e is NoteKeyException or NoteFormatException)
        {
            var hint = production && string.IsNullOrWhiteSpace(options.SigningKey)
                ? " In Production the notary does not generate its key (not even with Demo:Seed): set Notary:SigningKey to a PEM file " +
                  "(`lvyue notary keygen`), or for a demonstration only set Notary:AllowGeneratedKey=true."
                : "";
            throw new InvalidOperationException("The notary's signing key could not be loaded: " + e.Message + hint, e);
        }
        if (production && string.IsNullOrWhiteSpace(options.SigningKey))
            Console.Error.WriteLine($"WARNING: notary checkpoints are signed with a key generated into {generated} (Notary:AllowGeneratedKey); " +
                                    "a deployment configures Notary:SigningKey. 公证签名密钥为自动生成，仅供演示。");
        if (!string.IsNullOrWhiteSpace(options.Witness.Key))
        {
            var path = Path.IsPathRooted(options.Witness.Key) ? options.Witness.Key : Path.Combine(dataRoot, options.Witness.Key);
            var cosigner = Cosigner.FromNoteSigner(NoteKeyFiles.LoadSigner(options.Witness.Name, path));
            var logKeys = new NoteVerifierSet(keys.Verifiers.Keys.Concat(options.Witness.LogKeys.Select(NoteVerifier.Parse)));
            builder.Services.AddSingleton(sp => new NotaryWitness(cosigner, logKeys,
                Path.Combine(fileRoot, "notary-witness", "state.json"), sp.GetRequiredService<TimeProvider>()));
        }
        builder.Services.AddHttpClient(nameof(NotaryWitnessPush), c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(keys);
        builder.Services.AddHostedService<NotaryCheckpointService>();
        return builder;
    }
}
