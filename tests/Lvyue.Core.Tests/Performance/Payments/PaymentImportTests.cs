using Lvyue.Integration;
using Lvyue.Performance;
using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Performance.Payments;

/// <summary>Payment import from the treasury template and the API: matching, all-or-nothing refusals, cross-checks.</summary>
public sealed class PaymentImportTests
{
    private static readonly string[] Headers = ["支付凭证号", "支付日期", "付款单位", "收款人名称", "收款人账号", "支付金额", "合同编号", "用途"];

    private static object?[] Row(string voucher, DateOnly date, string payer, string payee, decimal amount, string? number, string? account = null) =>
        [voucher, date, payer, payee, account, amount, number, "物业费"];

    private static async Task<ImportResult> ImportCsvAsync(TestDatabase db, Lvyue.Accounts.TenantScope scope, IEnumerable<object?[]> rows)
    {
        await using var s = db.Scope(scope);
        return await s.Get<PaymentImport>().ImportAsync(new MemoryStream(ImportFiles.Csv(Headers, rows)), "支付.csv");
    }

    private static void SetToday(TestDatabase db, int month, int day) => db.Clock.Set(new DateTimeOffset(2026, month, day, 2, 0, 0, TimeSpan.Zero));

    [Theory, BothDatabases]
    public async Task TheTemplate_RoundTrips_AndItsExampleMatchesTheContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        SetToday(db, 4, 1);
        var template = new MemoryStream();
        PaymentImport.WriteTemplate(template);
        template.Position = 0;

