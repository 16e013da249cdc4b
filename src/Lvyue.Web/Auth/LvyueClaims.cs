using System.Security.Claims;
using Lvyue.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lvyue.Web.Auth;

/// <summary>Claim types carrying the organization a principal belongs to.</summary>
public static class LvyueClaims
{
    public const string Region = "lvyue:region";
    public const string Unit = "lvyue:unit";
    public const string Supplier = "lvyue:supplier";
    public const string DisplayName = "lvyue:name";
}

/// <summary>Adds the user's region, unit, supplier and display name to the cookie principal at sign-in.</summary>
public sealed class LvyueClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(LvyueClaims.DisplayName, user.DisplayName));
        if (user.RegionId is { } r) id.AddClaim(new Claim(LvyueClaims.Region, r.ToString()));
        if (user.BudgetUnitId is { } u) id.AddClaim(new Claim(LvyueClaims.Unit, u.ToString()));
        if (user.SupplierId is { } s) id.AddClaim(new Claim(LvyueClaims.Supplier, s.ToString()));
        return id;
    }
}
