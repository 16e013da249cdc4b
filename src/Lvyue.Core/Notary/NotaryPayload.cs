using System.Globalization;

namespace Lvyue.Notary;

/// <summary>
/// What an event carries into its leaf besides kind, contract and time: attributes (names <c>[a-z0-9._-]</c>) and
/// content digests (lowercase hex). The leaf is disclosed with its receipt: put no confidential content here
/// (no names, notes or amounts), only facts and digests.
/// </summary>
public sealed record NotaryPayload(IReadOnlyDictionary<string, string>? Attributes = null, IReadOnlyDictionary<string, string>? Digests = null)
{
    /// <summary>No attributes, no digests.</summary>
    public static readonly NotaryPayload Empty = new();

    /// <summary>A payload of attributes only.</summary>
    public static NotaryPayload Of(params (string Name, string Value)[] attributes) =>
        new(attributes.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>A stored document version: its SHA-256 and SM3 digests, version number and size in bytes.</summary>
    public static NotaryPayload Document(string sha256, string sm3, int version, long size) => new(
        new Dictionary<string, string>
        {
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["size"] = size.ToString(CultureInfo.InvariantCulture),
        },
        new Dictionary<string, string> { ["sha256"] = sha256, ["sm3"] = sm3 });
}
