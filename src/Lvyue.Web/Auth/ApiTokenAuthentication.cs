using System.Security.Claims;
using System.Text.Encodings.Web;
using Lvyue.Integration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lvyue.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer lvy_…</c> requests of external systems with an <see cref="ApiToken"/>.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = await tokens.VerifyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("Invalid, revoked or expired API token");
        var claims = new List<Claim> { new(ClaimTypes.Name, $"token:{token.Name}"), new(ClaimTypes.NameIdentifier, $"token:{token.Id}") };
        claims.AddRange(token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(Policies.ScopeClaim, s)));
        if (token.RegionId is { } r) claims.Add(new Claim(LvyueClaims.Region, r.ToString()));
        if (token.BudgetUnitId is { } u) claims.Add(new Claim(LvyueClaims.Unit, u.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
