using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Demo;

/// <summary>Data every installation needs, demo or not: the roles and the default subcategory taxonomy. Idempotent.</summary>
public sealed class ReferenceData(LvyueDbContext db, RoleManager<IdentityRole> roles)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        if (!await db.Subcategories.AnyAsync(ct))
        {
            db.Subcategories.AddRange(Taxonomy.Defaults());
            await db.SaveChangesAsync(ct);
        }
    }
}
