using Lvyue.Credit;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Evaluation;

/// <summary>The full recomputation gives exactly what the incremental updates gave.</summary>
public sealed class RatingRecomputeTests
{
    [Theory, BothDatabases]
    public async Task Recompute_RebuildsTheRatingsAndGradesTheAssessmentsProduced(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 7, 1);
        var a = await PerformingAsync(db, world, "KH-001", amount: 120_000m);
        var b = await PerformingAsync(db, world, "KH-002", amount: 480_000m);
        await DailyAsync(db, world, a, 2026, 3, 79.5m);
        await DailyAsync(db, world, a, 2026, 4, 78.25m);
        await DailyAsync(db, world, b, 2026, 5, 93.33m);
        await using var s = db.AsSystem();
        var ratingsBefore = await s.Db.StarRatings.AsNoTracking().OrderBy(r => r.Category).Select(r => new { r.SupplierId, r.Category, r.Stars, r.Score, r.ContractCount, r.AssessmentCount, r.AsOf }).ToListAsync();
        var gradesBefore = await s.Db.CreditGrades.AsNoTracking().Select(g => new { g.Subject, g.SubjectId, g.Year, g.Grade, g.Score, g.EvaluationScore, g.RecordCount, g.Reason }).ToListAsync();
        Assert.Single(ratingsBefore);
        await s.Db.StarRatings.ExecuteDeleteAsync();
        await s.Db.CreditGrades.ExecuteUpdateAsync(u => u.SetProperty(g => g.Score, 0m).SetProperty(g => g.Reason, "stale"));
        var changesBefore = await s.Db.StarRatingChanges.CountAsync();

        var report = await s.Get<RatingRecompute>().RunAsync();

        Assert.Equal((1, 1, 2), (report.Ratings, report.Grades, report.ContractRows));
        var ratingsAfter = await s.Db.StarRatings.AsNoTracking().OrderBy(r => r.Category).Select(r => new { r.SupplierId, r.Category, r.Stars, r.Score, r.ContractCount, r.AssessmentCount, r.AsOf }).ToListAsync();
        var gradesAfter = await s.Db.CreditGrades.AsNoTracking().Select(g => new { g.Subject, g.SubjectId, g.Year, g.Grade, g.Score, g.EvaluationScore, g.RecordCount, g.Reason }).ToListAsync();
        Assert.Equal(ratingsBefore, ratingsAfter);
        Assert.Equal(gradesBefore, gradesAfter);
        Assert.Equal(changesBefore + 1, await s.Db.StarRatingChanges.CountAsync()); // the deleted rating came back as a change
        Assert.Equal(CreditSubject.Supplier, gradesAfter.Single().Subject);

        var again = await s.Get<RatingRecompute>().RunAsync();
        Assert.Equal(0, again.RatingChanges);
    }
}
