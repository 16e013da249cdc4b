using Lvyue.Review.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<RuleProfileVersion> RuleProfileVersions => Set<RuleProfileVersion>();

    partial void ConfigureProfiles(ModelBuilder b)
    {
        b.Entity<RuleProfileVersion>(e =>
        {
            e.Property(v => v.ChangeKind).HasMaxLength(16);
            e.Property(v => v.RuleId).HasMaxLength(64);
            e.Property(v => v.Reason).HasMaxLength(500);
            e.Property(v => v.SummaryZh).HasMaxLength(1000);
            e.Property(v => v.SummaryEn).HasMaxLength(1000);
            e.Property(v => v.CreatedBy).HasMaxLength(100);
            // One row per version: two changes made at once cannot both become version n.
            e.HasIndex(v => new { v.RegionId, v.Version }).IsUnique();
        });
    }
}
