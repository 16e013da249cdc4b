using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lvyue.Notifications;

/// <summary>
/// Signs and verifies webhook bodies. The sender puts the Unix time in seconds in
/// <see cref="TimestampHeader"/> and <c>v1=</c> + lowercase hex HMAC-SHA256(secret, timestamp + "." + body)
/// in <see cref="SignatureHeader"/>. A receiver recomputes the HMAC over the raw body bytes, compares in
/// constant time, and rejects a timestamp more than <see cref="DefaultTolerance"/> away from its clock
/// (a replayed request carries an old timestamp, which it cannot change without the secret).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Lvyue-Timestamp";
    public const string SignatureHeader = "X-Lvyue-Signature";
    /// <summary>The delivery id: the same on every retry of one delivery, so a receiver can drop duplicates.</summary>
    public const string DeliveryHeader = "X-Lvyue-Delivery";
    public const string EventHeader = "X-Lvyue-Event";
    public const string Scheme = "v1=";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The value of <see cref="SignatureHeader"/> for a body sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>Checks a received request; <paramref name="now"/> is the receiver's clock.</summary>
    public static WebhookVerdict Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) return WebhookVerdict.Malformed;
        if (signatureHeader is null || !signatureHeader.StartsWith(Scheme, StringComparison.Ordinal)) return WebhookVerdict.Malformed;
        byte[] given;
        try { given = Convert.FromHexString(signatureHeader.AsSpan(Scheme.Length)); }
        catch (FormatException) { return WebhookVerdict.Malformed; }
        if (Math.Abs(now.ToUnixTimeSeconds() - ts) > (tolerance ?? DefaultTolerance).TotalSeconds) return WebhookVerdict.Stale;
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, ts, body)) ? WebhookVerdict.Valid : WebhookVerdict.BadSignature;
    }

    /// <summary>A new random secret (32 bytes, base64url).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    }
}

/// <summary>The result of <see cref="WebhookSignature.Verify"/>.</summary>
public enum WebhookVerdict { Valid, Malformed, Stale, BadSignature }
