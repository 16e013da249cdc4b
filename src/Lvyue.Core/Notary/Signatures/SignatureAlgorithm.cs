namespace Lvyue.Notary.Signatures;

/// <summary>The key algorithms of signing certificates: SM2 with SM3 (GB/T 32918, 32905), ECDSA P-256 with SHA-256, RSA (imported only).</summary>
public enum SignatureAlgorithm
{
    /// <summary>SM2 on sm2p256v1 with SM3; certificates signed SM3withSM2 (1.2.156.10197.1.501).</summary>
    Sm2,

    /// <summary>ECDSA on NIST P-256 with SHA-256.</summary>
    EcdsaP256,

    /// <summary>RSA with SHA-256 (externally issued certificates; the platform issues no RSA keys).</summary>
    Rsa,
}

/// <summary>Names of the algorithms as they appear in leaves, files and the API.</summary>
public static class SignatureAlgorithms
{
    /// <summary>The name written into notary leaves and API answers: <c>sm2-sm3</c>, <c>ecdsa-p256-sha256</c>, <c>rsa-sha256</c>.</summary>
    public static string Name(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.Sm2 => "sm2-sm3",
        SignatureAlgorithm.EcdsaP256 => "ecdsa-p256-sha256",
        SignatureAlgorithm.Rsa => "rsa-sha256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The algorithm of a name given by a user or a caller (<c>sm2</c>, <c>ecdsa</c>, the names of <see cref="Name"/>), null when unknown.</summary>
    public static SignatureAlgorithm? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sm2" or "sm2-sm3" => SignatureAlgorithm.Sm2,
        "ecdsa" or "ecdsa-p256" or "ecdsap256" or "ecdsa-p256-sha256" or "p-256" => SignatureAlgorithm.EcdsaP256,
        "rsa" or "rsa-sha256" => SignatureAlgorithm.Rsa,
        _ => null,
    };

    /// <summary>The label shown to people.</summary>
    public static string Label(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.Sm2 => "SM2/SM3",
        SignatureAlgorithm.EcdsaP256 => "ECDSA P-256/SHA-256",
        _ => "RSA/SHA-256",
    };
}
