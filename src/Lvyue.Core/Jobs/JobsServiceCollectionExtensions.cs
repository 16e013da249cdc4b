using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Jobs;

/// <summary>Registration of the durable job mechanism.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="JobOptions"/>, the <see cref="JobWorker"/> and <see cref="JobQueue"/>; handlers register themselves as <see cref="IJobHandler"/>.</summary>
    public static IServiceCollection AddLvyueJobs(this IServiceCollection services, JobOptions? options = null)
    {
        services.TryAddSingleton(options ?? new JobOptions());
        services.TryAddSingleton<JobWorker>();
        services.TryAddScoped<JobQueue>();
        services.TryAddScoped<JobTenantOverride>();
        if (!services.Any(d => d.ServiceType == typeof(IJobHandler) && d.ImplementationType == typeof(OverdueSweepJob)))
            services.AddScoped<IJobHandler, OverdueSweepJob>();
        return services;
    }
}
