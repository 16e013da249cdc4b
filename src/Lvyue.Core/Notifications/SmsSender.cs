using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Lvyue.Notifications;

/// <summary>SMS through an HTTP gateway (<c>Notifications:Sms</c>): POST JSON <c>{"phone","message"}</c> to the URL template.</summary>
public sealed class SmsSender(NotificationOptions options, NotificationHttp http) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Sms;
    public bool Configured => options.Sms.Configured;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var sms = options.Sms;
        if (!sms.Configured) throw new InvalidOperationException("The SMS gateway is not configured (Notifications:Sms:UrlTemplate)");
        var url = sms.UrlTemplate!.Replace("{phone}", Uri.EscapeDataString(delivery.Recipient), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new SmsMessage(delivery.Recipient, delivery.Body)),
        };
        if (!string.IsNullOrEmpty(sms.Token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.Token);
        await http.SendAsync(request, TimeSpan.FromSeconds(sms.TimeoutSeconds), ct);
    }

    /// <summary>The JSON the gateway receives.</summary>
    public sealed record SmsMessage(string Phone, string Message);
}
