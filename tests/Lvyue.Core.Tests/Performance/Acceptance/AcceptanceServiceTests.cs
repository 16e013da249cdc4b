using Lvyue.Common;
using Lvyue.Performance;
using Lvyue.Performance.Acceptance;
using Lvyue.Testing;
using Lvyue.Tests.Performance.Payments;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance.Acceptance;

/// <summary>Acceptance records: findings, the milestones they resolve, the timeline, bad input.</summary>
public sealed class AcceptanceServiceTests
{
    private static AcceptanceInput Passed(DateOnly date) => new()
    {
        Date = date, Result = AcceptanceResult.Passed, Participants = "采购人：李经办；供应商：郑经理；专家：王工",
        Findings =
        [
            new FindingInput("保洁面积", "合同附件一：12,000平方米", FindingResult.Conforms, null),
            new FindingInput("人员配置", "不少于8人", FindingResult.Conforms, "现场核对花名册"),
            new FindingInput("", null, null, null),
        ],
    };

    [Theory, BothDatabases]
    public async Task PassedAcceptance_MeetsItsMilestoneAndGivesThePaymentItsDueDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        var (acceptance, payment) = await PaymentsWorld.AcceptanceThenPaymentAsync(db, c, 20_000m, days: 30);

        AcceptanceRecord record;
        await using (var clerk = db.Scope(world.Clerk))
            record = await clerk.Get<AcceptanceService>().RecordAsync(c.Id, Passed(new DateOnly(2026, 3, 1)), TestFiles.Pdf("验收报告.pdf"));

        await using var check = db.AsSystem();
        var stored = await check.Db.AcceptanceRecords.Include(a => a.Findings).SingleAsync();
        Assert.Equal(2, stored.Findings.Count);
        Assert.NotNull(stored.ReportDocumentId);
        var met = await check.Db.Milestones.SingleAsync(m => m.Id == acceptance.Id);
        Assert.Equal((MilestoneStatus.Met, new DateOnly(2026, 3, 1), stored.ReportDocumentId), (met.Status, met.MetDate!.Value, met.EvidenceDocumentId));
        Assert.Equal(new DateOnly(2026, 3, 31), (await check.Db.Milestones.SingleAsync(m => m.Id == payment.Id)).DueDate);
        var note = await check.Db.ContractEvents.Where(e => e.ContractId == c.Id && e.Kind == "acceptance").Select(e => e.Note).SingleAsync();
        Assert.Contains("验收合格", note);
        Assert.Contains("2026-03-31", note);
    }

    [Theory, BothDatabases]
    public async Task FailedAcceptance_ResolvesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        var (acceptance, payment) = await PaymentsWorld.AcceptanceThenPaymentAsync(db, c, 20_000m);
        await using (var clerk = db.Scope(world.Clerk))
            await clerk.Get<AcceptanceService>().RecordAsync(c.Id, Passed(new DateOnly(2026, 3, 1)) with
            {
                Result = AcceptanceResult.Failed,
                Findings = [new FindingInput("人员配置", "不少于8人", FindingResult.Deviates, "仅5人")],
            });

        await using var check = db.AsSystem();
        Assert.Equal(MilestoneStatus.Planned, (await check.Db.Milestones.SingleAsync(m => m.Id == acceptance.Id)).Status);
        Assert.Null((await check.Db.Milestones.SingleAsync(m => m.Id == payment.Id)).DueDate);
    }

    [Theory, BothDatabases]
    public async Task BadAcceptances_AreRefusedAndWriteNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        await using (var clerk = db.Scope(world.Clerk))
        {
            var svc = clerk.Get<AcceptanceService>();
            // In the future (the test clock is 2 March 2026), and without participants.
            var e1 = await Assert.ThrowsAsync<DomainException>(() => svc.RecordAsync(c.Id, Passed(new DateOnly(2026, 3, 3)) with { Participants = " " }, TestFiles.Pdf()));
            Assert.Contains("date", e1.Errors.Keys);
            Assert.Contains("participants", e1.Errors.Keys);
            // Before the contract was signed.
            Assert.Contains("date", (await Assert.ThrowsAsync<DomainException>(() => svc.RecordAsync(c.Id, Passed(new DateOnly(2026, 2, 1))))).Errors.Keys);
            // "Passed" with a deviating finding, and a finding without its standard.
            var e3 = await Assert.ThrowsAsync<DomainException>(() => svc.RecordAsync(c.Id, Passed(new DateOnly(2026, 3, 1)) with
            {
                Findings = [new FindingInput("人员配置", "不少于8人", FindingResult.Deviates, null), new FindingInput("保洁", null, FindingResult.Conforms, null)],
            }));
            Assert.Contains("result", e3.Errors.Keys);
            Assert.Contains("findings[1].standard", e3.Errors.Keys);
        }
        await using (var supplier = db.Scope(world.SupplierLogin))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() =>
                supplier.Get<AcceptanceService>().RecordAsync(c.Id, Passed(new DateOnly(2026, 3, 1))))).Kind);

        await using var check = db.AsSystem();
        Assert.Empty(await check.Db.AcceptanceRecords.ToListAsync());
        Assert.Single(await check.Db.ContractDocuments.Where(d => d.ContractId == c.Id).ToListAsync());
        Assert.DoesNotContain("acceptance", await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).Select(e => e.Kind).ToListAsync());
    }
}
