using Lvyue.Disclosure;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Credit.Kpi;

/// <summary>Registers the unit KPI, the nightly recompute and the disclosure lists.</summary>
public static class KpiServiceCollectionExtensions
{
    public static IServiceCollection AddKpiAndDisclosure(this IServiceCollection services)
    {
        services.AddScoped<KpiService>();
        services.AddScoped<NightlyRecompute>();
        services.AddScoped<PublicationService>();
        services.AddScoped<PublicRatings>();
        services.AddScoped<Jobs.IJobHandler, NightlyRecomputeJob>();
        return services;
    }
}
