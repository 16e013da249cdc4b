using Microsoft.AspNetCore.Antiforgery;

namespace Lvyue.Web.Api;

/// <summary>
/// For form-posting API endpoints (uploads, imports): a caller authenticated by the browser cookie
/// must present the anti-forgery token, as the pages' forms do; a bearer-token caller (another system)
/// needs none, since a browser never attaches that header cross-site.
/// </summary>
public sealed class CookieCsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: Localization.Tr.T("缺少或无效的防伪令牌", "Missing or invalid anti-forgery token"));
        return await next(context);
    }
}
