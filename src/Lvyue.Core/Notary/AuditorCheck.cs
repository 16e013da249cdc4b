using System.Globalization;

namespace Lvyue.Notary;

/// <summary>
/// The stand-alone verifiers for auditors, from the text of their command-line options (hashes in
/// hexadecimal, a proof as comma-separated hexadecimal hashes, the empty string for an empty proof).
/// Malformed text is a verdict with a reason, never an exception. No database is involved.
/// </summary>
public static class AuditorCheck
{
    /// <summary>Checks an inclusion proof given as the text of <c>--leaf-hash --index --size --root --proof</c>.</summary>
    public static ProofVerdict Inclusion(string? leafHash, string? index, string? size, string? root, string? proof)
    {
        var problems = new Reasons();
        var leafBytes = problems.Hash("--leaf-hash", leafHash);
        var i = problems.Number("--index", index);
        var n = problems.Number("--size", size);
        var rootBytes = problems.Hash("--root", root);
        var path = problems.Proof(proof);
        return problems.First is { } reason
            ? ProofVerdict.Invalid(reason)
            : InclusionProof.Verify(leafBytes!, i, n, rootBytes!, path!);
    }

    /// <summary>Checks a consistency proof given as the text of <c>--size1 --size2 --root1 --root2 --proof</c>.</summary>
    public static ProofVerdict Consistency(string? size1, string? size2, string? root1, string? root2, string? proof)
    {
        var problems = new Reasons();
        var m = problems.Number("--size1", size1);
        var n = problems.Number("--size2", size2);
        var root1Bytes = problems.Hash("--root1", root1);
        var root2Bytes = problems.Hash("--root2", root2);
        var path = problems.Proof(proof);
        return problems.First is { } reason
            ? ProofVerdict.Invalid(reason)
            : ConsistencyProof.Verify(m, n, root1Bytes!, root2Bytes!, path!);
    }

    /// <summary>Parses option text, keeping the first problem found.</summary>
    private sealed class Reasons
    {
        public string? First { get; private set; }

        private void Note(string reason) => First ??= reason;

        public ulong Number(string option, string? text)
        {
            if (text is null)
            {
                Note($"{option} is missing");
                return 0;
            }
            if (ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            Note($"{option} must be a whole number from 0 to {ulong.MaxValue}, not '{text}'");
            return 0;
        }

        public byte[]? Hash(string option, string? text)
        {
            if (text is null)
            {
                Note($"{option} is missing");
                return null;
            }
            var bytes = FromHex(text.Trim());
            if (bytes is null) Note($"{option} is not hexadecimal (an even number of the digits 0-9, a-f): '{text}'");
            return bytes;
        }

        public List<byte[]>? Proof(string? text)
        {
            if (text is null)
            {
                Note("--proof is missing (give --proof \"\" for an empty proof)");
                return null;
            }
            var proof = new List<byte[]>();
            if (text.Trim().Length == 0) return proof;
            var parts = text.Split(',');
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                if (part.Length == 0)
                {
                    Note($"--proof hash {i + 1} of {parts.Length} is empty");
                    return null;
                }
                var bytes = FromHex(part);
                if (bytes is null)
                {
                    Note($"--proof hash {i + 1} is not hexadecimal (an even number of the digits 0-9, a-f): '{part}'");
                    return null;
                }
                proof.Add(bytes);
            }
            return proof;
        }

        private static byte[]? FromHex(string text) =>
            text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit) ? Convert.FromHexString(text) : null;
    }
}
