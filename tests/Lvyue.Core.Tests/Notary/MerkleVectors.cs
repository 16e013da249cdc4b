using System.Text.Json;

namespace Lvyue.Tests.Notary;

/// <summary>
/// The Merkle test vectors of ../shared/reference/vectors/merkle beside the checkout (the folder
/// holding Lvyue.slnx). When they are missing the tests that need them fail and say where they looked.
/// </summary>
internal static class MerkleVectors
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) return dir.FullName;
            throw new InvalidOperationException($"No folder holding Lvyue.slnx at or above {AppContext.BaseDirectory}");
        }
    }

    public static string Folder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "vectors", "merkle"));
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(
                    $"The Merkle test vectors are missing: looked for {folder} (../shared/reference/vectors/merkle beside the checkout {RepositoryRoot})");
            return folder;
        }
    }

    /// <summary>Every JSON case under transparency-dev/<paramref name="kind"/>, as (relative path, document).</summary>
    public static IReadOnlyList<(string Name, JsonElement Case)> TransparencyDev(string kind)
    {
        var dir = Path.Combine(Folder, "transparency-dev", kind);
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"The Merkle test vectors are missing: looked for {dir}");
        return Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Folder, f), JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone()))
            .ToList();
    }

    public static JsonElement ReferenceTree()
    {
        var file = Path.Combine(Folder, "rfc6962-reference-tree-8-leaves.json");
        if (!File.Exists(file)) throw new FileNotFoundException($"The Merkle test vectors are missing: looked for {file}", file);
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    /// <summary>A Go []byte field: standard base64, or null for none.</summary>
    public static byte[] Base64(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.String } s ? Convert.FromBase64String(s.GetString()!) : [];

    /// <summary>A Go [][]byte field: an array of base64 strings, or null for an empty proof.</summary>
    public static List<byte[]> Base64List(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => Convert.FromBase64String(x.GetString()!)).ToList() : [];

    public static byte[] Hex(JsonElement e) => Convert.FromHexString(e.GetString()!);

    public static List<byte[]> HexList(JsonElement e) => e.EnumerateArray().Select(Hex).ToList();

    public static string ToHex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string ToHexList(IEnumerable<byte[]> hashes) => string.Join(",", hashes.Select(ToHex));
}
