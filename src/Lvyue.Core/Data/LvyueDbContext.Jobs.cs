using Lvyue.Jobs;
using Lvyue.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<ReminderSetting> ReminderSettings => Set<ReminderSetting>();

    partial void ConfigureJobs(ModelBuilder b)
    {
        b.Entity<Job>(e =>
        {
            e.Property(j => j.Kind).HasMaxLength(64);
            e.Property(j => j.Payload).HasMaxLength(4000);
            e.Property(j => j.UniqueName).HasMaxLength(128);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(j => j.LeaseOwner).HasMaxLength(100);
            e.Property(j => j.LastError).HasMaxLength(2000);
            e.HasIndex(j => j.UniqueName).IsUnique();
            // The claim query: due pending jobs and running jobs whose lease (RunAt) expired.
            e.HasIndex(j => new { j.Status, j.RunAt });
        });
        b.Entity<NotificationDelivery>(e =>
        {
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Recipient).HasMaxLength(254);
            e.Property(d => d.RecipientName).HasMaxLength(100);
            e.Property(d => d.Subject).HasMaxLength(200);
            e.Property(d => d.Body).HasMaxLength(4000);
            e.Property(d => d.Link).HasMaxLength(300);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.Property(d => d.DedupeKey).HasMaxLength(400);
            e.HasIndex(d => d.DedupeKey).IsUnique();
            e.HasIndex(d => new { d.BudgetUnitId, d.Status, d.CreatedAt });
            e.HasIndex(d => new { d.RegionId, d.Status, d.CreatedAt });
            e.HasIndex(d => new { d.MilestoneId, d.OffsetDays });
            // The unit sees its own deliveries, the supervisor those of the region.
            e.HasQueryFilter(d => EF.Constant(ScopeAll) || (EF.Constant(HasUnit) && d.BudgetUnitId == ScopeUnitId)
                                  || (EF.Constant(HasRegion) && d.RegionId == ScopeRegionId));
        });
        b.Entity<InboxItem>(e =>
        {
            e.Property(i => i.UserId).HasMaxLength(450);
            e.Property(i => i.Title).HasMaxLength(200);
            e.Property(i => i.Body).HasMaxLength(4000);
            e.Property(i => i.Link).HasMaxLength(300);
            e.HasIndex(i => new { i.UserId, i.ReadAt, i.CreatedAt });
        });
        b.Entity<WebhookEndpoint>(e =>
        {
            e.Property(w => w.Name).HasMaxLength(100);
            e.Property(w => w.Url).HasMaxLength(500);
            e.Property(w => w.Secret).HasMaxLength(100);
            e.Property(w => w.CreatedBy).HasMaxLength(100);
            e.HasIndex(w => w.RegionId);
        });
        b.Entity<ReminderSetting>(e =>
        {
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(s => s.OffsetDays).HasMaxLength(64);
            e.Property(s => s.UpdatedBy).HasMaxLength(100);
            e.HasIndex(s => new { s.RegionId, s.Kind });
        });
    }
}
