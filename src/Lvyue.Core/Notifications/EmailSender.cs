using System.Net;
using System.Net.Mail;
using System.Text;

namespace Lvyue.Notifications;

/// <summary>Email over SMTP (<c>Notifications:Smtp</c>), UTF-8 subject and body.</summary>
public sealed class EmailSender(NotificationOptions options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;
    public bool Configured => options.Smtp.Configured;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var smtp = options.Smtp;
        if (!smtp.Configured) throw new InvalidOperationException("SMTP is not configured (Notifications:Smtp:Host)");
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            Timeout = smtp.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage(smtp.From, delivery.Recipient)
        {
            Subject = delivery.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = delivery.Body + (delivery.Link is null ? "" : "\n\n" + options.BaseUrl.TrimEnd('/') + delivery.Link),
            BodyEncoding = Encoding.UTF8,
        };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        await client.SendMailAsync(message, limit.Token);
    }
}