        ImportResult result;
        await using (var s = db.Scope(world.Supervisor)) result = await s.Get<PaymentImport>().ImportAsync(template, "支付导入模板.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(1, result.Inserted);
        await using var check = db.AsSystem();
        var p = await check.Db.Payments.SingleAsync();
        Assert.Equal((c.Id, PaymentMatch.ContractOnly, 15_000m, new DateOnly(2026, 3, 20), world.Region.Id, world.Unit.Id),
            (p.ContractId!.Value, p.Match, p.Amount, p.PayDate, p.RegionId!.Value, p.BudgetUnitId!.Value));
        Assert.Empty(await check.Db.ComplianceAlerts.ToListAsync());
        Assert.Contains(await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).ToListAsync(), e => e.Kind == "payment" && e.Note!.Contains("ZF2026-440303-000001"));
    }

    [Theory, BothDatabases]
    public async Task DuplicateVouchers_InTheFileOrAlreadyImported_RefuseTheWholeFile(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await PaymentsWorld.FiledAsync(db, world);
        var unit = world.Unit.Name;
        var payee = world.Supplier.Name;
        var first = await ImportCsvAsync(db, world.Supervisor, [Row("V-1", new DateOnly(2026, 3, 1), unit, payee, 1_000m, "JY-2026-001")]);
        Assert.True(first.Succeeded, string.Join("\n", first.Problems));

        var second = await ImportCsvAsync(db, world.Supervisor,
        [
            Row("V-2", new DateOnly(2026, 3, 1), unit, payee, 1_000m, "JY-2026-001"),
            Row("V-2", new DateOnly(2026, 3, 1), unit, payee, 2_000m, "JY-2026-001"),
            Row("V-1", new DateOnly(2026, 3, 1), unit, payee, 3_000m, "JY-2026-001"),
        ]);

        Assert.False(second.Succeeded);
        Assert.Equal(2, second.ProblemCount);
        Assert.Contains(second.Problems, p => p.Row == 3 && p.Column == "支付凭证号" && p.Message.Zh.Contains("与第2行重复"));
        Assert.Contains(second.Problems, p => p.Row == 4 && p.Column == "支付凭证号" && p.Message.Zh.Contains("已导入过"));
        await using var check = db.AsSystem();
        Assert.Equal(["V-1"], await check.Db.Payments.Select(p => p.VoucherNo).ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task UnknownContracts_AreProblemsOfTheirRows_AndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await PaymentsWorld.FiledAsync(db, world);
        long otherUnitsContract;
        await using (var other = db.Scope(world.OtherClerk)) otherUnitsContract = (await other.Filing.CreateAsync(world.OtherInput("WS-2026-001"))).Id;

        var result = await ImportCsvAsync(db, world.Supervisor,
        [
            Row("V-1", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 1_000m, "JY-2026-001"),
            Row("V-2", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 1_000m, "JY-2099-999"),
            // A draft is not a contract payments can be made on.
            Row("V-3", new DateOnly(2026, 3, 1), world.OtherUnit.Name, world.OtherSupplier.Name, 1_000m, "WS-2026-001"),
            Row("V-4", new DateOnly(2026, 3, 9), world.Unit.Name, world.Supplier.Name, -5m, "JY-2026-001"),
        ]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == "合同编号" && p.Message.Zh.Contains("JY-2099-999"));
        Assert.Contains(result.Problems, p => p.Row == 4 && p.Column == "合同编号");
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Column == "支付日期");
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Column == "支付金额");
        await using var check = db.AsSystem();
        Assert.Empty(await check.Db.Payments.ToListAsync());
        Assert.DoesNotContain("payment", await check.Db.ContractEvents.Select(e => e.Kind).ToListAsync());
        Assert.True(otherUnitsContract > 0);
    }

    [Theory, BothDatabases]
    public async Task PaymentsMatchTheirMilestone_AndPayingBeforeAcceptanceRaisesAnAlert(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        var (_, milestone) = await PaymentsWorld.AcceptanceThenPaymentAsync(db, c, 20_000m);

        var result = await ImportCsvAsync(db, world.Supervisor, [Row("V-1", new DateOnly(2026, 3, 1), world.Unit.Code, world.Supplier.Name, 20_000m, "JY-2026-001")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var check = db.AsSystem();
        var p = await check.Db.Payments.SingleAsync();
        Assert.Equal((PaymentMatch.Matched, milestone.Id), (p.Match, p.MilestoneId!.Value));
        var m = await check.Db.Milestones.SingleAsync(x => x.Id == milestone.Id);
        Assert.Equal((MilestoneStatus.Met, new DateOnly(2026, 3, 1)), (m.Status, m.MetDate!.Value));
        var alert = await check.Db.ComplianceAlerts.SingleAsync();
        Assert.Equal((AlertKind.PaidBeforeAcceptance, p.Id, c.Id), (alert.Kind, alert.PaymentId!.Value, alert.ContractId));
    }

    [Theory, BothDatabases]
    public async Task CumulativePaymentsAboveTheAmountPlusApprovedChanges_AndAForeignPayee_RaiseAlerts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        ContractChange ch;
        await using (var clerk = db.Scope(world.Clerk))
            ch = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = 5_000m, Reason = "追加" });
        await using (var leader = db.Scope(world.Leader)) await leader.Get<ChangeService>().ApproveAsync(ch.Id, null);

        // 30,000 + 25,000 = 55,000: exactly the amount with the change, no alert; then 1,000 more to someone else.
        var result = await ImportCsvAsync(db, world.Supervisor,
        [
            Row("V-1", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 30_000m, "JY-2026-001"),
            Row("V-2", new DateOnly(2026, 3, 2), world.Unit.Name, world.Supplier.Name.Replace("有限公司", "（有限公司）").Replace("（有限公司）", "有限公司"), 25_000m, "JY-2026-001"),
        ]);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using (var check = db.AsSystem()) Assert.Empty(await check.Db.ComplianceAlerts.ToListAsync());

        var more = await ImportCsvAsync(db, world.Supervisor, [Row("V-3", new DateOnly(2026, 3, 2), world.Unit.Name, "张三个体户", 1_000m, "JY-2026-001", "6222 0000 1111")]);
        Assert.True(more.Succeeded, string.Join("\n", more.Problems));
        await using var after = db.AsSystem();
        var alerts = await after.Db.ComplianceAlerts.OrderBy(a => a.Kind).ToListAsync();
        Assert.Equal([AlertKind.Overpaid, AlertKind.PayeeNotSupplier], alerts.Select(a => a.Kind));
        Assert.Equal(1_000m, alerts[0].Amount);
        Assert.Contains("张三个体户", alerts[1].Message);
    }

    [Theory, BothDatabases]
    public async Task AnSmePaidAfterTheLegalTerm_RaisesAnAlertWithTheInterestOwed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var s = db.AsSystem())
        {
            (await s.Db.Suppliers.SingleAsync(x => x.Id == world.Supplier.Id)).IsSme = true;
            await s.Db.SaveChangesAsync();
        }
        var c = await PaymentsWorld.FiledAsync(db, world);
        await using (var clerk = db.Scope(world.Clerk))
            await clerk.Get<AcceptanceService>().RecordAsync(c.Id, new AcceptanceInput { Date = new DateOnly(2026, 3, 1), Result = AcceptanceResult.Passed, Participants = "李经办、郑经理" });
        SetToday(db, 5, 1);

        // Due within 30 days of the acceptance (by 31 March): 31 March is on time, 15 April is 15 days late.
        var result = await ImportCsvAsync(db, world.Supervisor,
        [
            Row("V-1", new DateOnly(2026, 3, 31), world.Unit.Name, world.Supplier.Name, 10_000m, "JY-2026-001"),
            Row("V-2", new DateOnly(2026, 4, 15), world.Unit.Name, world.Supplier.Name, 20_000m, "JY-2026-001"),
        ]);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var check = db.AsSystem();
        var alert = await check.Db.ComplianceAlerts.SingleAsync();
        var late = await check.Db.Payments.SingleAsync(p => p.VoucherNo == "V-2");
        Assert.Equal((AlertKind.SmeLatePayment, late.Id, 15, 150m), (alert.Kind, alert.PaymentId!.Value, alert.DaysLate!.Value, alert.Interest!.Value));
        Assert.Contains("万分之五", alert.Message);
    }

    [Theory, BothDatabases]
    public async Task PaymentsWithoutAContractNumber_AreListedAndMatchedByHand(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        var result = await ImportCsvAsync(db, world.Supervisor, [Row("V-1", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 60_000m, null)]);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        long id;
        await using (var other = db.Scope(world.OtherClerk)) Assert.Empty(await other.Get<PaymentService>().UnmatchedAsync());
        await using (var s = db.Scope(world.Supervisor))
        {
            var unmatched = await s.Get<PaymentService>().UnmatchedAsync();
            id = Assert.Single(unmatched).Id;
            Assert.Equal(PaymentMatch.Unmatched, unmatched[0].Match);
            await s.Get<PaymentService>().MatchAsync(id, c.Id);
            var again = await Assert.ThrowsAsync<Lvyue.Common.DomainException>(() => s.Get<PaymentService>().MatchAsync(id, c.Id));
            Assert.Equal(Lvyue.Common.ErrorKind.Conflict, again.Kind);
        }

        await using var check = db.AsSystem();
        var p = await check.Db.Payments.SingleAsync();
        Assert.Equal((PaymentMatch.Manual, c.Id, world.Supervisor.Actor), (p.Match, p.ContractId!.Value, p.MatchedBy));
        Assert.Equal(AlertKind.Overpaid, (await check.Db.ComplianceAlerts.SingleAsync()).Kind);
        Assert.Contains(await check.Db.ContractEvents.Where(e => e.ContractId == c.Id).ToListAsync(), e => e.Kind == "payment" && e.Note!.StartsWith("人工匹配"));
    }

    [Theory, BothDatabases]
    public async Task TheApiPath_NamesTheItemAndFieldOfEachProblem(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await PaymentsWorld.FiledAsync(db, world);
        await using var s = db.Scope(world.Supervisor);
        var result = await s.Get<PaymentImport>().ImportAsync(
        [
            new PaymentInput { VoucherNo = "A-1", PayDate = new DateOnly(2026, 3, 1), PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 100m, ContractNumber = "JY-2026-001" },
            new PaymentInput { VoucherNo = "A-2", PayDate = new DateOnly(2026, 3, 1), PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 100.001m },
            new PaymentInput { VoucherNo = "A-1", PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 100m },
        ]);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Row == 2 && p.Column == "amount");
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == "voucherNo");
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == "payDate");
        Assert.Empty(await s.Db.Payments.ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task AnotherRegionsSupervisor_NeitherSeesTheRegionsPaymentsNorImportsOnItsContracts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var other = await TestWorld.CreateAsync(db, "440304", "另一区");
        var c = await PaymentsWorld.FiledAsync(db, world);
        var result = await ImportCsvAsync(db, world.Supervisor,
        [
            Row("V-1", new DateOnly(2026, 3, 1), world.Unit.Name, "某劳务派遣有限公司", 1_000m, "JY-2026-001"),
            Row("V-2", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 1_000m, null),
        ]);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        await using (var s = db.Scope(other.Supervisor))
        {
            var service = s.Get<PaymentService>();
            Assert.Empty(await service.UnmatchedAsync());
            Assert.Empty(await service.AlertsAsync());
            Assert.Empty(await service.ForContractAsync(c.Id));
            var refused = await s.Get<PaymentImport>().ImportAsync(new MemoryStream(ImportFiles.Csv(Headers,
                [Row("V-3", new DateOnly(2026, 3, 1), world.Unit.Name, world.Supplier.Name, 1_000m, "JY-2026-001")])), "支付.csv");
            Assert.Contains(refused.Problems, p => p.Row == 2 && p.Column == "合同编号");
        }
        await using (var s = db.Scope(world.Supervisor))
        {
            // The list for a person: the payment without a contract, and the one whose contract has no milestone of its amount.
            Assert.Equal([PaymentMatch.ContractOnly, PaymentMatch.Unmatched], (await s.Get<PaymentService>().UnmatchedAsync()).Select(p => p.Match));
            Assert.Equal(AlertKind.PayeeNotSupplier, Assert.Single(await s.Get<PaymentService>().AlertsAsync()).Kind);
        }
        await using (var supplier = db.Scope(world.SupplierLogin))
            Assert.Single(await supplier.Get<PaymentService>().ForContractAsync(c.Id));
    }

    [Theory, BothDatabases]
    public async Task PayingAnOverdueInstallment_TakesItOutOfTheOverdueRegisterAsCompleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        var (_, milestone) = await PaymentsWorld.AcceptanceThenPaymentAsync(db, c, 20_000m);
        await using (var s = db.AsSystem())
        {
            var m = await s.Db.Milestones.SingleAsync(x => x.Id == milestone.Id);
            m.DueDate = new DateOnly(2026, 3, 10);
            s.Db.OverdueEntries.Add(new OverdueEntry
            {
                MilestoneId = m.Id, ContractId = c.Id, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, SupplierId = world.Supplier.Id,
                ResponsibleParty = ResponsibleParty.Purchaser, DueDate = m.DueDate.Value, EnteredOn = new DateOnly(2026, 3, 16), GraceWorkingDays = 3,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            });
            await s.Db.SaveChangesAsync();
        }
        SetToday(db, 4, 1);

        var result = await ImportCsvAsync(db, world.Supervisor, [Row("V-1", new DateOnly(2026, 3, 25), world.Unit.Name, world.Supplier.Name, 20_000m, "JY-2026-001")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var check = db.AsSystem();
        var entry = await check.Db.OverdueEntries.SingleAsync();
        Assert.Equal(OverdueExit.CompletedUnderSupervision, entry.ExitReason);
        Assert.NotNull(entry.ExitedOn);
        Assert.Equal(MilestoneStatus.Met, (await check.Db.Milestones.SingleAsync(x => x.Id == milestone.Id)).Status);
    }
}
