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
        api.MapGet("/me", (HttpContext http, Lvyue.Accounts.ITenantContext tenant) => TypedResults.Ok(new
        {
            name = http.User.Identity?.Name,
            roles = tenant.Scope.Roles,
            scope = new { tenant.Scope.All, tenant.Scope.RegionId, tenant.Scope.BudgetUnitId, tenant.Scope.SupplierId, tenant.Scope.CanWriteContracts },
            claims = http.User.Claims.Where(c => c.Type.StartsWith("lvyue:")).Select(c => new { c.Type, c.Value }),
        })).WithTags("Accounts").WithSummary("Who the caller is and what it may see").RequireAuthorization();
        api.MapContractsApi();
        api.MapApprovalsApi();
        api.MapOrganizationsApi();
        api.MapAdminApi();
        api.MapImportsApi();
        api.MapPaymentsApi();
        api.MapPerformanceApi();
        api.MapNotificationsApi();
        api.MapNotaryApi();
        api.MapSignaturesApi();
        api.MapEvaluationApi();
        api.MapCreditApi();
        api.MapCounterpartiesApi();
        api.MapKpiApi();
        api.MapDisclosureApi();
        api.MapExtractApi();
        api.MapReviewApi();
        api.MapReviewBatchApi();
        api.MapReviewProfileApi();
        return app;
    }
}
