using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Performance.Payments;

/// <summary>Registers the services of changes, acceptance and payments.</summary>
public static class PerformanceRecordsServices
{
    public static IServiceCollection AddChangesAcceptancePayments(this IServiceCollection services)
    {
        services.AddScoped<ChangeService>();
        services.AddScoped<AcceptanceService>();
        services.AddScoped<PaymentImport>();
        services.AddScoped<PaymentService>();
        return services;
    }
}
