namespace Lvyue.Notifications;

/// <summary>Configuration section <c>Notifications</c>: the channels' endpoints and the links in messages.</summary>
public sealed class NotificationOptions
{
    /// <summary>The platform's public address, put before links in emails and webhooks.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5000";
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public WebhookOptions Webhooks { get; set; } = new();
}

/// <summary><c>Notifications:Smtp</c>. Email is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "lvyue@localhost";
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// <c>Notifications:Sms</c>: an HTTP gateway. <see cref="UrlTemplate"/> may contain <c>{phone}</c>; the message is
/// POSTed as JSON <c>{"phone":"…","message":"…"}</c>, with <c>Authorization: Bearer</c> <see cref="Token"/> if set.
/// SMS is sent only when the template is set.
/// </summary>
public sealed class SmsOptions
{
    public string? UrlTemplate { get; set; }
    public string? Token { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
    public bool Configured => !string.IsNullOrWhiteSpace(UrlTemplate);
}

/// <summary><c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>A receiver that has not answered by then is counted as a failed attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}
