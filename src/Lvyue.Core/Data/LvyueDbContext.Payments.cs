using Lvyue.Contracts;
using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

/// <summary>Changes (变更), acceptance (验收), payments (支付) and the compliance alerts their cross-checks raise (issue 5).</summary>
public sealed partial class LvyueDbContext
{
    public DbSet<ContractChange> ContractChanges => Set<ContractChange>();
    public DbSet<AcceptanceRecord> AcceptanceRecords => Set<AcceptanceRecord>();
    public DbSet<AcceptanceFinding> AcceptanceFindings => Set<AcceptanceFinding>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<ComplianceAlert> ComplianceAlerts => Set<ComplianceAlert>();

    partial void ConfigurePayments(ModelBuilder b)
    {
        b.Entity<ContractChange>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.RequestedBy).HasMaxLength(100);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Ignore(x => x.Delta);
            e.HasIndex(x => new { x.ContractId, x.SequenceNo }).IsUnique();
            e.HasIndex(x => new { x.BudgetUnitId, x.State });
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => Contracts.Any(c => c.Id == x.ContractId));
        });
        b.Entity<AcceptanceRecord>(e =>
        {
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Participants).HasMaxLength(1000);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.Ignore(x => x.IsPassed);
            e.HasIndex(x => new { x.ContractId, x.Date });
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Findings).WithOne().HasForeignKey(f => f.AcceptanceRecordId);
            e.HasQueryFilter(x => Contracts.Any(c => c.Id == x.ContractId));
        });
        b.Entity<AcceptanceFinding>(e =>
        {
            e.Property(x => x.Item).HasMaxLength(200);
            e.Property(x => x.Standard).HasMaxLength(500);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasQueryFilter(f => AcceptanceRecords.Any(a => a.Id == f.AcceptanceRecordId));
        });
        b.Entity<Payment>(e =>
        {
            e.Property(x => x.VoucherNo).HasMaxLength(64);
            e.Property(x => x.PayerUnit).HasMaxLength(200);
            e.Property(x => x.PayeeName).HasMaxLength(200);
            e.Property(x => x.PayeeAccount).HasMaxLength(40);
            e.Property(x => x.ContractNumber).HasMaxLength(64);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.Match).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.MatchedBy).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(300);
            e.Property(x => x.ImportedBy).HasMaxLength(100);
            e.HasIndex(x => x.VoucherNo).IsUnique();
            e.HasIndex(x => new { x.ContractId, x.PayDate });
            e.HasIndex(x => new { x.RegionId, x.Match });
            e.HasIndex(x => x.MilestoneId);
            e.HasOne<Performance.Milestone>().WithMany().HasForeignKey(x => x.MilestoneId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => EF.Constant(ScopeAll)
                || (EF.Constant(HasUnit) && x.BudgetUnitId == ScopeUnitId)
                || (EF.Constant(HasRegion) && x.RegionId == ScopeRegionId)
                || (EF.Constant(HasSupplier) && Contracts.Any(c => c.Id == x.ContractId)));
        });
        b.Entity<ComplianceAlert>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.Property(x => x.MessageEn).HasMaxLength(1000);
            e.Property(x => x.ResolvedBy).HasMaxLength(100);
            e.Property(x => x.ResolutionNote).HasMaxLength(1000);
            e.HasIndex(x => new { x.ContractId, x.RaisedAt });
            e.HasIndex(x => new { x.RegionId, x.ResolvedAt });
            e.HasIndex(x => x.PaymentId);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => Contracts.Any(c => c.Id == x.ContractId));
        });
    }
}
