using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Credit.Kpi;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Kpi.KpiSteps;

namespace Lvyue.Tests.Kpi;

/// <summary>The unit KPI from the database: facts gathered per unit, stored results, veto, tenancy, rules as versioned data, commendation.</summary>
public sealed class KpiServiceTests
{
    [Theory, BothDatabases]
    public async Task Compute_ScoresEachUnitFromItsFactsAndStoresTheEventsBehindIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var (a, b, c) = await YearAsync(db, world);

        await using (var sup = db.Scope(world.Supervisor))
            Assert.Equal(2, await sup.Get<KpiService>().ComputeAsync(world.Region.Id, 2026));

        await using var check = db.Scope(world.Supervisor);
        var rows = await check.Get<KpiService>().ListAsync(world.Region.Id, 2026);
        var other = rows.Single(r => r.BudgetUnitId == world.OtherUnit.Id).Result;
        Assert.Equal((100m, CreditGradeLevel.Excellent), (other.Score, other.Grade));
        var mine = rows.Single(r => r.BudgetUnitId == world.Unit.Id).Result;
        Assert.Equal((66.67m, 66.67m, 65m, 66.34m, CreditGradeLevel.Fair, 1), (mine.ContractScore, mine.PerformanceScore, mine.EvaluationScore, mine.Score, mine.Grade, mine.PolicyVersion));
        Assert.Equal(new DateOnly(2026, 6, 1), mine.AsOf);
        var indicators = mine.Indicators().ToDictionary(i => i.Code);
        var filing = indicators["filing_on_time"];
        Assert.Equal((3, 1), (filing.Count, filing.OkCount));
        Assert.Equal([a.Id], filing.Events.Where(e => e.Ok).Select(e => e.ContractId!.Value));
        Assert.Contains(filing.Events, e => e.ContractId == b.Id && e.Zh.Contains("2026-03-20备案") && e.Zh.Contains("期限2026-03-11"));
        Assert.Contains(filing.Events, e => e.ContractId == c.Id && e.Zh.Contains("未备案"));
        Assert.Equal((2, 2), (indicators["documents_complete"].Count, indicators["documents_complete"].OkCount));
        var milestones = indicators["milestones_on_time"];
        Assert.Equal(["二期款", "首期款"], milestones.Events.Select(e => e.Zh.Split('：')[0]).Order());
        Assert.Equal(33.33m, indicators["overdue"].Score);
        var periodic = indicators["assessments_on_schedule"];
        Assert.Equal(["2026-03 True", "2026-04 False"], periodic.Events.Select(e => $"{e.On:yyyy-MM} {e.Ok}"));
    }

    [Theory, BothDatabases]
    public async Task ADeterminationConfirmedInTheYear_VetoesTheUnit_UnlessRevoked(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetClock(db, 2026, 5, 10);
        long id;
        await using (var sup = db.Scope(world.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.BudgetUnit, world.OtherUnit.Id, null,
                "无正当理由拒不验收并拖欠中小企业货款", "《政府采购法》第七十一条", null, null, 0))).Id;
        await using (var office = db.Scope(CreditOffice(world)))
            await office.Get<DeterminationService>().ConfirmAsync(id, "同意");

        await using (var sup = db.Scope(world.Supervisor))
        {
            await sup.Get<KpiService>().ComputeAsync(world.Region.Id, 2026);
            var r = (await sup.Get<KpiService>().UnitAsync(world.OtherUnit.Id, 2026)).Result!;
            Assert.Equal((100m, CreditGradeLevel.Poor, true), (r.Score, r.Grade, r.Vetoed));
            Assert.Contains("一票否决", r.Reason);
            Assert.Contains("信用认定〔2026〕1号", r.Reason);
            // not the previous year's: the determination was confirmed in 2026
            await sup.Get<KpiService>().ComputeAsync(world.Region.Id, 2025);
            Assert.False((await sup.Get<KpiService>().UnitAsync(world.OtherUnit.Id, 2025)).Result!.Vetoed);
        }

        SetClock(db, 2026, 5, 20);
        await using (var unit = db.Scope(world.OtherClerk))
            await unit.Get<DeterminationService>().AppealAsync(id, "已于4月支付全部货款");
        await using (var office = db.Scope(CreditOffice(world)))
        {
            await office.Get<DeterminationService>().DecideAppealAsync(id, revoke: true, "申诉成立");
            await office.Get<KpiService>().ComputeAsync(world.Region.Id, 2026);
        }
        await using var check = db.Scope(world.Supervisor);
        var after = (await check.Get<KpiService>().UnitAsync(world.OtherUnit.Id, 2026)).Result!;
        Assert.Equal((CreditGradeLevel.Excellent, false), (after.Grade, after.Vetoed));
    }

    [Theory, BothDatabases]
    public async Task AUnitSeesOnlyItsOwnResult_AndOnlyTheRegionComputes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "福田区");
        SetClock(db, 2026, 6, 1);
        await using (var sup = db.Scope(world.Supervisor))
            await sup.Get<KpiService>().ComputeAsync(world.Region.Id, 2026);

        await using var clerk = db.Scope(world.Clerk);
        var kpi = clerk.Get<KpiService>();
        Assert.Equal([world.Unit.Id], (await kpi.ListAsync(world.Region.Id, 2026)).Select(r => r.BudgetUnitId));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => kpi.UnitAsync(world.OtherUnit.Id, 2026))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => kpi.ComputeAsync(world.Region.Id, 2026))).Kind);
        await using var foreign = db.Scope(other.Supervisor);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => foreign.Get<KpiService>().ComputeAsync(world.Region.Id, 2026))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => foreign.Get<KpiService>().UnitAsync(world.Unit.Id, 2026))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => foreign.Get<KpiService>().ListAsync(world.Region.Id, 2026))).Kind);
    }

    [Theory, BothDatabases]
    public async Task RevisedRules_AreANewVersion_BadRulesWriteNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await YearAsync(db, world);
        await using (var sup = db.Scope(world.Supervisor))
        {
            var kpi = sup.Get<KpiService>();
            Assert.Equal(1, (await kpi.PolicyAsync(world.Region.Id)).Version);
            var bad = await Assert.ThrowsAsync<DomainException>(() => kpi.ReviseAsync(world.Region.Id, KpiParameters.Defaults with { ContractWeight = 70m }, null));
            Assert.Contains("contractWeight", bad.Errors.Keys);
            Assert.Single(await kpi.PolicyHistoryAsync(world.Region.Id));
            var v2 = await kpi.ReviseAsync(world.Region.Id, KpiParameters.Defaults with { ContractWeight = 100m, PerformanceWeight = 0m, EvaluationWeight = 0m }, "只考核合同管理");
            Assert.Equal(2, v2.Version);
            await kpi.ComputeAsync(world.Region.Id, 2026);
        }
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<KpiService>().ReviseAsync(world.Region.Id, KpiParameters.Defaults, null))).Kind);
        await using var check = db.Scope(world.Supervisor);
        var r = (await check.Get<KpiService>().UnitAsync(world.Unit.Id, 2026)).Result!;
        Assert.Equal((2, 66.67m, CreditGradeLevel.Fair), (r.PolicyVersion, r.Score, r.Grade));
        Assert.Equal(2, await check.Db.KpiPolicies.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task TwoExcellentYearsRunning_PutAUnitOnTheCommendationList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await YearAsync(db, world);
        await using var sup = db.Scope(world.Supervisor);
        var kpi = sup.Get<KpiService>();
        await kpi.ComputeAsync(world.Region.Id, 2026);
        Assert.Empty(await kpi.CommendationAsync(world.Region.Id, 2026)); // no 2025 results yet
        await kpi.ComputeAsync(world.Region.Id, 2025);

        var list = await kpi.CommendationAsync(world.Region.Id, 2026);

        // both units were 优 in 2025 (no facts); only the other one is 优 in 2026
        var unit = Assert.Single(list);
        Assert.Equal((world.OtherUnit.Id, 100m, 100m), (unit.BudgetUnitId, unit.Score, unit.PreviousScore));
        var future = await Assert.ThrowsAsync<DomainException>(() => kpi.ComputeAsync(world.Region.Id, 2027));
        Assert.Equal(ErrorKind.Invalid, future.Kind);
    }

    private static void SetClock(TestDatabase db, int y, int m, int d) => Lvyue.Tests.Evaluation.EvaluationSteps.SetToday(db, y, m, d);
}
