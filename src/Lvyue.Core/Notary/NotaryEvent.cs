using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lvyue.Notary;

/// <summary>
/// A key event recorded in the notarization log (contract filed, document version stored, signature, change,
/// acceptance, payment, determination, inspection result). <see cref="ToLeafData"/> gives its canonical,
/// versioned serialization — the leaf data — described in docs/notary-leaf-format.md.
/// </summary>
public sealed class NotaryEvent
{
    /// <summary>The version of the leaf format written by <see cref="ToLeafData"/>.</summary>
    public const int FormatVersion = 1;

    /// <summary>An event of kind <paramref name="kind"/> (lowercase letters, digits, '.', '_' or '-', at most 64) at <paramref name="at"/>.</summary>
    public NotaryEvent(string kind, long? contractId, DateTimeOffset at, IReadOnlyDictionary<string, string>? digests = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!IsName(kind, 64)) throw new ArgumentException($"the event kind \"{kind}\" must be 1–64 of a-z, 0-9, '.', '_', '-'", nameof(kind));
        var sortedDigests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in digests ?? new Dictionary<string, string>())
        {
            if (!IsName(name, 32)) throw new ArgumentException($"the digest name \"{name}\" must be 1–32 of a-z, 0-9, '.', '_', '-'", nameof(digests));
            if (value.Length == 0 || value.Length % 2 != 0 || !value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                throw new ArgumentException($"the digest {name} must be lowercase hex", nameof(digests));
            sortedDigests[name] = value;
        }
        var sortedAttributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (!IsName(name, 64)) throw new ArgumentException($"the attribute name \"{name}\" must be 1–64 of a-z, 0-9, '.', '_', '-'", nameof(attributes));
            ArgumentNullException.ThrowIfNull(value, nameof(attributes));
            sortedAttributes[name] = value;
        }
        Kind = kind;
        ContractId = contractId;
        // The format keeps whole microseconds in UTC; a finer instant is truncated so that parsing gives it back.
        var utc = at.ToUniversalTime();
        At = new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
        Digests = sortedDigests;
        Attributes = sortedAttributes;
    }

    public string Kind { get; }
    public long? ContractId { get; }
    /// <summary>When the event happened, UTC, to the microsecond.</summary>
    public DateTimeOffset At { get; }
    /// <summary>Digests of the event's content by algorithm name (<c>sha256</c>, <c>sm3</c>, …), lowercase hex.</summary>
    public IReadOnlyDictionary<string, string> Digests { get; }
    /// <summary>Further facts of the event (document file name, version number, amount, …) as strings.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    private static bool IsName(string s, int max) =>
        s.Length is > 0 and var n && n <= max && s.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-');

    private static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical leaf data: compact UTF-8 JSON, keys in ordinal order at every level, <c>"v":1</c>.</summary>
    public byte[] ToLeafData()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            // Keys in ordinal order: at, attrs, contract, digests, kind, v.
            w.WriteStartObject();
            w.WriteString("at", FormatTime(At));
            if (Attributes.Count > 0)
            {
                w.WriteStartObject("attrs");
                foreach (var (k, v) in Attributes) w.WriteString(k, v);
                w.WriteEndObject();
            }
            if (ContractId is { } id) w.WriteNumber("contract", id);
            if (Digests.Count > 0)
            {
                w.WriteStartObject("digests");
                foreach (var (k, v) in Digests) w.WriteString(k, v);
                w.WriteEndObject();
            }
            w.WriteString("kind", Kind);
            w.WriteNumber("v", FormatVersion);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Reads leaf data written by <see cref="ToLeafData"/>; anything else (including a non-canonical form) is a <see cref="FormatException"/>.</summary>
    public static NotaryEvent Parse(ReadOnlySpan<byte> leafData)
    {
        NotaryEvent parsed;
        try
        {
            using var doc = JsonDocument.Parse(leafData.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the leaf data is not a JSON object");
            if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
                throw new FormatException("the leaf data has no version \"v\"");
            if (version != FormatVersion) throw new FormatException($"the leaf data is of version {version}; this reader knows version {FormatVersion}");
            var kind = root.GetProperty("kind").GetString() ?? throw new FormatException("the leaf data has no kind");
            var at = DateTimeOffset.ParseExact(root.GetProperty("at").GetString() ?? "", "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            long? contract = root.TryGetProperty("contract", out var c) ? c.GetInt64() : null;
            parsed = new NotaryEvent(kind, contract, at, Strings(root, "digests"), Strings(root, "attrs"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("the leaf data is not a version 1 notary event: " + e.Message, e);
        }
        if (!parsed.ToLeafData().AsSpan().SequenceEqual(leafData))
            throw new FormatException("the leaf data is not in canonical form (key order, spacing or escaping differs)");
        return parsed;
    }

    private static Dictionary<string, string>? Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var obj)) return null;
        return obj.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? throw new FormatException($"{name}.{p.Name} is null"));
    }

    /// <summary>The leaf data as text (it is always valid UTF-8).</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToLeafData());
}
