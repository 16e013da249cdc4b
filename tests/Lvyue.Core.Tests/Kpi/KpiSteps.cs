using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Kpi;

/// <summary>
/// A year of one unit's conduct with known KPI figures (as of 2026-06-01): contract A filed on time, performing, one
/// payment met on time and one overdue, March assessed on time and April not; contract B filed late; contract C never
/// submitted. Expected: contract management 66.67, performance 66.67, evaluation 65, total 66.34 (中). The other unit
/// has no facts: 100 (优).
/// </summary>
internal static class KpiSteps
{
    public static TenantScope CreditOffice(TestWorld w) =>
        TenantScope.ForRegion(w.Region.Id, $"credit@{w.Region.Code}") with { Roles = [Roles.CreditOffice] };

    public static async Task<(Contract A, Contract B, Contract C)> YearAsync(TestDatabase db, TestWorld world)
    {
        SetToday(db, 2026, 3, 2);
        var input = world.Input("KPI-A") with { SignDate = new DateOnly(2026, 3, 2), EffectiveDate = new DateOnly(2026, 3, 2), StartDate = new DateOnly(2026, 3, 2) };
        long a, b, c;
        await using (var clerk = db.Scope(world.Clerk))
        {
            a = (await clerk.Filing.CreateAsync(input)).Id;
            b = (await clerk.Filing.CreateAsync(input with { Number = "KPI-B" })).Id;
            c = (await clerk.Filing.CreateAsync(input with { Number = "KPI-C" })).Id;
        }
        await using (var s = db.AsSystem())
        {
            foreach (var id in new[] { a, b })
                s.Db.ContractDocuments.Add(new ContractDocument
                {
                    ContractId = id, FileName = "合同.pdf", VersionNo = 1, ContentType = "application/pdf", Size = 3,
                    Sha256 = new string('a', 64), Sm3 = new string('b', 64), UploadedAt = db.Clock.GetUtcNow().UtcDateTime, UploadedBy = "clerk",
                });
            await s.Db.SaveChangesAsync();
        }
        await FileAsync(db, world, a, new DateOnly(2026, 3, 5));
        await FileAsync(db, world, b, new DateOnly(2026, 3, 20));
        await using (var s = db.AsSystem())
        {
            var ca = await s.Db.Contracts.SingleAsync(x => x.Id == a);
            ca.Status = ContractStatus.Performing;
            await s.Db.SaveChangesAsync();
            Milestone M(string title, DateOnly due, decimal? amount, ResponsibleParty who, MilestoneStatus status, DateOnly? met) => new()
            {
                ContractId = a, RegionId = world.Region.Id, BudgetUnitId = world.Unit.Id, Kind = MilestoneKind.PaymentInstallment, Title = title,
                DueDate = due, Amount = amount, ResponsibleParty = who, Status = status, MetDate = met, Source = MilestoneSource.Manual,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime, UpdatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            var m1 = M("首期款", new DateOnly(2026, 4, 30), 10_000m, ResponsibleParty.Purchaser, MilestoneStatus.Met, new DateOnly(2026, 4, 28));
            var m2 = M("二期款", new DateOnly(2026, 5, 15), 20_000m, ResponsibleParty.Purchaser, MilestoneStatus.Due, null);
            var m3 = M("供货", new DateOnly(2026, 4, 1), null, ResponsibleParty.Supplier, MilestoneStatus.Due, null); // the supplier's: not the unit's KPI
            s.Db.Milestones.AddRange(m1, m2, m3);
            await s.Db.SaveChangesAsync();
            s.Db.OverdueEntries.Add(new OverdueEntry
            {
                MilestoneId = m2.Id, ContractId = a, RegionId = world.Region.Id, BudgetUnitId = world.Unit.Id, ResponsibleParty = ResponsibleParty.Purchaser,
                DueDate = m2.DueDate!.Value, EnteredOn = new DateOnly(2026, 5, 20), GraceWorkingDays = 3, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            });
            await s.Db.SaveChangesAsync();
        }
        SetToday(db, 2026, 4, 5);
        var performing = await ContractAsync(db, a);
        await DailyAsync(db, world, performing, 2026, 3, 92m);
        SetToday(db, 2026, 6, 1);
        return (performing, await ContractAsync(db, b), await ContractAsync(db, c));
    }

    /// <summary>Submits the contract and has the unit's leader approve it on <paramref name="day"/>.</summary>
    public static async Task FileAsync(TestDatabase db, TestWorld world, long id, DateOnly day)
    {
        SetToday(db, day.Year, day.Month, day.Day);
        long task;
        await using (var clerk = db.Scope(world.Clerk))
            task = (await clerk.Filing.SubmitAsync(id)).Id;
        await using var leader = db.Scope(world.Leader);
        await leader.Filing.ApproveAsync(task, null);
    }

    private static async Task<Contract> ContractAsync(TestDatabase db, long id)
    {
        await using var s = db.AsSystem();
        return await s.Db.Contracts.AsNoTracking().SingleAsync(x => x.Id == id);
    }
}
