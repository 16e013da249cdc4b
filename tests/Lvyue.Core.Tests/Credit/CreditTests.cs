using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Evaluation;
using Lvyue.Performance;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Credit;

/// <summary>Credit records from evaluations and performance events, and grades by the documented rules.</summary>
public sealed class CreditTests
{
    private static CreditRecord R(string kind, DateOnly on, DateOnly? expires = null)
    {
        var k = CreditRules.Kinds[kind];
        return new CreditRecord { Kind = kind, SourceKey = Guid.NewGuid().ToString(), Points = k.Points, Counted = k.Counted, Dishonest = k.Dishonest, Summary = k.Zh, SummaryEn = k.En, OccurredOn = on, ExpiresOn = expires };
    }

    private static readonly DateOnly Day = new(2026, 6, 30);

    [Theory]
    [InlineData(95, CreditGradeLevel.Excellent)]
    [InlineData(90, CreditGradeLevel.Excellent)]
    [InlineData(89.99, CreditGradeLevel.Good)]
    [InlineData(75, CreditGradeLevel.Good)]
    [InlineData(74.99, CreditGradeLevel.Fair)]
    [InlineData(60, CreditGradeLevel.Fair)]
    [InlineData(59.99, CreditGradeLevel.Poor)]
    public void Grade_FollowsTheScoreBands(double evaluation, CreditGradeLevel grade) =>
        Assert.Equal(grade, CreditRules.Grade(new GradeInput(CreditSubject.Supplier, (decimal)evaluation, [], Day)).Grade);

    [Fact]
    public void Grade_IsPoorWithADishonestRecordWhateverTheScore()
    {
        var g = CreditRules.Grade(new GradeInput(CreditSubject.Supplier, 99m, [R("terminated_for_breach", Day.AddDays(-10))], Day));
        Assert.Equal((CreditGradeLevel.Poor, 79m), (g.Grade, g.Score));
        Assert.Contains("一票否决", g.Reason);
    }

    [Fact]
    public void Grade_IgnoresRecordsOutsideTheWindowExpiredOrNotCounted()
    {
        var records = new[]
        {
            R("breach_after_dispute", Day.AddYears(-3)),                   // exactly three years back: outside
            R("procurement_dishonesty", Day.AddDays(-100), expires: Day.AddDays(-1)), // repaired
            R("overdue_supervised", Day.AddDays(-5)),                      // recorded, not counted
            R("deduction", Day.AddDays(-20)),
        };
        var g = CreditRules.Grade(new GradeInput(CreditSubject.BudgetUnit, null, records, Day));
        // unit base 90 − 2 for the one deduction that counts
        Assert.Equal((CreditGradeLevel.Good, 88m, 1), (g.Grade, g.Score, g.RecordCount));
    }

    [Theory, BothDatabases]
    public async Task Assessment_AddsCreditRecordsForPolicyEventsAndRegradesTheSupplier(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        await DailyAsync(db, world, c, 2026, 3, 79m);
        await DailyAsync(db, world, c, 2026, 4, 78m);

        await using var check = db.AsSystem();
        var records = await check.Get<CreditService>().RecordsAsync(CreditSubject.Supplier, world.Supplier.Id);
        Assert.Equal(["deduction", "deduction", "termination_right"], records.Select(r => r.Kind).Order());
        var grade = (await check.Get<CreditService>().GradesAsync(CreditSubject.Supplier, world.Supplier.Id)).Single();
        // evaluation 78.5 − 2 − 2 − 10 = 64.5 → 中
        Assert.Equal((2026, CreditGradeLevel.Fair, 64.5m, 78.5m), (grade.Year, grade.Grade, grade.Score, grade.EvaluationScore));
    }

    [Theory, BothDatabases]
    public async Task FinalEvaluationAbove90_IsAPositiveRecord(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2027, 3, 10);
        var c = await PerformingAsync(db, world, "KH-001", status: ContractStatus.Completed);
        var scores = await UniformAsync(db, c, AssessmentLine.Final, 92m);
        await using (var leader = db.Scope(world.Leader))
            await leader.Get<AssessmentService>().CreateAsync(new AssessmentInput { ContractId = c.Id, Line = AssessmentLine.Final, Scores = scores });

