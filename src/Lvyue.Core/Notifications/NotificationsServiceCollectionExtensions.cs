using Lvyue.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Notifications;

/// <summary>Registration of notifications, their senders and the reminder sweep (on top of <see cref="JobsServiceCollectionExtensions.AddLvyueJobs"/>).</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddLvyueNotifications(this IServiceCollection services, NotificationOptions? options = null)
    {
        services.AddLvyueJobs();
        services.TryAddSingleton(options ?? new NotificationOptions());
        services.TryAddSingleton<NotificationHttp>();
        services.AddScoped<INotificationSender, EmailSender>();
        services.AddScoped<INotificationSender, SmsSender>();
        services.AddScoped<INotificationSender, WebhookSender>();
        services.TryAddScoped<NotificationScheduler>();
        services.TryAddScoped<ReminderSweep>();
        services.TryAddScoped<InboxService>();
        services.TryAddScoped<NotificationAdmin>();
        services.AddScoped<IJobHandler, DeliveryJob>();
        services.AddScoped<IJobHandler, ReminderSweepJob>();
        return services;
    }
}
