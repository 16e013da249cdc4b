using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Performance;
using Lvyue.Review.Extraction;
using Lvyue.Testing;
using Lvyue.Tests.Review.Clauses;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance;

/// <summary>Milestones proposed from the ledger extraction of the contract text, and accepting them.</summary>
public sealed class MilestoneProposalsTests
{
    [Fact]
    public void TheGoodsContract_ProposesDeliveryAcceptancePaymentsAndWarrantyAsRules()
    {
        var x = LedgerExtractor.Extract(ClauseFixtures.Normalized("goods-procurement.txt"));
        var contract = new Contract { Number = "x", Title = "x", Category = Category.Goods, Amount = 1_200_000m, EndDate = new(2024, 6, 30) };

        var p = MilestoneProposals.FromExtraction(x, contract);

        Assert.Equal(
            [MilestoneKind.Delivery, MilestoneKind.PaymentInstallment, MilestoneKind.Acceptance, MilestoneKind.PaymentInstallment, MilestoneKind.WarrantyEnd, MilestoneKind.PaymentInstallment],
            p.Select(q => q.Input.Kind));
        Assert.Equal(new DateOnly(2024, 6, 30), p[0].Input.DueDate);
        Assert.Equal((DueTrigger.ContractSigned, 10, DayCount.Working, 360_000m), (p[1].Input.RuleTrigger!.Value, p[1].Input.RuleOffsetDays!.Value, p[1].Input.RuleDayCount!.Value, p[1].Input.Amount!.Value));
        Assert.Equal((DueTrigger.Milestone, 0), (p[2].Input.RuleTrigger!.Value, p[2].Input.TriggerIndex!.Value));
        Assert.Equal((2, 15, DayCount.Working, 780_000m), (p[3].Input.TriggerIndex!.Value, p[3].Input.RuleOffsetDays!.Value, p[3].Input.RuleDayCount!.Value, p[3].Input.Amount!.Value));
        Assert.Contains("验收", p[3].Input.RuleText);
        Assert.Equal((2, 36, DayCount.Months), (p[4].Input.TriggerIndex!.Value, p[4].Input.RuleOffsetDays!.Value, p[4].Input.RuleDayCount!.Value));
        Assert.Equal((4, 60_000m), (p[5].Input.TriggerIndex!.Value, p[5].Input.Amount!.Value));
        Assert.All(p, q => Assert.False(q.NeedsDate));
    }

    [Fact]
    public void WithoutAnEndDate_TheDeliveryAndWhatCountsFromItNeedADateByHand()
    {
        var x = LedgerExtractor.Extract(ClauseFixtures.Normalized("goods-procurement.txt"));
        var p = MilestoneProposals.FromExtraction(x, new Contract { Number = "x", Title = "x", Category = Category.Goods, Amount = 1_200_000m });
        Assert.False(p.Single(q => q.Input.RuleTrigger == DueTrigger.ContractSigned).NeedsDate);
        Assert.True(p.Single(q => q.Input.Kind == MilestoneKind.Acceptance).NeedsDate);
    }

    [Theory, BothDatabases]
    public async Task AcceptingAPayment_AddsItWithTheAcceptanceItCountsFromAndMeetingThatDatesIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "HW-001", amount: 1_000_000m, text: ClauseFixtures.Raw("goods-procurement.txt"));
        await using var s = db.Scope(world.Clerk);
        var proposals = s.Get<MilestoneProposals>();
        var (doc, list) = await proposals.ForContractAsync(c.Id);
        Assert.Equal("合同.txt", doc.FileName);
        var payAfterAcceptance = list.Single(q => q.Input.Kind == MilestoneKind.PaymentInstallment && q.Input.RuleOffsetDays == 15);

        var added = await proposals.AcceptAsync(c.Id, [payAfterAcceptance.Index]);

        Assert.Equal([MilestoneKind.Completion, MilestoneKind.Acceptance, MilestoneKind.PaymentInstallment], added.Select(m => m.Kind)); // a services contract completes
        Assert.Equal(650_000m, added[2].Amount);
        Assert.All(added, m => Assert.Equal(MilestoneSource.Extraction, m.Source));
        var acceptance = added[1];
        Assert.Equal(added[0].Id, acceptance.TriggerMilestoneId);
        await s.Get<MilestoneService>().SetStatusAsync(added[0].Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = new(2026, 2, 27) });
        var reloaded = await s.Db.Milestones.AsNoTracking().SingleAsync(m => m.Id == acceptance.Id);
        Assert.Equal(new DateOnly(2026, 2, 27), reloaded.DueDate);
        await s.Get<MilestoneService>().SetStatusAsync(acceptance.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = new(2026, 3, 2) });
        Assert.Equal(new DateOnly(2026, 3, 23), (await s.Db.Milestones.AsNoTracking().SingleAsync(m => m.Id == added[2].Id)).DueDate);

        var bad = await Assert.ThrowsAsync<DomainException>(() => proposals.AcceptAsync(c.Id, [99]));
        Assert.Equal(ErrorKind.Invalid, bad.Kind);
    }
}
