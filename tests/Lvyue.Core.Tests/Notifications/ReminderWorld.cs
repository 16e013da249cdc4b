using Lvyue.Accounts;
using Lvyue.Notifications;
using Lvyue.Performance;
using Lvyue.Testing;

namespace Lvyue.Tests.Notifications;

/// <summary>A <see cref="TestWorld"/> with users of the unit and the supplier, contracts with both parties' contacts, and milestones.</summary>
internal sealed class ReminderWorld
{
    public required TestWorld World { get; init; }
    public required string UnitUserId { get; init; }
    public required string SupplierUserId { get; init; }

    public static async Task<ReminderWorld> CreateAsync(TestDatabase db)
    {
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();
        var clerk = new AppUser { UserName = "clerk1", NormalizedUserName = "CLERK1", DisplayName = "李经办", BudgetUnitId = world.Unit.Id, RegionId = world.Region.Id };
        var other = new AppUser { UserName = "clerk2", NormalizedUserName = "CLERK2", DisplayName = "别的单位", BudgetUnitId = world.OtherUnit.Id, RegionId = world.Region.Id };
        var supplier = new AppUser { UserName = "supplier1", NormalizedUserName = "SUPPLIER1", DisplayName = "郑经理", SupplierId = world.Supplier.Id };
        s.Db.Users.AddRange(clerk, other, supplier);
        await s.Db.SaveChangesAsync();
        return new ReminderWorld { World = world, UnitUserId = clerk.Id, SupplierUserId = supplier.Id };
    }

    /// <summary>Files a contract of the unit with both parties' contacts (email and phone).</summary>
    public async Task<long> ContractAsync(TestDatabase db, string number)
    {
        await using var clerk = db.Scope(World.Clerk);
        var c = await clerk.Filing.CreateAsync(World.Input(number) with
        {
            PurchaserContactEmail = "li@edu.gov.cn",
            PurchaserContactPhone = "0755-82221234",
            SupplierContactName = "郑经理",
            SupplierContactEmail = "Zheng@PengCheng.com",
            SupplierContactPhone = "+86 13800138000",
        });
        return c.Id;
    }

    /// <summary>Adds an open milestone due on <paramref name="due"/>.</summary>
    public async Task<long> MilestoneAsync(TestDatabase db, long contractId, DateOnly due, MilestoneKind kind = MilestoneKind.Delivery, string title = "第一批设备交付")
    {
        await using var s = db.AsSystem();
        var m = new Milestone
        {
            ContractId = contractId,
            RegionId = World.Region.Id,
            BudgetUnitId = World.Unit.Id,
            Kind = kind,
            Title = title,
            DueDate = due,
            Amount = kind == MilestoneKind.PaymentInstallment ? 15_000m : null,
            ResponsibleParty = ResponsibleParty.Supplier,
            Status = MilestoneStatus.Planned,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            UpdatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        s.Db.Milestones.Add(m);
        await s.Db.SaveChangesAsync();
        return m.Id;
    }

    /// <summary>Adds a webhook endpoint of the region.</summary>
    public async Task<WebhookEndpoint> EndpointAsync(TestDatabase db, Uri url)
    {
        await using var s = db.AsSystem();
        return await new NotificationAdmin(s.Db).AddEndpointAsync(World.Region.Id, "国库支付系统", url.ToString());
    }
}
