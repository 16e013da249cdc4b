using Lvyue.Contracts;
using Lvyue.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Integration;

/// <summary>Registration of the importers and the ledger export (call after <c>AddLvyueCore</c>).</summary>
public static class ImportExportServiceCollectionExtensions
{
    public static IServiceCollection AddLvyueImportExport(this IServiceCollection services)
    {
        services.AddScoped<ContractImport>();
        services.AddScoped<SupplierImport>();
        services.AddScoped<BudgetUnitImport>();
        services.AddScoped<BudgetLineImport>();
        services.AddScoped<LedgerExport>();
        return services;
    }
}
