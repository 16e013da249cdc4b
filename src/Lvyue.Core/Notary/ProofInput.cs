using System.Security.Cryptography;

namespace Lvyue.Notary;

/// <summary>Checks shared by the proof verifiers: hash lengths and hash equality.</summary>
internal static class ProofInput
{
    /// <summary>The reason <paramref name="hash"/> is not a SHA-256 hash, or null when it has the right length.</summary>
    public static string? LengthProblem(string what, byte[] hash) =>
        hash.Length == MerkleHash.Size ? null : $"{what} is {hash.Length} bytes; a SHA-256 hash is {MerkleHash.Size} bytes";

    /// <summary>The reason one of the proof's hashes is not a SHA-256 hash, or null when all have the right length.</summary>
    public static string? ProofLengthProblem(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(proof[i], nameof(proof));
            if (LengthProblem($"proof hash {i + 1}", proof[i]) is { } problem) return problem;
        }
        return null;
    }

    public static bool Same(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
