using Lvyue.Accounts;
using Lvyue.Audit;
using Lvyue.Contracts;
using Lvyue.Integration;
using Lvyue.Organizations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

/// <summary>
/// The one database of the platform. Contract content is filtered by the current
/// <see cref="TenantScope"/> on every query; every save writes its audit rows in the same
/// transaction (see <see cref="AuditWriter"/>).
/// </summary>
public sealed partial class LvyueDbContext(DbContextOptions<LvyueDbContext> options, ITenantContext tenant, TimeProvider clock)
    : IdentityDbContext<AppUser>(options)
{
    // Read on every use, never at construction: a context may be created before the request is authenticated.
    private TenantScope CurrentScope => tenant.Scope;

    public TimeProvider Clock { get; } = clock;
    public TenantScope Scope => CurrentScope;

    // The kind of scope enters the filters as constants (EF.Constant), so EF compiles one SQL shape per
    // kind with the dead OR branches folded away ("RegionId = @id", not "@all OR (@has AND RegionId = @id)"):
    // SQLite can then use its (RegionId, …) and (BudgetUnitId, …) indexes. The ids stay parameters.
    private bool ScopeAll => CurrentScope.All;
    private bool HasUnit => CurrentScope.BudgetUnitId is not null;
    private bool HasRegion => CurrentScope.RegionId is not null;
    private bool HasSupplier => CurrentScope.SupplierId is not null;
    private long? ScopeRegionId => CurrentScope.RegionId;
    private long? ScopeUnitId => CurrentScope.BudgetUnitId;
    private long? ScopeSupplierId => CurrentScope.SupplierId;

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<BudgetUnit> BudgetUnits => Set<BudgetUnit>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Subcategory> Subcategories => Set<Subcategory>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractSupplier> ContractSuppliers => Set<ContractSupplier>();
    public DbSet<ContractDocument> ContractDocuments => Set<ContractDocument>();
    public DbSet<ContractEvent> ContractEvents => Set<ContractEvent>();
    public DbSet<ApprovalTask> ApprovalTasks => Set<ApprovalTask>();
    public DbSet<FilingThreshold> FilingThresholds => Set<FilingThreshold>();
    public DbSet<ApprovalBand> ApprovalBands => Set<ApprovalBand>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Notary.NotaryLeaf> NotaryLeaves => Set<Notary.NotaryLeaf>();
    public DbSet<Notary.NotaryNode> NotaryNodes => Set<Notary.NotaryNode>();
    public DbSet<Notary.NotaryCheckpoint> NotaryCheckpoints => Set<Notary.NotaryCheckpoint>();

    /// <summary>True on the embedded SQLite default.</summary>
    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<Category>().HaveConversion<string>().HaveMaxLength(16);
        b.Properties<ProcurementMethod>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<Confidentiality>().HaveConversion<string>().HaveMaxLength(24);
        b.Properties<ContractStatus>().HaveConversion<string>().HaveMaxLength(24);
        b.Properties<ApprovalLevel>().HaveConversion<string>().HaveMaxLength(16);
        b.Properties<ApprovalState>().HaveConversion<string>().HaveMaxLength(16);
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no decimal type: EF would store TEXT, which neither sorts nor sums.
            b.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
            b.Properties<decimal?>().HaveConversion<ScaledDecimalConverter>();
        }
        else
        {
            b.Properties<decimal>().HavePrecision(20, 4);
            b.Properties<decimal?>().HavePrecision(20, 4);
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasIndex(u => u.BudgetUnitId);
            e.HasIndex(u => u.SupplierId);
        });
        b.Entity<Region>(e =>
        {
            e.Property(r => r.Code).HasMaxLength(12);
            e.Property(r => r.Name).HasMaxLength(100);
            e.HasIndex(r => r.Code).IsUnique();
        });
        b.Entity<BudgetUnit>(e =>
        {
            e.Property(u => u.Code).HasMaxLength(32);
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.Uscc).HasMaxLength(18);
            e.HasIndex(u => new { u.RegionId, u.Code }).IsUnique();
            e.HasMany(u => u.Departments).WithOne().HasForeignKey(d => d.BudgetUnitId);
        });
        b.Entity<Department>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Supplier>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Uscc).HasMaxLength(18);
            e.HasIndex(s => s.Uscc).IsUnique();
            e.HasIndex(s => s.Name);
        });
        b.Entity<BudgetLine>(e =>
        {
            e.Property(l => l.Code).HasMaxLength(64);
            e.Property(l => l.Name).HasMaxLength(200);
            e.Ignore(l => l.Available);
            e.HasIndex(l => new { l.BudgetUnitId, l.Year, l.Code }).IsUnique();
            e.HasQueryFilter(l => EF.Constant(ScopeAll) || (EF.Constant(HasUnit) && l.BudgetUnitId == ScopeUnitId)
                                  || (EF.Constant(HasRegion) && l.RegionId == ScopeRegionId));
        });
        b.Entity<Subcategory>(e =>
        {
            e.Property(s => s.Code).HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(50);
            e.Property(s => s.NameEn).HasMaxLength(100);
            e.HasIndex(s => s.Code).IsUnique();
        });
        b.Entity<Contract>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(64);
            e.Property(c => c.Title).HasMaxLength(300);
            e.Property(c => c.SearchText).HasMaxLength(2000);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.Property(c => c.Version).IsConcurrencyToken();
            foreach (var p in new[] { "PurchaserContactName", "SupplierContactName" }) e.Property(p).HasMaxLength(50);
            foreach (var p in new[] { "PurchaserContactPhone", "SupplierContactPhone" }) e.Property(p).HasMaxLength(32);
            foreach (var p in new[] { "PurchaserContactEmail", "SupplierContactEmail" }) e.Property(p).HasMaxLength(254);
            e.HasIndex(c => new { c.BudgetUnitId, c.Number }).IsUnique();
            e.HasIndex(c => new { c.RegionId, c.Status, c.SignDate });
            e.HasIndex(c => new { c.RegionId, c.SignDate });
            e.HasIndex(c => new { c.RegionId, c.Amount });
            e.HasIndex(c => new { c.RegionId, c.Category, c.Amount });
            e.HasIndex(c => new { c.BudgetUnitId, c.SignDate });
            e.HasIndex(c => c.BudgetLineId);
            e.HasOne(c => c.BudgetUnit).WithMany().HasForeignKey(c => c.BudgetUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.BudgetLine).WithMany().HasForeignKey(c => c.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Subcategory).WithMany().HasForeignKey(c => c.SubcategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Suppliers).WithOne().HasForeignKey(s => s.ContractId);
            e.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ContractId);
            e.HasMany(c => c.Events).WithOne().HasForeignKey(v => v.ContractId);
            e.HasQueryFilter(c => EF.Constant(ScopeAll)
                || (EF.Constant(HasUnit) && c.BudgetUnitId == ScopeUnitId)
                || (EF.Constant(HasRegion) && c.RegionId == ScopeRegionId)
                || (EF.Constant(HasSupplier) && c.Suppliers.Any(s => s.SupplierId == ScopeSupplierId)));
        });
        b.Entity<ContractSupplier>(e =>
        {
            e.HasKey(s => new { s.ContractId, s.SupplierId });
            e.HasIndex(s => s.SupplierId);
            e.HasOne(s => s.Supplier).WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ContractDocument>(e =>
        {
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.Sm3).HasMaxLength(64);
            e.Property(d => d.UploadedBy).HasMaxLength(100);
            e.HasIndex(d => new { d.ContractId, d.FileName, d.VersionNo }).IsUnique();
            e.HasIndex(d => d.Sha256);
            e.HasQueryFilter(d => Contracts.Any(c => c.Id == d.ContractId));
        });
        b.Entity<ContractEvent>(e =>
        {
            e.Property(v => v.Kind).HasMaxLength(32);
            e.Property(v => v.Actor).HasMaxLength(100);
            e.Property(v => v.Note).HasMaxLength(2000);
            e.Property(v => v.FromStatus).HasConversion<string>().HasMaxLength(24);
            e.Property(v => v.ToStatus).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(v => new { v.ContractId, v.At });
            e.HasQueryFilter(v => Contracts.Any(c => c.Id == v.ContractId));
        });
        b.Entity<ApprovalTask>(e =>
        {
            e.Property(t => t.DecidedBy).HasMaxLength(100);
            e.Property(t => t.Reason).HasMaxLength(1000);
            e.HasIndex(t => new { t.State, t.Level, t.RegionId });
            e.HasIndex(t => t.ContractId);
            e.HasOne(t => t.Contract).WithMany().HasForeignKey(t => t.ContractId);
            e.HasQueryFilter(t => EF.Constant(ScopeAll) || (EF.Constant(HasUnit) && t.BudgetUnitId == ScopeUnitId)
                                  || (EF.Constant(HasRegion) && t.RegionId == ScopeRegionId));
        });
        b.Entity<FilingThreshold>(e =>
        {
            e.Property(t => t.Category).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Method).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.Note).HasMaxLength(200);
            e.HasIndex(t => t.RegionId);
        });
        b.Entity<ApprovalBand>(e => e.HasIndex(t => t.RegionId));
        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(256);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.Actor);
        });
        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.Property(t => t.Scopes).HasMaxLength(500);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.HasIndex(t => t.SecretHash).IsUnique();
        });
        b.Entity<Notary.NotaryLeaf>(e =>
        {
            e.HasKey(l => l.Index);
            e.Property(l => l.Index).ValueGeneratedNever();
            e.Property(l => l.Kind).HasMaxLength(64);
            e.HasIndex(l => l.LeafHash);
            e.HasIndex(l => new { l.ContractId, l.Index });
        });
        b.Entity<Notary.NotaryNode>(e => e.HasKey(n => new { n.Level, n.Index }));
        b.Entity<Notary.NotaryCheckpoint>(e => e.HasIndex(c => c.TreeSize));

        // Each later capability maps its entities in its own partial file (LvyueDbContext.<Capability>.cs)
        // with its DbSets beside them, so capabilities built in parallel do not edit one method.
        ConfigurePerformance(b);
        ConfigureJobs(b);
        ConfigureReview(b);
        ConfigureNotaryEvents(b);
        ConfigureCredit(b);
        ConfigurePayments(b);
        ConfigureExtraction(b);
        ConfigureSignatures(b);
        ConfigureProfiles(b);
        ConfigureReviewBatch(b);
        ConfigureKpi(b);
    }

    /// <summary>Milestones, calendars, registers, changes, acceptance, payments (issue 5).</summary>
    partial void ConfigurePerformance(ModelBuilder b);
    /// <summary>Durable jobs, notifications and their deliveries.</summary>
    partial void ConfigureJobs(ModelBuilder b);
    /// <summary>Rule profiles and review reports (issue 4).</summary>
    partial void ConfigureReview(ModelBuilder b);
    /// <summary>Anything the notary capability adds beyond its log tables (issue 7).</summary>
    partial void ConfigureNotaryEvents(ModelBuilder b);
    /// <summary>Evaluations, star ratings and credit (issue 6).</summary>
    partial void ConfigureCredit(ModelBuilder b);
    /// <summary>Changes, acceptance, payments and their compliance alerts (issue 5).</summary>
    partial void ConfigurePayments(ModelBuilder b);
    /// <summary>Accepted and corrected pre-filled fields of filed contracts (issue 3).</summary>
    partial void ConfigureExtraction(ModelBuilder b);
    /// <summary>Signing certificates, signing plans and document signatures (issue 7).</summary>
    partial void ConfigureSignatures(ModelBuilder b);
    /// <summary>Region rule profiles of the review rule library (issue 4).</summary>
    partial void ConfigureProfiles(ModelBuilder b);
    /// <summary>Re-reviews of a region's archive after a rule change (issue 4).</summary>
    partial void ConfigureReviewBatch(ModelBuilder b);
    /// <summary>Budget-unit KPI, nightly recompute runs and publication lists (issue 6).</summary>
    partial void ConfigureKpi(ModelBuilder b);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<Contract>())
        {
            if (entry.State == EntityState.Added) { entry.Entity.CreatedAt = now; entry.Entity.UpdatedAt = now; }
            else if (entry.State == EntityState.Modified) { entry.Entity.UpdatedAt = now; entry.Entity.Version++; }
        }
        var pending = AuditWriter.Capture(this);
        if (pending.Count == 0 && !HasNotaryEvents) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Accept after the first save so the second one writes only the audit rows; the keys
            // generated by the first are then known. A failure rolls both back together.
            var n = await base.SaveChangesAsync(true, ct);
            AuditEntries.AddRange(AuditWriter.Complete(pending, CurrentScope, now));
            await base.SaveChangesAsync(true, ct);
            await AppendNotaryEventsAsync(ct); // key events recorded for the log, in this transaction
            if (own is not null) await own.CommitAsync(ct);
            return n;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
