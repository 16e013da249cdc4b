using DocumentFormat.OpenXml.Packaging;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Review.Reports;
using Lvyue.Review.Reviews;
using Lvyue.Testing;
using Lvyue.Tests.Review.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Review.Reports;

/// <summary>Approval of a filing waits for an answer to every high-severity finding of the current document versions.</summary>
public sealed class ReviewGateTests
{
    [Theory, BothDatabases]
    public async Task Approval_IsRefusedWhileHighFindingsAreOpen_WritesNothing_AndGoesThroughOnceEachIsAnswered(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        long contractId;
        ApprovalTask task;
        await using (var clerk = db.Scope(world.Clerk))
        {
            contractId = (await clerk.Filing.CreateAsync(world.Input("JY-2026-401"), [TestFiles.Txt(ContractReviewServiceTests.BondOver10)])).Id;
            task = await clerk.Filing.SubmitAsync(contractId);
        }
        List<ReviewFinding> high;
        await using (var check = db.AsSystem())
            high = await ReviewGate.OpenHighAsync(check.Db, contractId);
        Assert.Contains(high, f => f.RuleId == "CMP-BOND-001");
        Assert.True(high.Count >= 2, "the short text also lacks clauses of high severity");
        long audits;
        await using (var check = db.AsSystem()) audits = await check.Db.AuditEntries.LongCountAsync();

        await using (var leader = db.Scope(world.Leader))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => leader.Filing.ApproveAsync(task.Id, "同意"));
            Assert.Equal(ErrorKind.Conflict, e.Kind);
            Assert.Contains($"{high.Count}项高风险", e.Title.Zh);
            var why = Assert.Single(e.Errors["review"]);
            Assert.Contains("CMP-BOND-001", why.Zh);
            Assert.Contains($"/Contracts/Review/{contractId}", why.Zh);
            Assert.Contains($"/Contracts/Review/{contractId}", why.En);
        }
        await using (var check = db.AsSystem())
        {
            Assert.Equal(ApprovalState.Pending, (await check.Db.ApprovalTasks.SingleAsync(t => t.Id == task.Id)).State);
            Assert.Equal(ContractStatus.PendingApproval, (await check.Db.Contracts.SingleAsync(c => c.Id == contractId)).Status);
            Assert.Equal(audits, await check.Db.AuditEntries.LongCountAsync());
        }

        // The leader answers all but one: still refused, naming the one left.
        await using (var leader = db.Scope(world.Leader))
        {
            var reviews = leader.Get<ContractReviewService>();
            foreach (var f in high.Where(f => f.RuleId != "CMP-BOND-001"))
                await reviews.DecideAsync(contractId, f.Id, FindingDisposition.Accepted, "已知悉，签订前补充");
        }
        await using (var leader = db.Scope(world.Leader))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => leader.Filing.ApproveAsync(task.Id, "同意"));
            Assert.Contains("1项高风险", e.Title.Zh);
            Assert.Contains("CMP-BOND-001", e.Errors["review"][0].Zh);
        }

        // A new version of the document with a different bond wording: the earlier answers to the same findings carry
        // over, the bond finding is new and open again.
        await using (var clerk = db.Scope(world.Clerk))
        {
            var bond = high.Single(f => f.RuleId == "CMP-BOND-001");
            await clerk.Get<ContractReviewService>().DecideAsync(contractId, bond.Id, FindingDisposition.Dismissed, "保证金比例经财政局同意");
            await clerk.Filing.AddDocumentAsync(contractId, TestFiles.Txt(ContractReviewServiceTests.BondOver10.Replace("15%", "20%"), "合同.txt"));
        }
        await using (var leader = db.Scope(world.Leader))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => leader.Filing.ApproveAsync(task.Id, "同意"));
            Assert.Contains("1项高风险", e.Title.Zh);
            var open = await ReviewGate.OpenHighAsync(leader.Db, contractId);
            var bond = Assert.Single(open);
            Assert.Equal("CMP-BOND-001", bond.RuleId);
            Assert.Contains("20%", bond.Excerpt);
            await leader.Get<ContractReviewService>().DecideAsync(contractId, bond.Id, FindingDisposition.Dismissed, "保证金比例经财政局同意");
        }
        await using (var leader = db.Scope(world.Leader))
            Assert.Equal(ContractStatus.Filed, (await leader.Filing.ApproveAsync(task.Id, "同意")).Status);
    }

    [Theory, BothDatabases]
    public async Task Return_IsNotHeldUp_AndTheQueueStatusCountsOpenHighFindingsPerContract(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        long held, clean, unreadable;
        ApprovalTask heldTask;
        await using (var clerk = db.Scope(world.Clerk))
        {
            held = (await clerk.Filing.CreateAsync(world.Input("JY-2026-402"), [TestFiles.Txt(ContractReviewServiceTests.BondOver10)])).Id;
            clean = (await clerk.Filing.CreateAsync(world.Input("JY-2026-403"), [TestFiles.Txt()])).Id;
            unreadable = (await clerk.Filing.CreateAsync(world.Input("JY-2026-404"), [TestFiles.Txt(" \n", "空白.txt")])).Id;
            heldTask = await clerk.Filing.SubmitAsync(held);
        }
        await using (var leader = db.Scope(world.Leader))
        {
            var status = await ReviewGate.StatusAsync(leader.Db, [held, clean, unreadable]);
            Assert.Equal((await ReviewGate.OpenHighAsync(leader.Db, held)).Count, status[held].OpenHigh);
            Assert.True(status[held].OpenHigh > 0);
            Assert.False(status[held].Unreadable);
            Assert.Equal((0, false), status[clean]);
            Assert.Equal((0, true), status[unreadable]);
            Assert.Equal(ContractStatus.Draft, (await leader.Filing.ReturnAsync(heldTask.Id, "请先修改履约保证金比例")).Status);
        }
    }

    [Theory, BothDatabases]
    public async Task Report_IsWrittenForTheUnitAndTheRegion_NotForTheSupplier_AndNeedsAReview(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        long id, bare;
        await using (var clerk = db.Scope(world.Clerk))
        {
            id = (await clerk.Filing.CreateAsync(world.Input("JY-2026-405"), [TestFiles.Txt(ContractReviewServiceTests.BondOver10)])).Id;
            bare = (await clerk.Filing.CreateAsync(world.Input("JY-2026-406"))).Id;
        }
        await using (var supervisor = db.Scope(world.Supervisor))
        {
            var (bytes, name) = await supervisor.Get<ReviewReportService>().DocxAsync(id);
            Assert.Equal("审查报告-JY-2026-405-v1.docx", name);
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var comments = doc.MainDocumentPart!.WordprocessingCommentsPart!.Comments.ChildElements.Count;
            Assert.Equal(await supervisor.Db.ReviewFindings.CountAsync(f => f.ContractId == id), comments);
            Assert.Contains("履约保证金", doc.MainDocumentPart.Document.Body!.InnerText);
            var (pdf, pdfName) = await supervisor.Get<ReviewReportService>().PdfAsync(id);
            Assert.Equal("审查报告-JY-2026-405-v1.pdf", pdfName);
            Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

            var none = await Assert.ThrowsAsync<DomainException>(() => supervisor.Get<ReviewReportService>().DocxAsync(bare));
            Assert.Equal(ErrorKind.NotFound, none.Kind);
        }
        await using (var supplier = db.Scope(world.SupplierLogin))
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => supplier.Get<ReviewReportService>().DocxAsync(id));
            Assert.True(e.Kind is ErrorKind.Forbidden or ErrorKind.NotFound);
        }
        await using (var other = db.Scope(world.OtherClerk))
            Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => other.Get<ReviewReportService>().PdfAsync(id))).Kind);
    }
}
