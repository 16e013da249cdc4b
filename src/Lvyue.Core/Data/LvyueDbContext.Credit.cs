using Lvyue.Credit;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

// Evaluation templates, assessments, policies and their events, star ratings, credit records and grades (issue 6).
public sealed partial class LvyueDbContext
{
    public DbSet<EvaluationTemplate> EvaluationTemplates => Set<EvaluationTemplate>();
    public DbSet<EvaluationTemplateItem> EvaluationTemplateItems => Set<EvaluationTemplateItem>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();
    public DbSet<EvaluationPolicy> EvaluationPolicies => Set<EvaluationPolicy>();
    public DbSet<PolicyEvent> PolicyEvents => Set<PolicyEvent>();
    public DbSet<Deduction> Deductions => Set<Deduction>();
    public DbSet<StarRating> StarRatings => Set<StarRating>();
    public DbSet<StarRatingChange> StarRatingChanges => Set<StarRatingChange>();
    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();
    public DbSet<CreditGrade> CreditGrades => Set<CreditGrade>();
    public DbSet<DishonestyDetermination> DishonestyDeterminations => Set<DishonestyDetermination>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();

    partial void ConfigureCredit(ModelBuilder b)
    {
        b.Entity<EvaluationTemplate>(e =>
        {
            e.Property(t => t.Category).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Line).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Frequency).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.ScorerRole).HasMaxLength(32);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.HasIndex(t => new { t.SubcategoryId, t.Line, t.Version });
            e.HasIndex(t => new { t.Category, t.Line, t.Version });
            e.HasOne<Contracts.Subcategory>().WithMany().HasForeignKey(t => t.SubcategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId);
        });
        b.Entity<EvaluationTemplateItem>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(32);
            e.Property(i => i.Name).HasMaxLength(100);
            e.Property(i => i.NameEn).HasMaxLength(200);
            e.Property(i => i.Guidance).HasMaxLength(1000);
            e.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
        });
        b.Entity<Assessment>(e =>
        {
            e.Property(a => a.Category).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Line).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.PeriodLabel).HasMaxLength(16);
            e.Property(a => a.Note).HasMaxLength(2000);
            e.Property(a => a.EvidenceFileName).HasMaxLength(255);
            e.Property(a => a.EvidenceSha256).HasMaxLength(64);
            e.Property(a => a.ScoredBy).HasMaxLength(100);
            e.HasIndex(a => new { a.ContractId, a.Line, a.PeriodStart }).IsUnique();
            e.HasIndex(a => new { a.SupplierId, a.Category });
            e.HasIndex(a => new { a.RegionId, a.ScoredAt });
            e.HasIndex(a => new { a.BudgetUnitId, a.ScoredAt });
            e.HasOne(a => a.Template).WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contracts.Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId);
            e.HasQueryFilter(a => EF.Constant(ScopeAll)
                || (EF.Constant(HasUnit) && a.BudgetUnitId == ScopeUnitId)
                || (EF.Constant(HasRegion) && a.RegionId == ScopeRegionId)
                || (EF.Constant(HasSupplier) && a.SupplierId == ScopeSupplierId));
        });
        b.Entity<AssessmentScore>(e =>
        {
            e.Property(s => s.Remark).HasMaxLength(500);
            e.HasIndex(s => s.AssessmentId);
            e.HasOne<EvaluationTemplateItem>().WithMany().HasForeignKey(s => s.TemplateItemId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EvaluationPolicy>(e =>
        {
            e.Property(p => p.AppliesTo).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.DeductionBandsJson).HasMaxLength(4000);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
            e.Property(p => p.Note).HasMaxLength(500);
            e.HasIndex(p => new { p.RegionId, p.Version }).IsUnique();
        });
        b.Entity<PolicyEvent>(e =>
        {
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(p => p.Reason).HasMaxLength(1000);
            e.Property(p => p.ReasonEn).HasMaxLength(1000);
            e.HasIndex(p => new { p.ContractId, p.Kind });
            e.HasIndex(p => new { p.RegionId, p.At });
            e.HasIndex(p => p.SupplierId);
            e.HasIndex(p => p.AssessmentId);
        });
        b.Entity<Deduction>(e =>
        {
            e.Property(d => d.Basis).HasMaxLength(1000);
            e.HasIndex(d => d.ContractId);
            e.HasIndex(d => d.PolicyEventId).IsUnique();
        });
        b.Entity<StarRating>(e =>
        {
            e.Property(r => r.Category).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.SupplierId, r.Category }).IsUnique();
        });
        b.Entity<StarRatingChange>(e =>
        {
            e.Property(r => r.Category).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.SupplierId, r.At });
        });
        b.Entity<CreditRecord>(e =>
        {
            e.Property(r => r.Subject).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.SourceKey).HasMaxLength(64);
            e.Property(r => r.Summary).HasMaxLength(1000);
            e.Property(r => r.SummaryEn).HasMaxLength(1000);
            e.HasIndex(r => r.SourceKey).IsUnique();
            e.HasIndex(r => new { r.Subject, r.SubjectId, r.OccurredOn });
            e.HasIndex(r => new { r.RegionId, r.OccurredOn });
        });
        b.Entity<CreditGrade>(e =>
        {
            e.Property(g => g.Subject).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.Grade).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.Reason).HasMaxLength(2000);
            e.Property(g => g.ReasonEn).HasMaxLength(2000);
            e.HasIndex(g => new { g.Subject, g.SubjectId, g.Year }).IsUnique();
        });
        b.Entity<DishonestyDetermination>(e =>
        {
            e.Property(d => d.Subject).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.SubjectName).HasMaxLength(200);
            e.Property(d => d.SubjectUscc).HasMaxLength(18);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.Facts).HasMaxLength(4000);
            e.Property(d => d.Basis).HasMaxLength(2000);
            e.Property(d => d.Measures).HasMaxLength(2000);
            e.Property(d => d.AppealRoute).HasMaxLength(1000);
            foreach (var p in new[] { "ProposedBy", "DecidedBy", "AppealedBy", "RepairedBy" }) e.Property(p).HasMaxLength(100);
            foreach (var p in new[] { "DecisionNote", "AppealReason", "AppealDecisionNote", "RepairReason" }) e.Property(p).HasMaxLength(2000);
            e.Property(d => d.DocxSha256).HasMaxLength(64);
            e.Property(d => d.PdfSha256).HasMaxLength(64);
            e.HasIndex(d => new { d.Subject, d.SubjectId });
            e.HasIndex(d => new { d.RegionId, d.State });
            e.HasIndex(d => d.Number).IsUnique();
        });
        b.Entity<Sanction>(e =>
        {
            e.Property(s => s.Reason).HasMaxLength(500);
            e.Property(s => s.CreatedBy).HasMaxLength(100);
            e.Property(s => s.LiftReason).HasMaxLength(1000);
            e.HasIndex(s => new { s.SupplierId, s.Until });
            e.HasIndex(s => s.DeterminationId);
            e.HasOne<Organizations.Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
