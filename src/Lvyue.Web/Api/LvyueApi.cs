using System.Text.Json.Serialization;

namespace Lvyue.Web.Api;

/// <summary>Maps the HTTP API under /api/v1, each capability's endpoints in its own class.</summary>
public static class LvyueApi
{
    public static IServiceCollection AddLvyueApi(this IServiceCollection services)
    {
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static IEndpointRouteBuilder MapLvyueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapContractsApi();
        api.MapApprovalsApi();
        api.MapOrganizationsApi();
        api.MapAdminApi();
        return app;
    }
}
