using Lvyue.Jobs;
using Lvyue.Notifications;

namespace Lvyue.Web.Hosting;

/// <summary>Registration of jobs, notifications and the <see cref="JobRunner"/> (configuration sections <c>Jobs</c> and <c>Notifications</c>).</summary>
public static class JobRunnerSetup
{
    /// <summary>Call after the host registered its <see cref="Lvyue.Accounts.ITenantContext"/>.</summary>
    public static IServiceCollection AddLvyueJobRunner(this IServiceCollection services, IConfiguration config)
    {
        var jobs = config.GetSection("Jobs").Get<JobOptions>() ?? new JobOptions();
        services.AddLvyueJobs(jobs);
        services.AddLvyueNotifications(config.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions());
        services.AddJobTenantOverride();
        if (jobs.Enabled) services.AddHostedService<JobRunner>();
        return services;
    }
}
