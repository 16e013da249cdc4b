namespace Lvyue.Notifications;

/// <summary>Sends a delivery over one external channel; throws when the recipient's side did not accept it.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    /// <summary>Whether this channel is configured on this installation (unconfigured channels are not scheduled).</summary>
    bool Configured { get; }

    Task SendAsync(NotificationDelivery delivery, CancellationToken ct);
}

/// <summary>The HTTP client of the SMS and webhook channels (one per process; timeouts are per request).</summary>
public sealed class NotificationHttp : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends and fails on a non-success status or after <paramref name="timeout"/>.</summary>
    public async Task SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{request.RequestUri?.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.RequestUri?.GetLeftPart(UriPartial.Path)} did not answer within {timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => Client.Dispose();
}
