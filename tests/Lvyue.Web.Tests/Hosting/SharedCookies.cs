using System.Net;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Keeps a client's cookies in a container that several clients (of several app instances) may share, as one browser would.</summary>
public sealed class SharedCookies(CookieContainer cookies) : DelegatingHandler
{
    private static readonly Uri Origin = new("http://localhost/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var header = cookies.GetCookieHeader(Origin);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) cookies.SetCookies(Origin, c);
        return response;
    }
}
