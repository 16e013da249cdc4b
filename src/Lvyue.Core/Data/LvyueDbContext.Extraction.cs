using Lvyue.Review.Corrections;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<ExtractionCorrection> ExtractionCorrections => Set<ExtractionCorrection>();

    partial void ConfigureExtraction(ModelBuilder b)
    {
        b.Entity<ExtractionCorrection>(e =>
        {
            e.Property(c => c.DocumentSha256).HasMaxLength(64);
            e.Property(c => c.Field).HasMaxLength(64);
            e.Property(c => c.ExtractedValue).HasMaxLength(500);
            e.Property(c => c.FinalValue).HasMaxLength(500);
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.HasIndex(c => c.ContractId);
            e.HasIndex(c => new { c.RegionId, c.Field });
            // The unit sees its own rows, the region's supervisor those of the region.
            e.HasQueryFilter(c => EF.Constant(ScopeAll) || (EF.Constant(HasUnit) && c.BudgetUnitId == ScopeUnitId)
                                  || (EF.Constant(HasRegion) && c.RegionId == ScopeRegionId));
        });
    }
}
