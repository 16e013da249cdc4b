using Lvyue.Notary.Signatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Web.Hosting;

/// <summary>
/// The electronic signatures' part of the web host: the <c>Signatures</c> configuration, the key-encryption key of the
/// signing keys (loaded at start: missing in Production without the demo, the start stops with the reason) and the
/// configured external trust anchors.
/// </summary>
public static class SignaturesSetup
{
    public static WebApplicationBuilder AddLvyueSignatures(this WebApplicationBuilder builder, string dataRoot, string fileRoot)
    {
        var options = builder.Configuration.GetSection("Signatures").Get<SignatureOptions>() ?? new SignatureOptions();
        var demo = builder.Configuration.GetValue("Demo:Seed", false);
        var mayGenerate = !builder.Environment.IsProduction() || demo;
        string path = string.IsNullOrWhiteSpace(options.KeyFile)
            ? SignatureOptions.GeneratedKeyFile(fileRoot)
            : Path.IsPathRooted(options.KeyFile) ? options.KeyFile : Path.Combine(dataRoot, options.KeyFile);
        SignatureKeyProtector protector;
        try
        {
            protector = SignatureKeyProtector.Load(path, createIfMissing: mayGenerate && string.IsNullOrWhiteSpace(options.KeyFile));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException("The key-encryption key of signing keys could not be loaded (Signatures:KeyFile): " + e.Message, e);
        }
        builder.Services.Replace(ServiceDescriptor.Singleton(options));
        builder.Services.Replace(ServiceDescriptor.Singleton(protector));
        builder.Services.Replace(ServiceDescriptor.Singleton(ConfiguredTrustAnchors.Load(options.TrustAnchors, dataRoot)));
        return builder;
    }
}
