using System.Security.Cryptography;
using System.Text;
using Lvyue.Notifications;

namespace Lvyue.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"milestone.reminder","message":"合同到期提醒"}""");

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody()
    {
        var ts = Now.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"),
            Encoding.UTF8.GetBytes(ts + ".").Concat(Body).ToArray()));
        Assert.Equal("v1=" + expected, WebhookSignature.Sign("s3cret", ts, Body));
    }

    [Fact]
    public void Verify_AcceptsAFreshCorrectSignature()
    {
        var ts = Now.ToUnixTimeSeconds();
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify("s3cret", ts.ToString(), WebhookSignature.Sign("s3cret", ts, Body), Body, Now.AddSeconds(30)));
    }

    [Fact]
    public void Verify_RejectsAChangedBodyOrAnotherSecret()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign("s3cret", ts, Body);
        var changed = (byte[])Body.Clone();
        changed[^2] ^= 1;
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify("s3cret", ts.ToString(), sig, changed, Now));
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify("other", ts.ToString(), sig, Body, Now));
        // The timestamp is signed too: moving it forward to pass the age check breaks the signature.
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify("s3cret", (ts + 1).ToString(), sig, Body, Now));
    }

    [Fact]
    public void Verify_RejectsAReplayedOldRequest()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = WebhookSignature.Sign("s3cret", ts, Body);
        Assert.Equal(WebhookVerdict.Stale, WebhookSignature.Verify("s3cret", ts.ToString(), sig, Body, Now.AddMinutes(6)));
        Assert.Equal(WebhookVerdict.Stale, WebhookSignature.Verify("s3cret", ts.ToString(), sig, Body, Now.AddMinutes(-6)));
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify("s3cret", ts.ToString(), sig, Body, Now.AddMinutes(6), TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(null, "v1=00")]
    [InlineData("12x", "v1=00")]
    [InlineData("1772416800", null)]
    [InlineData("1772416800", "sha256=00")]
    [InlineData("1772416800", "v1=zz")]
    public void Verify_RejectsMalformedHeaders(string? ts, string? sig) =>
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Verify("s3cret", ts, sig, Body, Now));

    [Fact]
    public void NewSecret_IsRandomAndUrlSafe()
    {
        var a = WebhookSignature.NewSecret();
        Assert.NotEqual(a, WebhookSignature.NewSecret());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", a);
    }
}
