using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Files;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Tests.Evaluation.EvaluationSteps;

namespace Lvyue.Tests.Credit;

/// <summary>Dishonesty determinations: proposal, confirmation with documents, appeal, repair, restriction; refusals write nothing.</summary>
public sealed class DeterminationServiceTests
{
    private static DeterminationInput Input(TestWorld w, int months = 6) => new(CreditSubject.Supplier, w.Supplier.Id, null,
        "2026年4月至5月连续两期考核不合格，经约谈仍未整改，擅自减少驻场保洁人员。", "《政府采购法》第七十七条；合同第十二条", null, null, months);

    private static async Task<DishonestyDetermination> ConfirmedAsync(TestDatabase db, TestWorld world, int months = 6)
    {
        long id;
        await using (var sup = db.Scope(world.Supervisor))
            id = (await sup.Get<DeterminationService>().ProposeAsync(Input(world, months))).Id;
        await using var office = db.Scope(CreditOffice(world));
        return await office.Get<DeterminationService>().ConfirmAsync(id, "同意认定");
    }

    private static Lvyue.Accounts.TenantScope CreditOffice(TestWorld w) =>
        Lvyue.Accounts.TenantScope.ForRegion(w.Region.Id, $"credit@{w.Region.Code}") with { Roles = [Lvyue.Accounts.Roles.CreditOffice] };

    [Theory, BothDatabases]
    public async Task Determination_ConfirmedWithNumberedDocumentsRecordsDishonestyAndRestrictsTheSupplier(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);

        var d = await ConfirmedAsync(db, world);

        Assert.Equal((DeterminationState.Confirmed, "示范区信用认定〔2026〕1号", new DateOnly(2029, 6, 10)), (d.State, d.Number, d.ExpiresOn));
        await using var check = db.AsSystem();
        var files = check.Get<FileStore>();
        using (var docx = WordprocessingDocument.Open(files.Open(d.DocxSha256!), false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            foreach (var part in new[] { "失信行为认定决定书", d.Number!, world.Supplier.Name, world.Supplier.Uscc, "擅自减少驻场保洁人员", "第七十七条", "6个月内限制参与", "申诉" })
                Assert.Contains(part, text);
        }
        await using (var pdf = files.Open(d.PdfSha256!))
        {
            var head = new byte[5];
            await pdf.ReadExactlyAsync(head);
            Assert.Equal("%PDF-"u8.ToArray(), head);
        }
        var pdfText = PdfToText(files, d.PdfSha256!);
        if (pdfText is not null)
        {
            var flat = pdfText.Replace(" ", "").Replace("\n", "");
            Assert.Contains("失信行为认定决定书", flat);
            Assert.Contains(d.Number!, flat);
            Assert.Contains("擅自减少驻场保洁人员", flat);
        }
        var record = await check.Db.CreditRecords.SingleAsync();
        Assert.Equal(("dishonesty", true, CreditSource.Determination, d.ExpiresOn), (record.Kind, record.Dishonest, record.Source, record.ExpiresOn));
        Assert.Equal(CreditGradeLevel.Poor, (await check.Db.CreditGrades.SingleAsync()).Grade);
        var sanction = await check.Get<DeterminationService>().ActiveSanctionAsync(world.Supplier.Id, new DateOnly(2026, 12, 9));
        Assert.Equal(new DateOnly(2026, 12, 9), sanction!.Until);
        Assert.Null(await check.Get<DeterminationService>().ActiveSanctionAsync(world.Supplier.Id, new DateOnly(2026, 12, 10)));
    }

    [Theory, BothDatabases]
    public async Task Determination_WithoutABasisIsRefusedAndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var sup = db.Scope(world.Supervisor);

        var e = await Assert.ThrowsAsync<DomainException>(() => sup.Get<DeterminationService>().ProposeAsync(Input(world) with { Basis = "  " }));

        Assert.True(e.Errors.ContainsKey("basis"));
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.DishonestyDeterminations.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Determination_OnAnUnknownSupplierIsRefusedAndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using var sup = db.Scope(world.Supervisor);

        var e = await Assert.ThrowsAsync<DomainException>(() => sup.Get<DeterminationService>().ProposeAsync(Input(world) with { SubjectId = 987654 }));

