using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Demo;

/// <summary>
/// Demo schedules for the contracts in performance: an advance payment, delivery or completion, acceptance
/// counting from it, the acceptance payment and the retention counting from acceptance, quarterly reports
/// for services. Most past milestones are met; every third contract's advance is unpaid and some deliveries
/// are late, so the overdue register has entries (one under close watch with an interview) and one
/// contract sits in the termination register with a resolved dispute.
/// </summary>
public static class PerformanceDemo
{
    public static async Task SeedAsync(IServiceProvider services, LvyueDbContext db, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DbContextOptions<LvyueDbContext>>();
        LvyueDbContext Context(TenantScope scope) => new(options, new FixedTenantContext(scope), db.Clock);
        var today = ChinaTime.Today(db.Clock);
        await using var ctx = Context(TenantScope.System with { Actor = "clerk" });
        var milestones = new MilestoneService(ctx);
        var contracts = await ctx.Contracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Filed || c.Status == ContractStatus.Performing)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var late = new List<(Contract Contract, long Delivery)>();
        // Late deliveries: among the contracts whose delivery is well past, the second and every third.
        var wellPast = contracts.Where(c => c.StartDate is { } s && c.EndDate is { } e && Delivered(c.Category, s, e).AddDays(10) < today)
            .Select(c => c.Id).ToList();
        var lateIds = wellPast.Where((_, j) => j == 1 || j % 3 == 0).ToHashSet();
        for (var k = 0; k < contracts.Count; k++)
        {
            var c = contracts[k];
            if (c.SignDate is not { } sign || c.StartDate is not { } start || c.EndDate is not { } end) continue;
            var advance = Math.Round(c.Amount * 0.3m, 2);
            var onAcceptance = Math.Round(c.Amount * 0.65m, 2);
            var delivered = Delivered(c.Category, start, end);
            var added = await milestones.AddManyAsync(c.Id,
            [
                new MilestoneInput { Kind = MilestoneKind.PaymentInstallment, Title = "预付款（30%）", DueDate = sign.AddDays(15), Amount = advance,
                    ResponsibleParty = ResponsibleParty.Purchaser, RuleText = "合同签订后15日内支付合同价款的30%" },
                new MilestoneInput { Kind = c.Category == Category.Goods ? MilestoneKind.Delivery : MilestoneKind.Completion,
                    Title = c.Category == Category.Goods ? "货物交付" : c.Category == Category.Works ? "主体工程完工" : "服务中期成果交付",
                    DueDate = delivered, ResponsibleParty = ResponsibleParty.Supplier },
                new MilestoneInput { Kind = MilestoneKind.Acceptance, Title = "验收", RuleTrigger = DueTrigger.Milestone, TriggerIndex = 1,
                    RuleOffsetDays = 15, RuleDayCount = DayCount.Calendar, ResponsibleParty = ResponsibleParty.Purchaser, RuleText = "交付后15日内组织验收" },
                new MilestoneInput { Kind = MilestoneKind.PaymentInstallment, Title = "验收款（65%）", RuleTrigger = DueTrigger.Milestone, TriggerIndex = 2,
                    RuleOffsetDays = 30, RuleDayCount = DayCount.Calendar, Amount = onAcceptance, ResponsibleParty = ResponsibleParty.Purchaser,
                    RuleText = "验收合格后30日内支付合同价款的65%" },
                new MilestoneInput { Kind = MilestoneKind.PaymentInstallment, Title = "质保金（5%）", RuleTrigger = DueTrigger.Milestone, TriggerIndex = 2,
                    RuleOffsetDays = 12, RuleDayCount = DayCount.Months, Amount = c.Amount - advance - onAcceptance,
                    ResponsibleParty = ResponsibleParty.Purchaser, RuleText = "质保期满（验收合格后12个月）无质量问题退还" },
            ], MilestoneSource.Manual, ct);
            if (c.Category == Category.Services && start.AddMonths(3) <= end)
                await milestones.AddAsync(c.Id, new MilestoneInput
                {
                    Kind = MilestoneKind.ServiceReport, Title = "季度服务报告", DueDate = start.AddMonths(3), Recurrence = Recurrence.Quarterly,
                    ResponsibleParty = ResponsibleParty.Supplier,
                }, ct);

            // The past: the advance is paid except on every third contract; deliveries are made except the late ones.
            if (added[0].DueDate < today && k % 3 != 1)
                await Meet(milestones, added[0].Id, Min(added[0].DueDate!.Value.AddDays(-3), today), "国库集中支付凭证", ct);
            if (delivered < today)
            {
                if (lateIds.Contains(c.Id))
                {
                    late.Add((c, added[1].Id));
                    continue;
                }
                var met = Min(delivered.AddDays(-1), today);
                await Meet(milestones, added[1].Id, met, "到货签收单 / 完工确认单", ct);
                if (met.AddDays(10) < today) await Meet(milestones, added[2].Id, met.AddDays(10), "验收报告", ct);
            }
        }

        try
        {
            await SuperviseAsync(Context, late, today, ct);
        }
        catch (DomainException e) when (e.Errors.ContainsKey("calendar"))
        {
            // The working-day calendar does not reach back far enough for the grace (an early-January start
            // before last year was entered): the register fills at the first sweep once it is entered.
        }
    }

    private static async Task SuperviseAsync(Func<TenantScope, LvyueDbContext> context, List<(Contract Contract, long Delivery)> late,
        DateOnly today, CancellationToken ct)
    {
        await using var system = context(TenantScope.System with { Actor = "system" });
        await new OverdueSweep(system).RunAsync(system.Clock.GetUtcNow(), ct);
        if (late.Count == 0) return;
        await using var sup = context(TenantScope.ForRegion(late[0].Contract.RegionId, "supervisor") with { Roles = [Roles.Supervisor] });
        var register = new OverdueRegister(sup);
        var watched = late[0].Delivery;
        await register.SetCloseWatchAsync(watched, true, ct);
        await register.RecordActionAsync(watched, SupervisionActionKind.Interview, today,
            "约谈供应商项目负责人，说明逾期原因并承诺两周内完成交付", null, ct);
        if (late.Count < 2) return;
        var terminations = new TerminationRegister(sup);
        var entry = await terminations.MoveAsync(late[^1].Contract.Id, "供应商逾期交付，经约谈、督办仍无法履约，采购人依约解除合同", [], ct);
        await terminations.RecordOutcomeAsync(entry.Id, BreachingParty.Supplier, today,
            "经仲裁委员会裁决，供应商构成根本违约，履约保证金不予退还", ct);
    }

    private static Task Meet(MilestoneService svc, long id, DateOnly on, string note, CancellationToken ct) =>
        svc.SetStatusAsync(id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = on, Note = note }, ct);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Goods are delivered 45 days after the start; works and services reach their milestone half-way through the term.</summary>
    private static DateOnly Delivered(Category category, DateOnly start, DateOnly end) =>
        category == Category.Goods ? start.AddDays(45) : start.AddDays((end.DayNumber - start.DayNumber) / 2);
}
