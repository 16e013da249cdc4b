using Lvyue.Credit.Kpi;
using Lvyue.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

// Budget-unit KPI rules and results, the nightly recompute's runs, and the frozen publication lists (issue 6).
public sealed partial class LvyueDbContext
{
    public DbSet<KpiPolicy> KpiPolicies => Set<KpiPolicy>();
    public DbSet<KpiResult> KpiResults => Set<KpiResult>();
    public DbSet<RecomputeRun> RecomputeRuns => Set<RecomputeRun>();
    public DbSet<Publication> Publications => Set<Publication>();

    partial void ConfigureKpi(ModelBuilder b)
    {
        b.Entity<KpiPolicy>(e =>
        {
            e.Property(p => p.ParametersJson).HasMaxLength(4000);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
            e.Property(p => p.Note).HasMaxLength(500);
            e.HasIndex(p => new { p.RegionId, p.Version }).IsUnique();
            e.HasOne<Organizations.Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<KpiResult>(e =>
        {
            e.Property(r => r.Grade).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.Property(r => r.ReasonEn).HasMaxLength(2000);
            e.HasIndex(r => new { r.BudgetUnitId, r.Year }).IsUnique();
            e.HasIndex(r => new { r.RegionId, r.Year });
            e.HasOne<Organizations.BudgetUnit>().WithMany().HasForeignKey(r => r.BudgetUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RecomputeRun>(e =>
        {
            e.Property(r => r.Owner).HasMaxLength(100);
            e.HasIndex(r => r.Night).IsUnique();
        });
        b.Entity<Publication>(e =>
        {
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Period).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.PeriodLabel).HasMaxLength(16);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.GeneratedBy).HasMaxLength(100);
            e.HasIndex(p => new { p.RegionId, p.Kind, p.PeriodLabel, p.Version }).IsUnique();
            e.HasIndex(p => p.PeriodEnd);
            e.HasOne<Organizations.Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
