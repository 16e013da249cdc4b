using System.IO.Compression;
using System.Text;
using Lvyue.Contracts;
using Lvyue.Integration;
using Lvyue.Testing;
using Lvyue.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using C = Lvyue.Contracts.ContractImportColumns;

namespace Lvyue.Tests.Contracts;

/// <summary>The all-or-nothing bulk import of contracts from .xlsx and .csv, on both databases.</summary>
public sealed class ContractImportTests
{
    private static async Task<ImportResult> ImportAsync(TestDatabase db, Lvyue.Accounts.TenantScope scope, byte[] file, string name = "合同.xlsx")
    {
        await using var s = db.Scope(scope);
        return await new ContractImport(s.Db).ImportAsync(new MemoryStream(file), name);
    }

    [Theory, BothDatabases]
    public async Task Import_WritesEveryRowAsADraftWithBudgetCommittedEventAndAudit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var file = ImportFiles.Xlsx(ContractImportSample.Headers,
        [
            ContractImportSample.Row(w, "IMP-1", 120_000m),
            ContractImportSample.Row(w, "IMP-2", 20_000.5m, (C.Suppliers, $"{w.Supplier.Uscc}；{w.OtherSupplier.Uscc}"), (C.Subcategory, "物业管理")),
            ContractImportSample.Row(w, "IMP-3", 300_000m, (C.Category, "货物"), (C.Subcategory, w.Goods.Code), (C.Confidentiality, "商业秘密"), (C.KeyProject, "是")),
        ]);

