using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Evaluation;
using Lvyue.Organizations;
using Lvyue.Performance;
using Lvyue.Risk;
using Lvyue.Testing;
using Lvyue.Tests.Performance;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Risk;

/// <summary>
/// The counterparty check (相对方核查): one report per supplier gathering star ratings, credit grade and records,
/// restrictions in force, overdue and termination register entries and contracts with the caller's region, and bid
/// bans, each turned into a finding; other units' contracts are counted but not identified; bad requests are refused.
/// </summary>
public sealed class CounterpartyCheckTests
{
    private static Lvyue.Accounts.TenantScope CreditOffice(TestWorld w) =>
        Lvyue.Accounts.TenantScope.ForRegion(w.Region.Id, $"credit@{w.Region.Code}") with { Roles = [Lvyue.Accounts.Roles.CreditOffice] };

    private static async Task<long> FiledAsync(TestDatabase db, Lvyue.Accounts.TenantScope clerk, ContractInput input, ContractStatus status)
    {
        long id;
        await using (var s = db.Scope(clerk)) id = (await s.Filing.CreateAsync(input, [TestFiles.Txt()])).Id;
        await using var sys = db.AsSystem();
        await sys.Db.Contracts.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status));
        return id;
    }

    [Theory, BothDatabases]
    public async Task Check_GathersRatingsCreditRestrictionsRegistersContractsAndBidBansOfTheRegion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var neighbour = await TestWorld.CreateAsync(db, "440304", "邻区");
        SetToday(db, 2026, 7, 15);
        // Assessments below 85 on average: a bid ban for 2026 and a services star rating.
        var assessed = await PerformingAsync(db, world, "KH-001", start: new DateOnly(2026, 4, 1), end: new DateOnly(2026, 6, 30));
        await DailyAsync(db, world, assessed, 2026, 4, 84m);
        await DailyAsync(db, world, assessed, 2026, 5, 84m);
        await DailyAsync(db, world, assessed, 2026, 6, 86m);
        // Another unit's contract with the supplier, late on a delivery the supplier owes.
        var others = await FiledAsync(db, world.OtherClerk, world.OtherInput("WS-009", 200_000m) with { SupplierIds = [world.Supplier.Id] }, ContractStatus.Performing);
        await using (var s = db.Scope(world.OtherClerk))
            await s.Get<MilestoneService>().AddAsync(others, PerformanceWorld.Delivery(new DateOnly(2026, 7, 1)));
        await using (var s = db.AsSystem()) await s.Get<OverdueSweep>().RunAsync(db.Clock.GetUtcNow());
        // A contract of the clerk's unit terminated for the supplier's breach.
        var ended = await FiledAsync(db, world.Clerk, world.Input("JY-TERM", 80_000m), ContractStatus.Performing);
        await using (var sup = db.Scope(world.Supervisor))
        {
            var entry = await sup.Get<TerminationRegister>().MoveAsync(ended, "供应商擅自停工", []);
            await sup.Get<TerminationRegister>().RecordOutcomeAsync(entry.Id, BreachingParty.Supplier, null, "仲裁裁决供应商违约");
        }
        // A dishonesty determination with a six-month restriction.
        long determination;
        await using (var sup = db.Scope(world.Supervisor))
            determination = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.Supplier, world.Supplier.Id, ended,
                "擅自停工，经约谈仍未复工。", "《政府采购法》第七十七条", null, null, 6))).Id;
        await using (var office = db.Scope(CreditOffice(world))) await office.Get<DeterminationService>().ConfirmAsync(determination, "同意");
        // The neighbouring region's contract with the same supplier is not this region's business.
        await FiledAsync(db, neighbour.Clerk, neighbour.Input("LQ-1", 999_000m) with { SupplierIds = [world.Supplier.Id] }, ContractStatus.Performing);

        CounterpartyReport report;
        await using (var clerk = db.Scope(world.Clerk)) report = await clerk.Get<CounterpartyCheck>().CheckAsync(world.Supplier.Uscc.ToLowerInvariant());

        Assert.Equal((world.Supplier.Id, world.Supplier.Name, world.Region.Id, new DateOnly(2026, 7, 15)), (report.SupplierId, report.Name, report.RegionId, report.AsOf));
        await using (var check = db.AsSystem())
        {
            var stored = await check.Db.StarRatings.AsNoTracking().Where(r => r.SupplierId == world.Supplier.Id).ToListAsync();
            Assert.Equal(stored.Select(r => (r.Category, r.Stars, r.Score)), report.Ratings.Select(r => (r.Category, r.Stars, r.Score)));
            Assert.NotEmpty(report.Ratings);
            var grade = await check.Db.CreditGrades.AsNoTracking().Where(g => g.SubjectId == world.Supplier.Id && g.Subject == CreditSubject.Supplier).OrderByDescending(g => g.Year).FirstAsync();
            Assert.Equal((grade.Year, grade.Grade, grade.Score), (report.Grade!.Year, report.Grade.Grade, report.Grade.Score));
        }
        Assert.Contains(report.CreditRecords, r => r.Dishonest && r.Counts && r.Kind == "dishonesty");
        var sanction = Assert.Single(report.Sanctions);
        Assert.Equal((new DateOnly(2026, 7, 15), new DateOnly(2027, 1, 14), world.Region.Name), (sanction.From, sanction.Until, sanction.RegionName));

        var late = Assert.Single(report.Overdue);
        Assert.Equal((MilestoneKind.Delivery, 14, world.OtherUnit.Name), (late.Kind, late.DaysOverdue, late.UnitName));
        Assert.Null(late.ContractNumber); // another unit's contract: counted, not identified
        Assert.Null(late.ContractId);
        var termination = Assert.Single(report.Terminations);
        Assert.Equal((BreachingParty.Supplier, "JY-TERM", (long?)ended), (termination.Outcome, termination.ContractNumber, termination.ContractId));

        Assert.Equal((3, 365_000m + 200_000m + 80_000m, 2, 1), (report.Contracts.Count, report.Contracts.Amount, report.Contracts.Performing, report.Contracts.Terminated));
        var ban = Assert.Single(report.PolicyEvents, e => e.Kind == PolicyEventKind.BidBan);
        Assert.True(ban.InForce);
        Assert.Equal(2026, ban.Year);

        Assert.Equal(RiskLevel.High, report.Level);
        Assert.Equal(["sanction", "dishonest", "bid-ban"], report.Flags.Where(f => f.Level == RiskLevel.High && f.Code != "grade").Select(f => f.Code));
        Assert.Contains(report.Flags, f => f.Code == "overdue" && f.Level == RiskLevel.Medium && f.Zh.Contains("最长逾期14天"));
        Assert.Contains(report.Flags, f => f.Code == "termination" && f.Level == RiskLevel.Medium);

        // The region's supervisor sees which contract is late; the neighbouring region sees only its own contract.
        await using (var sup = db.Scope(world.Supervisor))
            Assert.Equal("WS-009", Assert.Single((await sup.Get<CounterpartyCheck>().CheckAsync(world.Supplier.Uscc)).Overdue).ContractNumber);
        await using (var there = db.Scope(neighbour.Clerk))
        {
            var seen = await there.Get<CounterpartyCheck>().CheckAsync(world.Supplier.Uscc);
            Assert.Equal((1, 999_000m), (seen.Contracts.Count, seen.Contracts.Amount));
            Assert.Empty(seen.Overdue);
            Assert.Empty(seen.Terminations);
            Assert.Single(seen.Sanctions); // a restriction is shown wherever it was imposed
        }
        // A supplier with no history: low risk, flagged as new to the region.
        await using (var clerk = db.Scope(world.Clerk))
        {
            var fresh = await clerk.Get<CounterpartyCheck>().CheckAsync(neighbour.OtherSupplier.Uscc);
            Assert.Equal((RiskLevel.Low, "new"), (fresh.Level, Assert.Single(fresh.Flags).Code));
            Assert.Empty(fresh.Ratings);
            Assert.Null(fresh.Grade);
        }
    }

    [Theory, BothDatabases]
    public async Task Search_FindsByNameOrUsccAndBadRequestsAreRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var s = db.AsSystem())
        {
            s.Db.Sanctions.Add(new Sanction
            {
                SupplierId = world.OtherSupplier.Id, RegionId = world.Region.Id, From = new DateOnly(2026, 1, 1), Until = new DateOnly(2026, 12, 31),
                Reason = "测试限制", CreatedBy = "test", CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            });
            await s.Db.SaveChangesAsync();
        }
        await using (var clerk = db.Scope(world.Clerk))
        {
            var check = clerk.Get<CounterpartyCheck>();
            var byName = await check.SearchAsync("示范区");
            Assert.Equal(new[] { world.Supplier.Id, world.OtherSupplier.Id }.Order(), byName.Select(m => m.SupplierId).Order());
            Assert.Equal([false, true], byName.OrderBy(m => m.SupplierId == world.OtherSupplier.Id).Select(m => m.Restricted));
            var byCode = Assert.Single(await check.SearchAsync(world.OtherSupplier.Uscc[..17].ToLowerInvariant()));
            Assert.Equal(world.OtherSupplier.Id, byCode.SupplierId);
            Assert.Empty(await check.SearchAsync("不存在的公司"));

            Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<DomainException>(() => check.SearchAsync(" 示"))).Kind);
            var bad = await Assert.ThrowsAsync<DomainException>(() => check.CheckAsync(world.Supplier.Uscc[..17] + "X"));
            Assert.Equal(ErrorKind.Invalid, bad.Kind);
            Assert.True(bad.Errors.ContainsKey("uscc"));
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => check.CheckAsync(Uscc.Complete("91440300MA0000999")))).Kind);
        }
        await using (var supplier = db.Scope(world.SupplierLogin))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => supplier.Get<CounterpartyCheck>().CheckAsync(world.OtherSupplier.Uscc))).Kind);
        await using (var admin = db.Scope(Lvyue.Accounts.TenantScope.None("sysadmin")))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => admin.Get<CounterpartyCheck>().SearchAsync("示范区"))).Kind);
    }
}
