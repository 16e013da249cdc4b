using System.Security.Claims;
using Lvyue.Accounts;
using Lvyue.Integration;

namespace Lvyue.Web.Auth;

/// <summary>
/// Derives the <see cref="TenantScope"/> of a request from its principal: unit roles see their unit,
/// region roles their region, a supplier its own contracts, administrators no contract content.
/// An anonymous request sees nothing.
/// </summary>
public sealed class HttpTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    private (ClaimsPrincipal? User, TenantScope Scope)? _cache;

    /// <summary>The scope of the request's current principal (recomputed if authentication changes it).</summary>
    public TenantScope Scope
    {
        get
        {
            var http = accessor.HttpContext;
            if (_cache is { } c && ReferenceEquals(c.User, http?.User)) return c.Scope;
            var scope = From(http);
            _cache = (http?.User, scope);
            return scope;
        }
    }

    internal static TenantScope From(HttpContext? http)
    {
        var user = http?.User;
        var ip = http?.Connection.RemoteIpAddress?.ToString();
        if (user?.Identity?.IsAuthenticated != true) return TenantScope.None("anonymous") with { Ip = ip };
        var actor = user.Identity.Name ?? "unknown";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var region = Long(user, LvyueClaims.Region);
        var unit = Long(user, LvyueClaims.Unit);
        var supplier = Long(user, LvyueClaims.Supplier);
        var scopes = user.FindAll(Policies.ScopeClaim).Select(c => c.Value).ToHashSet();
        TenantScope scope;
        if (scopes.Count > 0)
        {
            // An API token: a unit token files for its unit; a region (or global) token reads.
            scope = unit is { } tu
                ? TenantScope.ForUnit(region ?? 0, tu, actor, scopes.Contains(ApiScopes.FileContracts))
                : region is { } tr ? TenantScope.ForRegion(tr, actor)
                : scopes.Contains(ApiScopes.ReadLedger) ? TenantScope.System with { Actor = actor, CanWriteContracts = false }
                : TenantScope.None(actor);
        }
        else if (unit is { } u && (roles.Contains(Roles.UnitClerk) || roles.Contains(Roles.UnitLeader)))
            scope = TenantScope.ForUnit(region ?? 0, u, actor, canWrite: roles.Contains(Roles.UnitClerk));
        else if (region is { } r && roles.Any(Roles.RegionRoles.Contains))
            scope = TenantScope.ForRegion(r, actor);
        else if (supplier is { } s && roles.Contains(Roles.Supplier))
            scope = TenantScope.ForSupplier(s, actor);
        else
            scope = TenantScope.None(actor);
        return scope with { Roles = roles, Ip = ip };
    }

    private static long? Long(ClaimsPrincipal p, string type) =>
        long.TryParse(p.FindFirstValue(type), out var v) ? v : null;
}
