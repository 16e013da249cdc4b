using Lvyue.Contracts;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Evaluation;

/// <summary>Shared steps of the evaluation tests: contracts in performance and assessments by score.</summary>
internal static class EvaluationSteps
{
    /// <summary>Term 2026-03-01 to 2027-02-28 (365 days) unless given.</summary>
    public static async Task<Contract> PerformingAsync(TestDatabase db, TestWorld world, string number, decimal amount = 365_000m,
        DateOnly? start = null, DateOnly? end = null, ContractStatus status = ContractStatus.Performing)
    {
        long id;
        await using (var clerk = db.Scope(world.Clerk))
        {
            var input = world.Input(number, amount) with { StartDate = start ?? new DateOnly(2026, 3, 1), EndDate = end ?? new DateOnly(2027, 2, 28) };
            id = (await clerk.Filing.CreateAsync(input)).Id;
        }
        await using var s = db.AsSystem();
        var c = await s.Db.Contracts.SingleAsync(x => x.Id == id);
        c.Status = status;
        await s.Db.SaveChangesAsync();
        return c;
    }

    /// <summary>Scores every item of the current template with the same score (so the total is that score).</summary>
    public static async Task<Dictionary<string, decimal?>> UniformAsync(TestDatabase db, Contract c, AssessmentLine line, decimal score)
    {
        await using var s = db.AsSystem();
        var t = await s.Get<TemplateService>().CurrentAsync(c.SubcategoryId, line);
        return t.Items.ToDictionary(i => i.Code, _ => (decimal?)score);
    }

    /// <summary>Assesses a period of the daily line as the unit's clerk with a uniform score.</summary>
    public static async Task<AssessmentResult> DailyAsync(TestDatabase db, TestWorld world, Contract c, int year, int month, decimal score)
    {
        var scores = await UniformAsync(db, c, AssessmentLine.Daily, score);
        await using var clerk = db.Scope(world.Clerk);
        return await clerk.Get<AssessmentService>().CreateAsync(new AssessmentInput
        {
            ContractId = c.Id, Line = AssessmentLine.Daily, PeriodStart = new DateOnly(year, month, 1), Scores = scores,
        });
    }

    /// <summary>Sets the clock to 10:00 Beijing time on a day.</summary>
    public static void SetToday(TestDatabase db, int year, int month, int day) =>
        db.Clock.Set(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));
}
