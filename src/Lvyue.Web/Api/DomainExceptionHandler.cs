using System.Globalization;
using Lvyue.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Api;

/// <summary>Turns a refused operation into an RFC 9457 problem response with per-field errors in the request's language.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException e) return false;
        // The exception has left the localization middleware, whose culture does not flow back out: restore the request's.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        var status = e.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = e.Title.Text, Type = $"https://lvyue.cn/problems/{e.Kind.ToString().ToLowerInvariant()}" };
        if (e.Errors.Count > 0)
            problem.Extensions["errors"] = e.Errors.ToDictionary(k => k.Key, v => v.Value.Select(m => m.Text).ToArray());
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
