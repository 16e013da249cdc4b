using Lvyue.Accounts;
using Lvyue.Integration;
using Microsoft.AspNetCore.Authorization;

namespace Lvyue.Web.Auth;

/// <summary>Authorization policies: who may reach which page or endpoint. Row-level tenancy is the DbContext's job.</summary>
public static class Policies
{
    public const string ContractReaders = nameof(ContractReaders);
    public const string ContractWriters = nameof(ContractWriters);
    public const string Approvers = nameof(Approvers);
    public const string AuditAdmin = nameof(AuditAdmin);
    public const string AccountAdmins = nameof(AccountAdmins);
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string RegionSettings = nameof(RegionSettings);
    public const string OrganizationWriters = nameof(OrganizationWriters);
    public const string BudgetWriters = nameof(BudgetWriters);

    /// <summary>Claim type carrying an API token's scopes.</summary>
    public const string ScopeClaim = "lvyue:scope";

    public static void Configure(AuthorizationOptions o)
    {
        o.AddPolicy(ContractReaders, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.UnitClerk) || c.User.IsInRole(Roles.UnitLeader) || c.User.IsInRole(Roles.Supplier)
            || Roles.RegionRoles.Any(c.User.IsInRole) || HasScope(c, ApiScopes.ReadLedger) || HasScope(c, ApiScopes.FileContracts)));
        o.AddPolicy(ContractWriters, p => p.RequireAssertion(c => c.User.IsInRole(Roles.UnitClerk) || HasScope(c, ApiScopes.FileContracts)));
        o.AddPolicy(Approvers, p => p.RequireRole(Roles.UnitLeader, Roles.Supervisor));
        o.AddPolicy(AuditAdmin, p => p.RequireRole(Roles.AuditAdmin));
        o.AddPolicy(AccountAdmins, p => p.RequireRole(Roles.SystemAdmin, Roles.SecurityAdmin));
        o.AddPolicy(SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
        o.AddPolicy(RegionSettings, p => p.RequireRole(Roles.Supervisor, Roles.SystemAdmin));
        o.AddPolicy(OrganizationWriters, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Supervisor) || c.User.IsInRole(Roles.SystemAdmin) || c.User.IsInRole(Roles.UnitClerk)
            || HasScope(c, ApiScopes.ManageOrganizations)));
        o.AddPolicy(BudgetWriters, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Supervisor) || c.User.IsInRole(Roles.SystemAdmin) || HasScope(c, ApiScopes.ManageOrganizations)));
    }

    private static bool HasScope(AuthorizationHandlerContext c, string scope) =>
        c.User.HasClaim(ScopeClaim, scope);
}
