using System.Text;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Notary;
using Lvyue.Performance;
using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;
using Lvyue.Testing;
using Lvyue.Tests.Contracts;
using Lvyue.Tests.Integration;
using Lvyue.Tests.Performance;
using Lvyue.Tests.Performance.Payments;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Notary;

/// <summary>
/// The key events of performance, payments, bulk import and credit reach the notarization log in the transaction of
/// their write: each leaf names the right contract, carries its facts digest (recomputable from the record), and its
/// receipt verifies — inclusion proof against a signed checkpoint — with the platform's keys.
/// </summary>
public sealed class NotaryEventsTests
{
    private static readonly NotaryKeyRing Keys = new(NotaryLog.DefaultOrigin, [NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519)]);

    /// <summary>The leaves of <paramref name="kind"/>, parsed, after checking that each one's receipt verifies.</summary>
    private static async Task<List<(NotaryLeaf Leaf, NotaryEvent Event)>> VerifiedAsync(TestDatabase db, string kind)
    {
        await using var s = db.AsSystem();
        var leaves = await s.Db.NotaryLeaves.AsNoTracking().Where(l => l.Kind == kind).OrderBy(l => l.Index).ToListAsync();
        var checkpointer = new NotaryCheckpointer(s.Get<NotaryLog>(), Keys);
        foreach (var leaf in leaves)
        {
            var receipt = await checkpointer.ReceiptAsync(leaf.Index);
            Assert.NotNull(receipt);
            var verdict = ReceiptVerifier.Verify(receipt!, Keys.Verifiers);
            Assert.True(verdict.IsValid, verdict.Reason);
        }
        return leaves.Select(l => (l, NotaryEvent.Parse(Encoding.UTF8.GetBytes(l.Data)))).ToList();
    }

    private static Lvyue.Accounts.TenantScope CreditOffice(TestWorld w) =>
        Lvyue.Accounts.TenantScope.ForRegion(w.Region.Id, $"credit@{w.Region.Code}") with { Roles = [Lvyue.Accounts.Roles.CreditOffice] };

    [Fact]
    public void FactsJson_IsTheCanonicalFormOfTheDocumentedExample()
    {
        // docs/notary-leaf-format.md: keys in ordinal order, absent facts left out, default escaping.
        var json = NotaryFacts.FactsJson([("reason", "增加绿化面积"), ("amount-before", "50000.00"), ("description", null), ("amount-after", "58000.00"), ("decision-note", "同意")]);
        Assert.Equal("""{"amount-after":"58000.00","amount-before":"50000.00","decision-note":"\u540C\u610F","reason":"\u589E\u52A0\u7EFF\u5316\u9762\u79EF"}""",
            Encoding.ASCII.GetString(json));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)), NotaryFacts.Digest([("amount-after", "58000.00"), ("amount-before", "50000.00"), ("decision-note", "同意"), ("reason", "增加绿化面积")]));
    }

    [Theory, BothDatabases]
    public async Task ApprovedChangeAndRecordedAcceptance_AreLeavesOfTheirContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        await PaymentsWorld.FiledAsync(db, world, "JY-2026-002");
        ContractChange change;
        await using (var clerk = db.Scope(world.Clerk))
            change = await clerk.Get<ChangeService>().RequestAsync(c.Id, new ChangeInput { Kind = ChangeKind.Amount, AmountDelta = 8_000m, Reason = "增加绿化面积" });
        Assert.Empty(await VerifiedAsync(db, NotaryKinds.ChangeApproved)); // a request is not yet a change of the contract
        await using (var leader = db.Scope(world.Leader))
            change = await leader.Get<ChangeService>().ApproveAsync(change.Id, "同意");
        AcceptanceRecord record;
        await using (var clerk = db.Scope(world.Clerk))
            record = await clerk.Get<AcceptanceService>().RecordAsync(c.Id, new AcceptanceInput
            {
                Date = new DateOnly(2026, 3, 1), Result = AcceptanceResult.Passed, Participants = "李经办、郑经理",
                Findings = [new FindingInput("保洁质量", "合同附件二", FindingResult.Conforms, null)],
            });

        var (leaf, e) = Assert.Single(await VerifiedAsync(db, NotaryKinds.ChangeApproved));
        Assert.Equal(c.Id, leaf.ContractId);
        Assert.Equal((change.Id.ToString(), "Amount", "true"), (e.Attributes["change"], e.Attributes["change-kind"], e.Attributes["noncompliant"]));
        Assert.Equal(NotaryFacts.Digest([("amount-before", "50000.00"), ("amount-after", "58000.00"), ("reason", "增加绿化面积"), ("decision-note", "同意")]),
            e.Digests[NotaryFacts.FactsDigest]);
        Assert.DoesNotContain("58000", leaf.Data); // the amount is bound by the digest, not disclosed

        var (aLeaf, a) = Assert.Single(await VerifiedAsync(db, NotaryKinds.AcceptanceRecorded));
        Assert.Equal(c.Id, aLeaf.ContractId);
        Assert.Equal((record.Id.ToString(), "2026-03-01", "Passed", "1", "0"),
            (a.Attributes["acceptance"], a.Attributes["date"], a.Attributes["result"], a.Attributes["findings"], a.Attributes["deviations"]));
        Assert.NotEqual("0", a.Attributes["acceptance"]); // the id assigned by the save, not the one before it
    }

    [Theory, BothDatabases]
    public async Task ImportedPayments_AreOneLeafEachAndAManualMatchIsAnother(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        await using (var sup = db.Scope(world.Supervisor))
        {
            var result = await sup.Get<PaymentImport>().ImportAsync(
            [
                new PaymentInput { VoucherNo = "GK-1", PayDate = new DateOnly(2026, 3, 1), PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 10_000m, ContractNumber = "JY-2026-001" },
                new PaymentInput { VoucherNo = "GK-2", PayDate = new DateOnly(2026, 3, 1), PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 5_000m },
            ]);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
        long unmatchedId;
        await using (var s = db.AsSystem()) unmatchedId = (await s.Db.Payments.SingleAsync(p => p.VoucherNo == "GK-2")).Id;

        var leaves = await VerifiedAsync(db, NotaryKinds.PaymentRecorded);
        Assert.Equal(2, leaves.Count);
        Assert.Equal([c.Id, (long?)null], leaves.Select(l => l.Leaf.ContractId));
        Assert.Equal("ContractOnly", leaves[0].Event.Attributes["match"]);
        Assert.Equal(NotaryFacts.Digest([("voucher", "GK-1"), ("amount", "10000.00"), ("payer", world.Unit.Name), ("payee", world.Supplier.Name), ("contract-number", "JY-2026-001")]),
            leaves[0].Event.Digests[NotaryFacts.FactsDigest]);
        Assert.Equal(unmatchedId.ToString(), leaves[1].Event.Attributes["payment"]);

        await using (var sup = db.Scope(world.Supervisor)) await sup.Get<PaymentService>().MatchAsync(unmatchedId, c.Id);
        var (matched, e) = Assert.Single(await VerifiedAsync(db, NotaryKinds.PaymentMatched));
        Assert.Equal((c.Id, "Manual", unmatchedId.ToString()), (matched.ContractId, e.Attributes["match"], e.Attributes["payment"]));

        // A refused import (a voucher already imported) writes no leaf.
        await using (var sup = db.Scope(world.Supervisor))
            Assert.False((await sup.Get<PaymentImport>().ImportAsync(
                [new PaymentInput { VoucherNo = "GK-1", PayDate = new DateOnly(2026, 3, 1), PayerUnit = world.Unit.Name, PayeeName = world.Supplier.Name, Amount = 1m }])).Succeeded);
        Assert.Equal(2, (await VerifiedAsync(db, NotaryKinds.PaymentRecorded)).Count);
    }

    [Theory, BothDatabases]
    public async Task BulkImportedContracts_AreOneLeafEachWithTheFileDigest(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        await PerformanceWorld.ContractAsync(db, w, "JY-OLD"); // a contract filed by hand is not an imported one
        var file = ImportFiles.Xlsx(ContractImportSample.Headers,
            [ContractImportSample.Row(w, "IMP-1", 120_000m), ContractImportSample.Row(w, "IMP-2", 40_000m), ContractImportSample.Row(w, "IMP-3", 60_000m)]);
        await using (var s = db.Scope(w.Clerk))
        {
            var result = await new ContractImport(s.Db, s.Get<INotaryRecorder>()).ImportAsync(new MemoryStream(file), "合同.xlsx");
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }

        var leaves = await VerifiedAsync(db, NotaryKinds.ContractImported);
        await using var check = db.AsSystem();
        var ids = await check.Db.Contracts.Where(c => c.Number.StartsWith("IMP-")).OrderBy(c => c.Id).Select(c => (long?)c.Id).ToListAsync();
        Assert.Equal(ids, leaves.Select(l => l.Leaf.ContractId));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        Assert.All(leaves, l => Assert.Equal((sha, "Draft"), (l.Event.Attributes["file-sha256"], l.Event.Attributes["status"])));
    }

    [Theory, BothDatabases]
    public async Task Determinations_ConfirmedAndRepaired_CarryTheirDocumentsDigests(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PaymentsWorld.FiledAsync(db, world);
        SetToday(db, 2026, 6, 10);
        long id;
        await using (var sup = db.Scope(world.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.Supplier, world.Supplier.Id, c.Id,
                "连续两期考核不合格，擅自减少驻场人员。", "《政府采购法》第七十七条", null, null, 6))).Id;
        Assert.Empty(await VerifiedAsync(db, NotaryKinds.DeterminationConfirmed)); // a proposal is not a determination
        DishonestyDetermination d;
        await using (var office = db.Scope(CreditOffice(world))) d = await office.Get<DeterminationService>().ConfirmAsync(id, "同意");

        var (leaf, e) = Assert.Single(await VerifiedAsync(db, NotaryKinds.DeterminationConfirmed));
        Assert.Equal(c.Id, leaf.ContractId);
        Assert.Equal((d.PdfSha256, d.DocxSha256), (e.Digests["pdf.sha256"], e.Digests["docx.sha256"]));
        Assert.Equal(("Supplier", world.Supplier.Id.ToString(), "2026-06-10", "2029-06-10", "6"),
            (e.Attributes["subject"], e.Attributes["subject-id"], e.Attributes["published-on"], e.Attributes["expires-on"], e.Attributes["restriction-months"]));
        await using (var s = db.AsSystem())
        {
            // The published PDF is found by its digest, as on the public verification page.
            var lookup = new NotaryLookup(s.Db, new NotaryCheckpointer(s.Get<NotaryLog>(), Keys), Keys);
            var found = Assert.Single(await lookup.FindByDigestAsync(d.PdfSha256!));
            Assert.Equal((leaf.Index, "pdf.sha256"), (found.Index, found.MatchedAlgorithm));
        }

        SetToday(db, 2026, 9, 10);
        await using (var office = db.Scope(CreditOffice(world))) await office.Get<DeterminationService>().RepairAsync(id, "已整改并作出信用承诺");
        var (_, repaired) = Assert.Single(await VerifiedAsync(db, NotaryKinds.DeterminationRepaired));
        Assert.Equal(("Repaired", "2026-09-09"), (repaired.Attributes["state"], repaired.Attributes["expires-on"]));
    }

    [Theory, BothDatabases]
    public async Task Determination_RevokedOnAppealIsALeafAndAnUpheldAppealIsNot(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);
        long id;
        await using (var sup = db.Scope(world.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(new DeterminationInput(CreditSubject.Supplier, world.Supplier.Id, null,
                "擅自减少驻场人员。", "合同第十二条", null, null, 0))).Id;
        await using (var office = db.Scope(CreditOffice(world))) await office.Get<DeterminationService>().ConfirmAsync(id, "同意");
        await using (var supplier = db.Scope(world.SupplierLogin)) await supplier.Get<DeterminationService>().AppealAsync(id, "人员减少系经采购人书面同意");
        await using (var office = db.Scope(CreditOffice(world))) await office.Get<DeterminationService>().DecideAppealAsync(id, revoke: false, "申诉理由不成立");
        Assert.Empty(await VerifiedAsync(db, NotaryKinds.DeterminationRevoked));
        await using (var supplier = db.Scope(world.SupplierLogin)) await supplier.Get<DeterminationService>().AppealAsync(id, "补充证据");
        await using (var office = db.Scope(CreditOffice(world))) await office.Get<DeterminationService>().DecideAppealAsync(id, revoke: true, "申诉理由成立");

        var (leaf, e) = Assert.Single(await VerifiedAsync(db, NotaryKinds.DeterminationRevoked));
        Assert.Null(leaf.ContractId);
        Assert.Equal((id.ToString(), "Revoked", "2026-06-09"), (e.Attributes["determination"], e.Attributes["state"], e.Attributes["expires-on"]));
        Assert.Empty(await VerifiedAsync(db, NotaryKinds.DeterminationRepaired));
    }

    [Theory, BothDatabases]
    public async Task TerminationInterviewAndMilestoneMet_AreLeavesOfTheirContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        var c = await PerformanceWorld.ContractAsync(db, world, "JY-001");
        var other = await PerformanceWorld.ContractAsync(db, world, "JY-002");
        Milestone late, onTime;
        await using (var s = db.Scope(world.Clerk))
        {
            late = Assert.Single(await s.Get<MilestoneService>().AddAsync(c.Id, PerformanceWorld.Delivery(new(2026, 2, 24))));
            onTime = Assert.Single(await s.Get<MilestoneService>().AddAsync(other.Id, PerformanceWorld.Delivery(new(2026, 3, 20))));
            await s.Get<MilestoneService>().SetStatusAsync(onTime.Id, new MilestoneStatusChange { Status = MilestoneStatus.Met, MetDate = new(2026, 3, 2), Note = "到货签收" });
        }
        await using (var sup = db.Scope(world.Supervisor))
        {
            await sup.Get<OverdueRegister>().RecordActionAsync(late.Id, SupervisionActionKind.Interview, new(2026, 3, 2), "约谈供应商负责人", null);
            await sup.Get<OverdueRegister>().RecordActionAsync(late.Id, SupervisionActionKind.Action, new(2026, 3, 2), "发出督办函", null);
            var entry = await sup.Get<TerminationRegister>().MoveAsync(c.Id, "供应商逾期仍未交货", []);
            await sup.Get<TerminationRegister>().RecordOutcomeAsync(entry.Id, BreachingParty.Supplier, null, "仲裁裁决供应商违约");
        }

        var (met, m) = Assert.Single(await VerifiedAsync(db, NotaryKinds.MilestoneMet));
        Assert.Equal((other.Id, onTime.Id.ToString(), "Met", "2026-03-02", "Delivery"),
            (met.ContractId!.Value, m.Attributes["milestone"], m.Attributes["status"], m.Attributes["met-on"], m.Attributes["milestone-kind"]));
        var (interview, i) = Assert.Single(await VerifiedAsync(db, NotaryKinds.OverdueInterview));
        Assert.Equal((c.Id, late.Id.ToString(), "2026-03-02"), (interview.ContractId!.Value, i.Attributes["milestone"], i.Attributes["date"]));
        Assert.NotEqual("0", i.Attributes["action"]);
        Assert.Equal(NotaryFacts.Digest([("note", "约谈供应商负责人")]), i.Digests[NotaryFacts.FactsDigest]);
        Assert.Single(await VerifiedAsync(db, NotaryKinds.OverdueAction));
        var (entered, t) = Assert.Single(await VerifiedAsync(db, NotaryKinds.TerminationEntered));
        Assert.Equal((c.Id, world.Supplier.Id.ToString()), (entered.ContractId!.Value, t.Attributes["supplier"]));
        Assert.NotEqual("0", t.Attributes["entry"]);
        var (outcome, o) = Assert.Single(await VerifiedAsync(db, NotaryKinds.TerminationOutcome));
        Assert.Equal((c.Id, "Supplier", t.Attributes["entry"]), (outcome.ContractId!.Value, o.Attributes["outcome"], o.Attributes["entry"]));
    }
}
