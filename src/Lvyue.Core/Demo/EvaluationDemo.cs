using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Demo;

/// <summary>
/// Demo evaluations: up to six monthly daily-line assessments for every contract in performance (or done),
/// and a final evaluation for completed ones, scored deterministically so that most suppliers do well and
/// a few trigger the Kunshan rules; star ratings and credit grades follow from them.
/// </summary>
public static class EvaluationDemo
{
    public static async Task SeedAsync(IServiceProvider services, LvyueDbContext db, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DbContextOptions<LvyueDbContext>>();
        // Each assessment is scored a few days after its month (or at completion), as a project office on time would.
        var clock = new DemoClock(db.Clock);
        await using var ctx = new LvyueDbContext(options, new FixedTenantContext(TenantScope.System with { Actor = "demo" }), clock);
        var templates = new TemplateService(ctx);
        var ratings = new StarRatingService(ctx);
        var svc = new AssessmentService(ctx, templates, new EvaluationPolicyService(ctx), ratings, new CreditService(ctx, ratings), services.GetRequiredService<FileStore>());
        await templates.EnsureDefaultsAsync(ct);
        var today = ChinaTime.Today(db.Clock);
        var contracts = await ctx.Contracts.AsNoTracking().Include(c => c.Suppliers)
            .Where(c => c.Status == ContractStatus.Performing || c.Status == ContractStatus.Completed || c.Status == ContractStatus.Terminated)
            .OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var c in contracts)
        {
            if (c.StartDate is not { } start || c.EndDate is not { } end || c.Suppliers.Count == 0) continue;
            var supplierId = c.Suppliers.OrderBy(s => s.SortOrder).First().SupplierId;
            // A supplier's level: most around 90, every fifth around 78 (the one that meets the rules).
            var level = supplierId % 5 == 3 ? 78m : 88m + supplierId % 4 * 2m;
            var month = new DateOnly(start.Year, start.Month, 1);
            for (var k = 0; k < 6 && month <= end && month.AddMonths(1) <= today; k++, month = month.AddMonths(1))
            {
                clock.At(month.AddMonths(1).AddDays(2));
                await AssessAsync(svc, templates, c, AssessmentLine.Daily, month, level + (c.Id * 7 + k * 3) % 9 - 4m, ct);
            }
            if (c.Status == ContractStatus.Completed)
            {
                clock.At((end < today ? end : today).AddDays(5));
                await AssessAsync(svc, templates, c, AssessmentLine.Final, null, level + c.Id % 5, ct);
            }
        }
    }

    private static async Task AssessAsync(AssessmentService svc, TemplateService templates, Contract c, AssessmentLine line, DateOnly? period, decimal score, CancellationToken ct)
    {
        var t = await templates.CurrentAsync(c.SubcategoryId, line, ct);
        var scores = t.Items.ToDictionary(i => i.Code, i => (decimal?)Math.Clamp(Math.Round(score / 100m * i.MaxScore + (i.SortOrder % 3 - 1), 2), 0m, i.MaxScore));
        await svc.CreateAsync(new AssessmentInput { ContractId = c.Id, Line = line, PeriodStart = period, Scores = scores, Note = "演示数据" }, null, ct);
    }
}
