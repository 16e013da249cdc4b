using Lvyue.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<ContractReview> ContractReviews => Set<ContractReview>();
    public DbSet<ReviewFinding> ReviewFindings => Set<ReviewFinding>();

    partial void ConfigureReview(ModelBuilder b)
    {
        b.Entity<ContractReview>(e =>
        {
            e.Property(r => r.DocumentSha256).HasMaxLength(64);
            e.Property(r => r.FileName).HasMaxLength(255);
            e.Property(r => r.RuleSetVersion).HasMaxLength(64);
            e.Property(r => r.ReviewedBy).HasMaxLength(100);
            e.Property(r => r.Error).HasMaxLength(2000);
            e.HasIndex(r => new { r.ContractId, r.ReviewedAt });
            e.HasIndex(r => r.DocumentId);
            e.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId);
            e.HasQueryFilter(r => Contracts.Any(c => c.Id == r.ContractId));
        });
        b.Entity<ReviewFinding>(e =>
        {
            e.Ignore(f => f.Key);
            e.Property(f => f.RuleId).HasMaxLength(64);
            e.Property(f => f.Group).HasMaxLength(16);
            e.Property(f => f.Severity).HasMaxLength(16);
            e.Property(f => f.ClauseType).HasMaxLength(64);
            e.Property(f => f.Basis).HasMaxLength(1000);
            e.Property(f => f.Disposition).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Reason).HasMaxLength(1000);
            e.Property(f => f.DecidedBy).HasMaxLength(100);
            e.HasIndex(f => f.ReviewId);
            e.HasIndex(f => new { f.ContractId, f.RuleId });
            e.HasQueryFilter(f => Contracts.Any(c => c.Id == f.ContractId));
        });
    }
}
