using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Testing;

namespace Lvyue.Tests.Performance.Payments;

/// <summary>Filed contracts and milestones for the change, acceptance and payment tests.</summary>
internal static class PaymentsWorld
{
    /// <summary>Creates, submits and (as the unit's leader) approves a contract of <see cref="TestWorld.Unit"/>: it is Filed.</summary>
    public static async Task<Contract> FiledAsync(TestDatabase db, TestWorld world, string number = "JY-2026-001", decimal amount = 50_000m)
    {
        Contract c;
        ApprovalTask task;
        await using (var clerk = db.Scope(world.Clerk))
        {
            c = await clerk.Filing.CreateAsync(world.Input(number, amount), [TestFiles.Txt()]);
            task = await clerk.Filing.SubmitAsync(c.Id);
        }
        await using (var leader = db.Scope(world.Leader)) await leader.Filing.ApproveAsync(task.Id, null);
        return c;
    }

    /// <summary>An acceptance milestone and a payment installment of <paramref name="amount"/> due <paramref name="days"/> days after it.</summary>
    public static async Task<(Milestone Acceptance, Milestone Payment)> AcceptanceThenPaymentAsync(TestDatabase db, Contract c, decimal amount, int days = 30)
    {
        await using var s = db.AsSystem();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var acceptance = new Milestone
        {
            ContractId = c.Id, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, Kind = MilestoneKind.Acceptance, Title = "终验",
            Sequence = 1, DueDate = new DateOnly(2026, 3, 31), ResponsibleParty = ResponsibleParty.Purchaser, Status = MilestoneStatus.Planned,
            CreatedAt = now, UpdatedAt = now,
        };
        s.Db.Milestones.Add(acceptance);
        await s.Db.SaveChangesAsync();
        var payment = new Milestone
        {
            ContractId = c.Id, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, Kind = MilestoneKind.PaymentInstallment, Title = "验收款",
            Sequence = 2, RuleTrigger = DueTrigger.Milestone, TriggerMilestoneId = acceptance.Id, RuleOffsetDays = days, RuleDayCount = DayCount.Calendar,
            RuleText = $"验收合格后{days}日内", Amount = amount, ResponsibleParty = ResponsibleParty.Purchaser, Status = MilestoneStatus.Planned,
            CreatedAt = now, UpdatedAt = now,
        };
        s.Db.Milestones.Add(payment);
        await s.Db.SaveChangesAsync();
        return (acceptance, payment);
    }
}
