using Microsoft.AspNetCore.Identity;

namespace Lvyue.Accounts;

/// <summary>A person who logs in. Which rows they see follows from their role and the organization they belong to.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public long? RegionId { get; set; }
    public long? BudgetUnitId { get; set; }
    public long? SupplierId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