        await using var check = db.AsSystem();
        var r = await check.Db.CreditRecords.SingleAsync();
        Assert.Equal(("final_excellent", 3, CreditSource.Evaluation), (r.Kind, r.Points, r.Source));
        var g = await check.Db.CreditGrades.SingleAsync();
        Assert.Equal((CreditGradeLevel.Excellent, 95m), (g.Grade, g.Score));
    }

    [Theory, BothDatabases]
    public async Task PerformanceEvents_BecomeRecordsOnceAndTheSupervisedOverdueDoesNotCount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        await using (var s = db.AsSystem())
        {
            s.Db.CreditEvents.AddRange(
                new CreditEvent { RegionId = world.Region.Id, PartyKind = CreditPartyKind.Supplier, PartyId = world.OtherSupplier.Id, Kind = CreditEvent.OverdueCompleted, OccurredOn = new DateOnly(2026, 5, 3), ContractId = c.Id, Source = "overdue:1", CountsAsDishonest = false },
                new CreditEvent { RegionId = world.Region.Id, PartyKind = CreditPartyKind.Supplier, PartyId = world.Supplier.Id, Kind = CreditEvent.TerminationBreach, OccurredOn = new DateOnly(2026, 5, 20), ContractId = c.Id, Source = "termination:1", CountsAsDishonest = true, Note = "未按约提供服务" },
                new CreditEvent { RegionId = world.Region.Id, PartyKind = CreditPartyKind.Purchaser, PartyId = world.Unit.Id, Kind = CreditEvent.OverdueCompleted, OccurredOn = new DateOnly(2026, 5, 21), ContractId = c.Id, Source = "overdue:2", CountsAsDishonest = false });
            await s.Db.SaveChangesAsync();
        }

        await using (var s = db.AsSystem())
        {
            Assert.Equal(3, await s.Get<PerformanceCreditSync>().SyncAsync());
            Assert.Equal(0, await s.Get<PerformanceCreditSync>().SyncAsync());
        }

        await using var check = db.AsSystem();
        var credit = check.Get<CreditService>();
        var breach = (await credit.RecordsAsync(CreditSubject.Supplier, world.Supplier.Id)).Single();
        Assert.Equal(("terminated_for_breach", true, true, CreditSource.Performance), (breach.Kind, breach.Dishonest, breach.Counted, breach.Source));
        Assert.Contains("未按约提供服务", breach.Summary);
        Assert.Equal(CreditGradeLevel.Poor, (await credit.GradesAsync(CreditSubject.Supplier, world.Supplier.Id)).Single().Grade);
        var overdue = (await credit.RecordsAsync(CreditSubject.Supplier, world.OtherSupplier.Id)).Single();
        Assert.Equal(("overdue_supervised", false, false), (overdue.Kind, overdue.Dishonest, overdue.Counted));
        Assert.Equal(CreditGradeLevel.Good, (await credit.GradesAsync(CreditSubject.Supplier, world.OtherSupplier.Id)).Single().Grade); // base 80, nothing counts
        Assert.Equal(CreditGradeLevel.Excellent, (await credit.GradesAsync(CreditSubject.BudgetUnit, world.Unit.Id)).Single().Grade);
    }

    [Theory, BothDatabases]
    public async Task CreditSyncJob_RecordsNewPerformanceEventsAsTheSystem(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        await using (var s = db.AsSystem())
        {
            s.Db.CreditEvents.Add(new CreditEvent { RegionId = world.Region.Id, PartyKind = CreditPartyKind.Supplier, PartyId = world.Supplier.Id, Kind = CreditEvent.TerminationBreach, OccurredOn = new DateOnly(2026, 5, 20), ContractId = c.Id, Source = "termination:9", CountsAsDishonest = true });
            await s.Db.SaveChangesAsync();
        }

        await using (var s = db.AsSystem())
        {
            var handler = s.Get<IEnumerable<Lvyue.Jobs.IJobHandler>>().Single(h => h.Kind == CreditSyncJob.JobKind);
            await handler.RunAsync(new Lvyue.Jobs.JobRun(new Lvyue.Jobs.Job { Kind = CreditSyncJob.JobKind }, s.Db, DateTime.UtcNow), CancellationToken.None);
        }

        await using var check = db.AsSystem();
        Assert.Equal("credit-event:" + (await check.Db.CreditEvents.SingleAsync()).Id, (await check.Db.CreditRecords.SingleAsync()).SourceKey);
        Assert.Equal(CreditGradeLevel.Poor, (await check.Db.CreditGrades.SingleAsync()).Grade);
    }
}
