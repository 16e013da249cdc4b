using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notifications;

/// <summary>
/// Signed webhooks: POSTs the delivery's JSON body to its endpoint with the headers of
/// <see cref="WebhookSignature"/>. A receiver that answers non-2xx or does not answer within
/// <c>Notifications:Webhooks:TimeoutSeconds</c> fails the attempt (the job retries it with backoff).
/// </summary>
public sealed class WebhookSender(NotificationOptions options, NotificationHttp http, LvyueDbContext db, TimeProvider clock) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Webhook;
    public bool Configured => true;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == delivery.WebhookEndpointId, ct)
                       ?? throw new InvalidOperationException($"Webhook endpoint {delivery.WebhookEndpointId} no longer exists");
        if (!endpoint.IsActive) throw new InvalidOperationException($"Webhook endpoint {endpoint.Name} is disabled");
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var ts = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, ts, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Subject);
        await http.SendAsync(request, TimeSpan.FromSeconds(options.Webhooks.TimeoutSeconds), ct);
    }
}
