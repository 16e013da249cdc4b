using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Notary.Signatures;

/// <summary>Registers electronic signatures. The host may register its own <see cref="SignatureOptions"/>, protector and anchors first.</summary>
public static class SignatureServices
{
    /// <summary>
    /// Adds the CA and the signing service. Defaults (when the host registered none): options as constructed, no
    /// configured anchors, and the key-encryption key generated once under <paramref name="fileStoreRoot"/>.
    /// </summary>
    public static IServiceCollection AddSignatures(this IServiceCollection services, string fileStoreRoot)
    {
        services.TryAddSingleton(new SignatureOptions());
        services.TryAddSingleton(ConfiguredTrustAnchors.None);
        services.TryAddSingleton(_ => SignatureKeyProtector.Load(SignatureOptions.GeneratedKeyFile(fileStoreRoot), createIfMissing: true));
        services.AddScoped<PlatformCertificateAuthority>();
        services.AddScoped<ContractSigningService>();
        return services;
    }
}
