using Lvyue.Credit;
using Lvyue.Testing;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Credit;

/// <summary>The credit report and the reward lists.</summary>
public sealed class CreditReportTests
{
    [Theory, BothDatabases]
    public async Task Report_ListsGradesRatingsAndRecordsOfASupplier(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 1);
        var c = await PerformingAsync(db, world, "KH-001");
        await DailyAsync(db, world, c, 2026, 3, 79m);

        await using var s = db.AsSystem();
        var lines = await s.Get<CreditReport>().LinesAsync(CreditSubject.Supplier, world.Supplier.Id);

        Assert.Equal("信用报告", lines[0]);
        Assert.Contains(lines, l => l.Contains(world.Supplier.Uscc));
        Assert.Contains(lines, l => l.StartsWith("2026年：") && l.Contains("信用分"));
        Assert.Contains(lines, l => l.StartsWith("服务类：") && l.Contains("星"));
        Assert.Contains(lines, l => l.Contains("考核扣款") && l.Contains("-2分"));
        var pdf = await s.Get<CreditReport>().PdfAsync(CreditSubject.Supplier, world.Supplier.Id);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        await Assert.ThrowsAsync<Lvyue.Common.DomainException>(() => s.Get<CreditReport>().LinesAsync(CreditSubject.Supplier, 987654));
    }

    [Theory, BothDatabases]
    public async Task Lists_NameExcellentSuppliersAndUnitsExcellentTwoYearsRunning(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var s = db.AsSystem();
        CreditGrade G(CreditSubject subject, long id, int year, CreditGradeLevel grade) => new()
        {
            Subject = subject, SubjectId = id, Year = year, Grade = grade, Score = grade == CreditGradeLevel.Excellent ? 95m : 80m, Reason = "r", ReasonEn = "r", AsOf = new DateOnly(year, 12, 31),
        };
        s.Db.CreditGrades.AddRange(
            G(CreditSubject.Supplier, world.Supplier.Id, 2026, CreditGradeLevel.Excellent), G(CreditSubject.Supplier, world.OtherSupplier.Id, 2026, CreditGradeLevel.Good),
            G(CreditSubject.BudgetUnit, world.Unit.Id, 2025, CreditGradeLevel.Excellent), G(CreditSubject.BudgetUnit, world.Unit.Id, 2026, CreditGradeLevel.Excellent),
            G(CreditSubject.BudgetUnit, world.OtherUnit.Id, 2025, CreditGradeLevel.Good), G(CreditSubject.BudgetUnit, world.OtherUnit.Id, 2026, CreditGradeLevel.Excellent));
        await s.Db.SaveChangesAsync();
        var report = s.Get<CreditReport>();

        Assert.Equal([world.Supplier.Id], (await report.ListAsync("credit-loan-referral", 2026)).Select(r => r.Id));
        Assert.Equal([world.Unit.Id], (await report.ListAsync("commendation", 2026)).Select(r => r.Id));
        Assert.Empty(await report.ListAsync("commendation", 2025));
        await Assert.ThrowsAsync<Lvyue.Common.DomainException>(() => report.ListAsync("nonsense", 2026));
    }
}
