using System.Text;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Disclosure;
using Lvyue.Evaluation;
using Lvyue.Testing;
using Lvyue.Tests.Kpi;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Disclosure;

/// <summary>Periodic publication lists: contents in force at the period's end, frozen versions, refusals, exports; public ratings.</summary>
public sealed class PublicationServiceTests
{
    private static async Task<long> ConfirmedAsync(TestDatabase db, TestWorld world, int months)
    {
        long id;
        await using (var sup = db.Scope(world.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.Supplier, world.Supplier.Id, null,
                "连续两期考核不合格且拒不整改", "《政府采购法》第七十七条", null, null, months))).Id;
        await using var office = db.Scope(KpiSteps.CreditOffice(world));
        return (await office.Get<DeterminationService>().ConfirmAsync(id, "同意")).Id;
    }

    [Theory, BothDatabases]
    public async Task AList_KeepsItsContentWhenRecordsChange_AndAgainIsTheNextVersion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 5, 10);
        await ConfirmedAsync(db, world, months: 6);
        SetToday(db, 2026, 6, 2);
        Publication determinations, sanctions;
        await using (var office = db.Scope(KpiSteps.CreditOffice(world)))
        {
            var svc = office.Get<PublicationService>();
            determinations = await svc.GenerateAsync(world.Region.Id, PublicationKind.Determinations, "2026-05");
            sanctions = await svc.GenerateAsync(world.Region.Id, PublicationKind.Sanctions, "2026-05");
        }
        var row = Assert.Single(determinations.Rows());
        Assert.Equal(("示范区信用认定〔2026〕1号", world.Supplier.Name, world.Supplier.Uscc, new DateOnly(2026, 5, 10)), (row.Number, row.Name, row.Uscc, row.From));
        var restriction = Assert.Single(sanctions.Rows());
        Assert.Equal((new DateOnly(2026, 5, 10), new DateOnly(2026, 11, 9)), (restriction.From, restriction.Until));
        Assert.Equal((1, PublicationPeriod.Monthly, new DateOnly(2026, 5, 31)), (determinations.Version, determinations.Period, determinations.PeriodEnd));

        await using (var s = db.AsSystem())
        {
            var sup = await s.Db.Suppliers.SingleAsync(x => x.Id == world.Supplier.Id);
            sup.Name = "更名后的物业公司";
            await s.Db.SaveChangesAsync();
        }
        await using (var office = db.Scope(KpiSteps.CreditOffice(world)))
        {
            var again = await office.Get<PublicationService>().GenerateAsync(world.Region.Id, PublicationKind.Sanctions, "2026-05");
            Assert.Equal(2, again.Version);
            Assert.Equal("更名后的物业公司", Assert.Single(again.Rows()).Name);
            var first = await office.Get<PublicationService>().GetAsync(sanctions.Id);
            Assert.Equal((world.Supplier.Name, sanctions.Sha256), (Assert.Single(first.Rows()).Name, first.Sha256));
            var latest = await office.Get<PublicationService>().ListAsync(world.Region.Id, PublicationKind.Sanctions, latestOnly: true);
            Assert.Equal([again.Id], latest.Select(p => p.Id));
        }
    }

    [Theory, BothDatabases]
    public async Task BadPeriodsAndOutsiders_AreRefusedAndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 2);
        await using (var office = db.Scope(KpiSteps.CreditOffice(world)))
        {
            var svc = office.Get<PublicationService>();
            foreach (var bad in new[] { "2026-13", "2026-Q5", "六月", "", "2026-06", "2026-Q2" })
            {
                var e = await Assert.ThrowsAsync<DomainException>(() => svc.GenerateAsync(world.Region.Id, PublicationKind.Determinations, bad));
                Assert.Equal(ErrorKind.Invalid, e.Kind);
                Assert.Contains("period", e.Errors.Keys);
            }
        }
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() =>
                clerk.Get<PublicationService>().GenerateAsync(world.Region.Id, PublicationKind.Determinations, "2026-05"))).Kind);
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.Publications.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task TheRedList_HoldsTheRegionsExcellentSuppliers_AndExportsInThreeFormats(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await PerformingAsync(db, world, "HX-001");
        await using (var clerk = db.Scope(world.OtherClerk))
            await clerk.Filing.CreateAsync(world.OtherInput("HX-002"));
        SetToday(db, 2026, 7, 3);
        await using (var s = db.AsSystem())
        {
            CreditGrade G(long supplier, CreditGradeLevel grade, decimal score) => new()
            {
                Subject = CreditSubject.Supplier, SubjectId = supplier, Year = 2026, Grade = grade, Score = score, Reason = "r", ReasonEn = "r",
                RulesVersion = 1, AsOf = new DateOnly(2026, 6, 30), ComputedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            s.Db.CreditGrades.AddRange(G(world.Supplier.Id, CreditGradeLevel.Excellent, 95.5m), G(world.OtherSupplier.Id, CreditGradeLevel.Good, 85m));
            s.Db.StarRatings.Add(new StarRating { SupplierId = world.Supplier.Id, Category = Category.Services, Stars = 4.5m, Score = 92m, ContractCount = 1, AssessmentCount = 3, AsOf = new DateOnly(2026, 6, 30), FormulaVersion = 1, ComputedAt = db.Clock.GetUtcNow().UtcDateTime });
            await s.Db.SaveChangesAsync();
        }
        Publication red;
        await using (var sup = db.Scope(world.Supervisor))
            red = await sup.Get<PublicationService>().GenerateAsync(world.Region.Id, PublicationKind.RedList, "2026-Q2");

        var row = Assert.Single(red.Rows());
        Assert.Equal((world.Supplier.Uscc, 95.5m), (row.Uscc, row.Score));
        var table = PublicationService.Table(red, world.Region.Name);
        var csv = Encoding.UTF8.GetString(ListExport.Write(table, "csv", "red").Bytes);
        Assert.Contains(world.Supplier.Name, csv);
        Assert.DoesNotContain(world.OtherSupplier.Name, csv);
        Assert.Equal("PK"u8.ToArray(), ListExport.Write(table, "xlsx", "red").Bytes[..2]);
        Assert.Equal("%PDF"u8.ToArray(), ListExport.Write(table, "pdf", "red").Bytes[..4]);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<DomainException>(() => ListExport.Write(table, "doc", "red")).Kind);

        await using var anyone = db.AsSystem();
        var ratings = anyone.Get<PublicRatings>();
        var found = Assert.Single((await ratings.SearchAsync("物业", 1)).Items);
        Assert.Equal((world.Supplier.Uscc, 4.5m), (found.Uscc, found.Stars[Category.Services]));
        Assert.Single((await ratings.SearchAsync(world.Supplier.Uscc.ToLowerInvariant(), 1)).Items);
        Assert.Empty((await ratings.SearchAsync("园林", 1)).Items); // rated suppliers only
    }
}