        var result = await ImportAsync(db, w.Clerk, file);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(3, result.Inserted);
        await using var s = db.AsSystem();
        var contracts = await s.Db.Contracts.Include(c => c.Suppliers).Include(c => c.Events).OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(["IMP-1", "IMP-2", "IMP-3"], contracts.Select(c => c.Number));
        Assert.All(contracts, c =>
        {
            Assert.Equal(ContractStatus.Draft, c.Status);
            Assert.Equal(w.Region.Id, c.RegionId);
            Assert.Equal(w.Unit.Id, c.BudgetUnitId);
            Assert.Equal(w.Line.Id, c.BudgetLineId);
            Assert.Equal("created", Assert.Single(c.Events).Kind);
            Assert.Equal(ContractImport.ImportNote, c.Events[0].Note);
        });
        Assert.Equal(20_000.5m, contracts[1].Amount);
        Assert.False(contracts[1].FilingRequired); // below the region's CNY 30,000 threshold
        Assert.Equal([w.Supplier.Id, w.OtherSupplier.Id], contracts[1].Suppliers.OrderBy(x => x.SortOrder).Select(x => x.SupplierId));
        Assert.Equal(Category.Goods, contracts[2].Category);
        Assert.Equal(Confidentiality.CommercialSecret, contracts[2].Confidentiality);
        Assert.True(contracts[2].IsKeyProject);
        Assert.Equal(new DateOnly(2027, 2, 28), contracts[0].EndDate);
        var line = await s.Db.BudgetLines.SingleAsync(l => l.Id == w.Line.Id);
        Assert.Equal(440_000.5m, line.Committed);
        var audit = Assert.Single(await s.Db.AuditEntries.Where(a => a.Action == "import").ToListAsync());
        Assert.Equal("Contract", audit.EntityType);
        Assert.Contains("\"Inserted\":3", audit.After);
        Assert.Equal(1, await s.Db.AuditEntries.CountAsync(a => a.Action == "update" && a.EntityType == "BudgetLine" && a.EntityId == w.Line.Id.ToString()));
        var found = await s.Ledger.PageAsync(new LedgerFilter { Q = "IMP-2" });
        Assert.Equal("IMP-2", Assert.Single(found.Rows).Number);
    }

    [Theory, BothDatabases]
    public async Task Import_OfManyRowsWithTwoBadOnes_WritesNothingAndNamesRowColumnAndProblem(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var rows = ContractImportSample.Rows(w, 60).ToList();
        rows[29] = ContractImportSample.Row(w, "IMP-0030", change: (C.Amount, "abc"));
        rows[44] = ContractImportSample.Row(w, "IMP-0045", change: (C.Subcategory, "W01"));

        var result = await ImportAsync(db, w.Clerk, ImportFiles.Xlsx(ContractImportSample.Headers, rows));

        Assert.False(result.Succeeded);
        Assert.Equal(60, result.Rows);
        Assert.Equal(2, result.ProblemCount);
        var amount = result.Problems[0];
        Assert.Equal(31, amount.Row); // the header is row 1, so the 30th data row is row 31 in Excel
        Assert.Equal(C.Amount.Header, amount.Column);
        Assert.Contains("应为数字", amount.Message.Zh);
        Assert.Contains("must be a number", amount.Message.En);
        var sub = result.Problems[1];
        Assert.Equal(46, sub.Row);
        Assert.Equal(C.Subcategory.Header, sub.Column);
        Assert.Contains("不属于服务类", sub.Message.Zh);
        await using var s = db.AsSystem();
        Assert.Equal(0, await s.Db.Contracts.CountAsync());
        Assert.Equal(0m, (await s.Db.BudgetLines.SingleAsync(l => l.Id == w.Line.Id)).Committed);
    }

    [Theory, BothDatabases]
    public async Task Import_RefusesRowsThatExhaustTheBudgetLineCumulativelyWithinTheFile(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db); // the line holds CNY 1,000,000
        await using (var clerk = db.Scope(w.Clerk)) await clerk.Filing.CreateAsync(w.Input("EXISTING", 100_000m));
        var file = ImportFiles.Xlsx(ContractImportSample.Headers,
            [ContractImportSample.Row(w, "A", 400_000m), ContractImportSample.Row(w, "B", 400_000m), ContractImportSample.Row(w, "C", 100_000.01m)]);

        var result = await ImportAsync(db, w.Clerk, file);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Row);
        Assert.Equal(C.BudgetLine.Header, problem.Column);
        Assert.Contains("前面各行已占用¥800,000.00", problem.Message.Zh);
        Assert.Contains("¥900,000.00", problem.Message.Zh);
        await using var s = db.AsSystem();
        Assert.Equal(1, await s.Db.Contracts.CountAsync());
        Assert.Equal(100_000m, (await s.Db.BudgetLines.SingleAsync(l => l.Id == w.Line.Id)).Committed);
    }

    [Theory, BothDatabases]
    public async Task Import_RefusesNumbersTakenInTheUnitOrRepeatedInTheFile_AndUnitsTheClerkMayNotFileFor(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        await using (var clerk = db.Scope(w.Clerk)) await clerk.Filing.CreateAsync(w.Input("TAKEN"));
        var file = ImportFiles.Xlsx(ContractImportSample.Headers,
        [
            ContractImportSample.Row(w, "TAKEN"),
            ContractImportSample.Row(w, "NEW"),
            ContractImportSample.Row(w, "NEW"),
            ContractImportSample.Row(w, "OTHER", change: [(C.UnitCode, w.OtherUnit.Code), (C.BudgetLine, w.OtherLine.Code)]),
            ContractImportSample.Row(w, "NOSUPPLIER", change: (C.Suppliers, w.Supplier.Uscc[..17] + (w.Supplier.Uscc[17] == '0' ? '1' : '0'))),
        ]);

        var result = await ImportAsync(db, w.Clerk, file);

        Assert.Equal(4, result.ProblemCount);
        Assert.Contains(result.Problems, p => p.Row == 2 && p.Column == C.Number.Header && p.Message.Zh.Contains("已存在编号为“TAKEN”"));
        Assert.Contains(result.Problems, p => p.Row == 4 && p.Column == C.Number.Header && p.Message.Zh.Contains("与第3行重复"));
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Column == C.UnitCode.Header && p.Message.Zh.Contains("无权"));
        Assert.Contains(result.Problems, p => p.Row == 6 && p.Column == C.Suppliers.Header && p.Message.Zh.Contains("校验码错误"));
        await using var s = db.AsSystem();
        Assert.Equal(1, await s.Db.Contracts.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Import_ReadsCsvInUtf8WithBom(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var file = ImportFiles.Csv(ContractImportSample.Headers,
            [ContractImportSample.Row(w, "CSV-1", 88_888.88m), ContractImportSample.Row(w, "CSV-2", change: (C.Title, "含逗号,和\"引号\"的合同"))]);
        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);

        var result = await ImportAsync(db, w.Clerk, file, "合同.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var s = db.AsSystem();
        var contracts = await s.Db.Contracts.OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(88_888.88m, contracts[0].Amount);
        Assert.Equal(w.Unit.Name + "物业管理服务合同CSV-1", contracts[0].Title);
        Assert.Equal("含逗号,和\"引号\"的合同", contracts[1].Title);
    }

    [Theory, BothDatabases]
    public async Task Import_AcceptsAStreamThatCannotSeek(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var bytes = ImportFiles.Xlsx(ContractImportSample.Headers, ContractImportSample.Rows(w, 3));
        await using var s = db.Scope(w.Clerk);

        var result = await new ContractImport(s.Db).ImportAsync(new NonSeekableStream(bytes), "合同.xlsx");

        Assert.Equal(3, result.Inserted);
    }

    [Theory, BothDatabases]
    public async Task Import_OfAMalformedFile_ExplainsAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await TestWorld.CreateAsync(db);
        var notZip = Encoding.UTF8.GetBytes("这不是Excel文件");
        using var zipBuffer = new MemoryStream();
        using (var zip = new ZipArchive(zipBuffer, ZipArchiveMode.Create, leaveOpen: true)) zip.CreateEntry("hello.txt");
        var wrongHeaders = ImportFiles.Xlsx(["编号", "名称"], [["1", "x"]]);
        var truncated = ImportFiles.Xlsx(ContractImportSample.Headers, ContractImportSample.Rows(w, 5))[..2000];

        var results = new[]
        {
            await ImportAsync(db, w.Clerk, notZip),
            await ImportAsync(db, w.Clerk, zipBuffer.ToArray()),
            await ImportAsync(db, w.Clerk, wrongHeaders),
            await ImportAsync(db, w.Clerk, truncated),
            await ImportAsync(db, w.Clerk, ImportFiles.Xlsx(ContractImportSample.Headers, [])),
            await ImportAsync(db, w.Clerk, notZip, "合同.xls"),
        };

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Contains("不是有效的Excel", results[0].Problems[0].Message.Zh);
        Assert.Contains("xl/workbook.xml", results[1].Problems[0].Message.Zh);
        Assert.Contains(results[2].Problems, p => p.Column == "编号" && p.Message.Zh.Contains("未知的列"));
        Assert.Contains(results[2].Problems, p => p.Column == C.BudgetLine.Header && p.Message.En.Contains("required column"));
        Assert.Null(results[3].Problems[0].Row);
        Assert.Contains("没有数据行", results[4].Problems[0].Message.Zh);
        Assert.Contains(".xls", results[5].Problems[0].Message.Zh);
        await using var s = db.AsSystem();
        Assert.Equal(0, await s.Db.Contracts.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Template_HasTheHeaderRowAnExampleAndAHelpSheetThatTheImportReadsBack(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var s = db.AsSystem();
        using var ms = new MemoryStream();

        await new ContractImport(s.Db).WriteTemplateAsync(ms);

        var wb = ImportFiles.Open(ms.ToArray());
        Assert.Equal(2, wb.NumberOfSheets);
        Assert.Equal(ImportTemplate.HelpSheet, wb.GetSheetAt(1).SheetName);
        var header = wb.GetSheetAt(0).GetRow(0);
        Assert.Equal("合同编号*", header.GetCell(0).StringCellValue);
        Assert.NotNull(wb.GetSheetAt(0).GetRow(1));
        var help = Enumerable.Range(0, wb.GetSheetAt(1).LastRowNum + 1).Select(i => wb.GetSheetAt(1).GetRow(i)?.GetCell(0)?.ToString()).ToList();
        Assert.Contains("S01", help);
        Assert.Contains("公开招标", help);
        Assert.Contains("国家秘密", help);
        ms.Position = 0;
        using var reader = TabularReader.Open(ms, "template.xlsx");
        var problems = new ImportProblems();
        ImportSheet.Bind(reader.Headers, C.All, problems);
        Assert.False(problems.Any, string.Join("\n", problems.Listed));
    }
}
