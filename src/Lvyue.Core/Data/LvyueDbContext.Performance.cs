using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<PerformancePolicy> PerformancePolicies => Set<PerformancePolicy>();
    public DbSet<OverdueEntry> OverdueEntries => Set<OverdueEntry>();
    public DbSet<SupervisionAction> SupervisionActions => Set<SupervisionAction>();
    public DbSet<TerminationEntry> TerminationEntries => Set<TerminationEntry>();
    public DbSet<CreditEvent> CreditEvents => Set<CreditEvent>();

    /// <summary>The open statuses as SQL, for the partial index the overdue and reminder sweeps use.</summary>
    internal const string OpenMilestoneFilter = "\"Status\" IN ('Planned', 'Due', 'PartiallyMet')";

    partial void ConfigurePerformance(ModelBuilder b)
    {
        b.Entity<Milestone>(e =>
        {
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.ResponsibleParty).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.RuleTrigger).HasConversion<string>().HasMaxLength(24);
            e.Property(m => m.RuleDayCount).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Recurrence).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Title).HasMaxLength(200);
            e.Property(m => m.RuleText).HasMaxLength(500);
            e.Property(m => m.SeriesKey).HasMaxLength(36);
            e.Property(m => m.EvidenceNote).HasMaxLength(2000);
            e.Property(m => m.CreatedBy).HasMaxLength(100);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Ignore(m => m.IsOpen);
            e.HasOne<Contracts.Contract>().WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Trigger).WithMany().HasForeignKey(m => m.TriggerMilestoneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contracts.ContractDocument>().WithMany().HasForeignKey(m => m.EvidenceDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ContractId, m.Sequence });
            e.HasIndex(m => m.TriggerMilestoneId);
            e.HasIndex(m => m.EvidenceDocumentId);
            // The sweeps read "open and due before D" per region: a partial index holds only open rows.
            e.HasIndex(m => new { m.RegionId, m.DueDate }).HasFilter(OpenMilestoneFilter).HasDatabaseName("IX_Milestones_Open_RegionId_DueDate");
            e.HasIndex(m => new { m.BudgetUnitId, m.DueDate });
            e.HasQueryFilter(m => Contracts.Any(c => c.Id == m.ContractId));
        });
        b.Entity<CalendarDay>(e =>
        {
            e.HasKey(d => d.Date);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Name).HasMaxLength(50);
            e.HasIndex(d => d.Year);
        });
        b.Entity<CalendarYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Source).HasMaxLength(300);
            e.Property(y => y.UpdatedBy).HasMaxLength(100);
        });
        b.Entity<PerformancePolicy>(e =>
        {
            e.HasKey(p => p.RegionId);
            e.Property(p => p.RegionId).ValueGeneratedNever();
            e.Property(p => p.UpdatedBy).HasMaxLength(100);
            e.HasOne<Organizations.Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<OverdueEntry>(e =>
        {
            e.Property(o => o.ResponsibleParty).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.ExitReason).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(o => o.MilestoneId).IsUnique();
            e.HasIndex(o => new { o.RegionId, o.ExitedOn });
            e.HasIndex(o => new { o.BudgetUnitId, o.ExitedOn });
            e.HasIndex(o => new { o.SupplierId, o.ExitedOn });
            e.HasIndex(o => o.ContractId);
            e.HasOne<Milestone>().WithMany().HasForeignKey(o => o.MilestoneId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.OverdueEntryId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(o => Contracts.Any(c => c.Id == o.ContractId));
        });
        b.Entity<SupervisionAction>(e =>
        {
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Actor).HasMaxLength(100);
            e.Property(a => a.Note).HasMaxLength(2000);
            e.HasIndex(a => a.OverdueEntryId);
        });
        b.Entity<TerminationEntry>(e =>
        {
            e.Property(t => t.Reason).HasMaxLength(2000);
            e.Property(t => t.DocumentIds).HasMaxLength(500);
            e.Property(t => t.EnteredBy).HasMaxLength(100);
            e.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.OutcomeNote).HasMaxLength(2000);
            e.Property(t => t.OutcomeBy).HasMaxLength(100);
            e.HasIndex(t => t.ContractId).IsUnique();
            e.HasIndex(t => new { t.RegionId, t.EnteredOn });
            e.HasOne<Contracts.Contract>().WithMany().HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(t => Contracts.Any(c => c.Id == t.ContractId));
        });
        b.Entity<CreditEvent>(e =>
        {
            e.Property(c => c.PartyKind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Kind).HasMaxLength(32);
            e.Property(c => c.Source).HasMaxLength(64);
            e.Property(c => c.Note).HasMaxLength(2000);
            e.HasIndex(c => new { c.PartyKind, c.PartyId });
            e.HasIndex(c => c.Source).IsUnique();
            e.HasIndex(c => c.ContractId);
        });
    }
}
