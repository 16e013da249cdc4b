using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Setup for the evaluation tests: a demo-unit contract in performance, and the scores of its template.</summary>
public static class EvaluationWebSteps
{
    /// <summary>A performing services contract of the clerk's unit with the supplier login's company (term 2026-03-01 to 2027-02-28).</summary>
    public static async Task<long> PerformingContractAsync(LvyueApp app, string prefix, decimal amount = 60_000m)
    {
        var facts = await app.Facts;
        await using var s = app.Database.AsSystem();
        var c = await s.Filing.CreateAsync(facts.Contract(DemoFacts.NewNumber(prefix), amount));
        var row = await s.Db.Contracts.SingleAsync(x => x.Id == c.Id);
        row.Status = ContractStatus.Performing;
        await s.Db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>Every item of the daily template scored <paramref name="score"/>.</summary>
    public static async Task<Dictionary<string, decimal>> UniformScoresAsync(LvyueApp app, decimal score)
    {
        var facts = await app.Facts;
        await using var s = app.Database.AsSystem();
        var t = await s.Get<TemplateService>().CurrentAsync(facts.ServicesSubcategoryId, AssessmentLine.Daily);
        return t.Items.ToDictionary(i => i.Code, _ => score);
    }

    public static async Task<int> AssessmentCountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.Assessments.CountAsync() + await s.Db.AssessmentScores.CountAsync() + await s.Db.PolicyEvents.CountAsync();
    }
}
