using Lvyue.Review.Batch;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

// Re-reviews of a region's archive after a rule change (issue 4, batch review).
public sealed partial class LvyueDbContext
{
    public DbSet<ReviewBatch> ReviewBatches => Set<ReviewBatch>();

    partial void ConfigureReviewBatch(ModelBuilder b)
    {
        b.Entity<ReviewBatch>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RuleSetVersion).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.RequestedBy).HasMaxLength(100);
            e.Ignore(x => x.Percent);
            e.Ignore(x => x.Active);
            e.HasIndex(x => new { x.RegionId, x.Status });
            e.HasOne<Organizations.Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => EF.Constant(ScopeAll) || (EF.Constant(HasRegion) && x.RegionId == ScopeRegionId));
        });
    }
}
