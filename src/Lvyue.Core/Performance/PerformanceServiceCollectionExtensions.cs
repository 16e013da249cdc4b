using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Performance;

/// <summary>Registers the performance-tracking services (milestones, calendar, registers).</summary>
public static class PerformanceServiceCollectionExtensions
{
    public static IServiceCollection AddPerformance(this IServiceCollection services)
    {
        services.AddScoped<MilestoneService>();
        services.AddScoped<MilestoneProposals>();
        services.AddScoped<ScheduleQuery>();
        services.AddScoped<CalendarService>();
        services.AddScoped<OverdueRegister>();
        services.AddScoped<OverdueSweep>();
        services.AddScoped<TerminationRegister>();
        return services;
    }
}
