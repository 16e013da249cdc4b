using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Risk;

/// <summary>Registers the risk capability: the counterparty check.</summary>
public static class RiskServiceCollectionExtensions
{
    public static IServiceCollection AddRisk(this IServiceCollection services)
    {
        services.AddScoped<CounterpartyCheck>();
        return services;
    }
}