        Assert.True(e.Errors.ContainsKey("subjectId"));
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.DishonestyDeterminations.CountAsync());
        Assert.Equal(0, await check.Db.Sanctions.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Determination_IsProposedBySupervisorsAndConfirmedOnlyByTheCreditOffice(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        await using (var clerk = db.Scope(world.Clerk))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => clerk.Get<DeterminationService>().ProposeAsync(Input(world)))).Kind);
        long id;
        await using (var sup = db.Scope(world.Supervisor))
        {
            id = (await sup.Get<DeterminationService>().ProposeAsync(Input(world))).Id;
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => sup.Get<DeterminationService>().ConfirmAsync(id, null))).Kind);
        }
        await using var office = db.Scope(CreditOffice(world));
        var e = await Assert.ThrowsAsync<DomainException>(() => office.Get<DeterminationService>().RejectAsync(id, " "));
        Assert.True(e.Errors.ContainsKey("note"));
        var rejected = await office.Get<DeterminationService>().RejectAsync(id, "事实不清");
        Assert.Equal(DeterminationState.Rejected, rejected.State);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => office.Get<DeterminationService>().ConfirmAsync(id, null))).Kind);
        await using var check = db.AsSystem();
        Assert.Equal(0, await check.Db.CreditRecords.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Appeal_RevokedStopsTheRecordCountingAndLiftsTheRestriction(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);
        var d = await ConfirmedAsync(db, world);
        await using (var other = db.Scope(Lvyue.Accounts.TenantScope.ForSupplier(world.OtherSupplier.Id, "other") with { Roles = [Lvyue.Accounts.Roles.Supplier] }))
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => other.Get<DeterminationService>().AppealAsync(d.Id, "不服"))).Kind);
        await using (var supplier = db.Scope(world.SupplierLogin))
            await supplier.Get<DeterminationService>().AppealAsync(d.Id, "人员减少系经采购人书面同意");
        SetToday(db, 2026, 6, 20);

        await using (var office = db.Scope(CreditOffice(world)))
            Assert.Equal(DeterminationState.Revoked, (await office.Get<DeterminationService>().DecideAppealAsync(d.Id, revoke: true, "申诉理由成立")).State);

        await using var check = db.AsSystem();
        var record = await check.Db.CreditRecords.SingleAsync();
        Assert.Equal(new DateOnly(2026, 6, 19), record.ExpiresOn);
        Assert.NotEqual(CreditGradeLevel.Poor, (await check.Db.CreditGrades.SingleAsync()).Grade);
        Assert.Null(await check.Get<DeterminationService>().ActiveSanctionAsync(world.Supplier.Id, new DateOnly(2026, 6, 20)));
        Assert.NotNull((await check.Db.Sanctions.SingleAsync()).LiftedAt);
    }

    [Theory, BothDatabases]
    public async Task Repair_IsRefusedBeforeThreeMonthsAndThenEndsTheRecord(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await TestWorld.CreateAsync(db);
        SetToday(db, 2026, 6, 10);
        var d = await ConfirmedAsync(db, world, months: 0);
        await using (var office = db.Scope(CreditOffice(world)))
        {
            SetToday(db, 2026, 9, 9);
            var e = await Assert.ThrowsAsync<DomainException>(() => office.Get<DeterminationService>().RepairAsync(d.Id, "已整改并作出信用承诺"));
            Assert.Contains("2026-09-10", e.Title.Zh);
            SetToday(db, 2026, 9, 10);
            Assert.Equal(DeterminationState.Repaired, (await office.Get<DeterminationService>().RepairAsync(d.Id, "已整改并作出信用承诺")).State);
        }
        await using var check = db.AsSystem();
        Assert.Equal(new DateOnly(2026, 9, 9), (await check.Db.CreditRecords.SingleAsync()).ExpiresOn);
        Assert.NotEqual(CreditGradeLevel.Poor, (await check.Db.CreditGrades.SingleAsync()).Grade);
    }

    /// <summary>The PDF's text through poppler's pdftotext when it is installed (the test command installs it).</summary>
    private static string? PdfToText(FileStore files, string sha)
    {
        var path = Path.Combine(Path.GetTempPath(), $"det-{Guid.NewGuid():N}.pdf");
        using (var f = File.Create(path)) files.Open(sha).CopyTo(f);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is null) return null;
            var text = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? text : throw new Xunit.Sdk.XunitException($"pdftotext failed: {error}");
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
        finally { File.Delete(path); }
    }
}
