using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Lvyue.Audit;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;
using C = Lvyue.Contracts.ContractImportColumns;

namespace Lvyue.Contracts;

/// <summary>
/// Bulk import of contracts from the .xlsx/.csv template, all or nothing. The file is read twice,
/// streaming: first every row is validated (the field rules of <see cref="ContractRules"/> and the
/// reference checks of <see cref="FilingService"/>: the unit exists and the caller may file for it,
/// the subcategory is in the category, the budget line is the unit's and its balance covers the
/// rows of the file cumulatively, the suppliers exist, the number is new in the unit and in the
/// file); if any row is bad nothing is written and the result lists row, column and problem. Then,
/// in one transaction, the file is read again and every row written as a Draft contract with a
/// <c>created</c> event noted 批量导入, by <see cref="ContractBulkWriter"/>, and each budget line's total
/// committed with the same guarded update as a single filing (so a concurrent filing that spent the
/// balance, or took a number, meanwhile rolls the whole import back with a message).
/// Audit: the per-row audit of SaveChanges would triple the rows written and halve the speed, so an
/// import records one summary audit entry (file name, SHA-256, rows, id range) plus one entry per
/// budget line with its committed amount before and after; each contract's timeline has its event.
/// </summary>
public sealed class ContractImport(LvyueDbContext db, Notary.INotaryRecorder? notary = null)
{
    public const string ImportNote = "批量导入";
    private const int Chunk = 2000;

    /// <summary>Writes the template: the columns, one example row and the 填写说明 sheet listing valid values.</summary>
    public async Task WriteTemplateAsync(Stream output, CancellationToken ct = default)
    {
        var subs = await db.Subcategories.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        if (subs.Count == 0) subs = Taxonomy.Defaults().ToList();
        var example = C.All.Select(c => c == C.Suppliers ? Uscc.Complete("91440300007101370") : c.Example).ToList();
        ImportTemplate.Write(output, "合同", C.All, [example],
        [
            new TemplateValueList("合同类别 / Categories", ["类别", "Category"], Labels.Categories.Values.Select(l => (IReadOnlyList<string>)[l.Zh, l.En]).ToList()),
            new TemplateValueList("合同小类 / Subcategories（填写编码或名称）", ["编码", "类别", "名称", "Name"],
                subs.Select(s => (IReadOnlyList<string>)[s.Code, Labels.Categories[s.Category].Zh, s.Name, s.NameEn]).ToList()),
            new TemplateValueList("采购方式 / Procurement methods", ["采购方式", "Method"], Labels.Methods.Values.Select(l => (IReadOnlyList<string>)[l.Zh, l.En]).ToList()),
            new TemplateValueList("密级 / Confidentiality", ["密级", "Level"], Labels.Confidentialities.Values.Select(l => (IReadOnlyList<string>)[l.Zh, l.En]).ToList()),
        ]);
    }

    /// <summary>Validates every row of the file, then writes them all in one transaction, or writes nothing and reports the problems.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!db.Scope.All && !db.Scope.CanWriteContracts) throw DomainException.Forbidden();
        var clock = Stopwatch.StartNew();
        await using var source = await ImportSource.OpenAsync(content, fileName, ct);

        var problems = new ImportProblems();
        var lookups = new ContractImportLookups(db);
        await lookups.LoadAsync(ct);
        var rows = (await RunAsync(source, lookups, problems, null, "validate", progress, ct)).Rows;
        if (problems.Any) return problems.ToResult("contracts", rows, clock.Elapsed);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        using var writer = new ContractBulkWriter(db);
        try
        {
            var planned = await RunAsync(source, lookups, problems, writer, "write", progress, ct);
            await writer.CompleteAsync(ct);
            if (problems.Any) return problems.ToResult("contracts", rows, clock.Elapsed);
            if (!await CommitBudgetsAsync(planned.Budget, problems, ct)) return problems.ToResult("contracts", rows, clock.Elapsed);
            await Notary.NotaryImports.RecordContractsAsync(notary ?? new Notary.NotaryRecorder(db), db, writer.FirstId, writer.LastId, Notary.NotaryFacts.ContractImported(source.Sha256), ct);
            db.AuditEntries.Add(Audit("import", "Contract", $"{writer.FirstId}-{writer.LastId}", null, new
            {
                File = source.FileName, source.Sha256, Rows = rows, Inserted = writer.Written, writer.FirstId, writer.LastId, Note = ImportNote,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbException e)
        {
            problems.Add(null, null, $"写入数据库时被拒绝，未导入任何数据：{e.Message}", $"The database refused the write; nothing was imported: {e.Message}");
            return problems.ToResult("contracts", rows, clock.Elapsed);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new ImportResult { What = "contracts", Rows = rows, Inserted = writer.Written, Elapsed = clock.Elapsed };
    }

    /// <summary>What one pass over the file found: its row count and the amount it commits per budget line.</summary>
    private sealed class Pass
    {
        public int Rows;
        public readonly Dictionary<long, decimal> Budget = [];
        public readonly Dictionary<(long Unit, string Number), int> Numbers = [];
    }

    /// <summary>
    /// One pass over the file. The validating pass (no writer) loads every unit's budget lines and
    /// departments and every supplier the rows name into <paramref name="lookups"/>; the writing pass
    /// reuses them and so makes no query of its own while the writer streams batches in the
    /// background (numbers taken meanwhile are caught by the unique index, budget spent meanwhile by
    /// the guarded commitment: either rolls everything back).
    /// </summary>
    private async Task<Pass> RunAsync(ImportSource source, ContractImportLookups lookups, ImportProblems problems, ContractBulkWriter? writer,
        string phase, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var pass = new Pass();
        try
        {
            using var reader = source.Open();
            var sheet = ImportSheet.Bind(reader.Headers, C.All, problems);
            if (problems.Any) return pass;
            var batch = new List<ContractImportRow>(Chunk);
            foreach (var row in PrefetchedRows.Of(reader.Rows()))
            {
                pass.Rows++;
                batch.Add(ContractImportRow.Parse(new ImportRow(sheet, problems, row)));
                if (batch.Count < Chunk) continue;
                await CheckAsync(batch, lookups, pass, problems, writer, ct);
                batch.Clear();
                progress?.Report(new ImportProgress(phase, pass.Rows));
            }
            await CheckAsync(batch, lookups, pass, problems, writer, ct);
            progress?.Report(new ImportProgress(phase, pass.Rows));
        }
        catch (TabularFormatException e)
        {
            problems.Add(null, null, e.Msg);
            return pass;
        }
        if (pass.Rows == 0) problems.Add(null, null, "文件中没有数据行", "The file has no data rows");
        return pass;
    }

    private async Task CheckAsync(List<ContractImportRow> batch, ContractImportLookups lookups, Pass pass, ImportProblems problems,
        ContractBulkWriter? writer, CancellationToken ct)
    {
        if (writer is null) await lookups.LoadSuppliersAsync(batch.SelectMany(r => r.Usccs).Where(Uscc.IsValid), ct);
        foreach (var r in batch) ResolveUnit(r, lookups);
        var existing = new Dictionary<long, HashSet<string>>();
        foreach (var g in batch.Where(r => writer is null && r.Unit is not null && r.Number is not null).GroupBy(r => r.Unit!.Id))
            existing[g.Key] = await lookups.ExistingNumbersAsync(g.Key, g.Select(r => r.Number!).Distinct().ToList(), ct);
        foreach (var r in batch)
        {
            await CheckReferencesAsync(r, lookups, pass, existing, ct);
            CheckRules(r);
            if (writer is not null && !problems.Any) await writer.AddAsync(r.ToContract(db.Scope.Actor, lookups.FilingRequired(
                r.Unit!.RegionId, r.Category!.Value, r.Method!.Value, r.Amount!.Value), ImportNote), ct);
        }
    }

    private void ResolveUnit(ContractImportRow r, ContractImportLookups lookups)
    {
        var row = r.Row;
        if (r.RegionCode is { } rc && !lookups.RegionExists(rc))
            row.Fail(C.RegionCode, $"区划代码“{rc}”不存在", $"Unknown region code '{rc}'");
        if (r.UnitCode is null || row.Failed(C.RegionCode)) return;
        var units = lookups.Units(r.UnitCode, r.RegionCode);
        if (units.Count == 0)
            row.Fail(C.UnitCode, $"未找到编码为“{r.UnitCode}”的预算单位", $"No budget unit has the code '{r.UnitCode}'");
        else if (units.Count > 1)
            row.Fail(C.UnitCode, $"单位编码“{r.UnitCode}”在多个区域中存在，请填写“区划代码”列", $"Unit code '{r.UnitCode}' exists in several regions: fill in the region code column");
        else if (!(db.Scope.All || (db.Scope.CanWriteContracts && db.Scope.BudgetUnitId == units[0].Id)))
            row.Fail(C.UnitCode, $"您无权为“{units[0].Name}”导入合同", $"You may not import contracts for '{units[0].Name}'");
        else r.Unit = units[0];
    }

    private static async Task CheckReferencesAsync(ContractImportRow r, ContractImportLookups lookups, Pass pass,
        Dictionary<long, HashSet<string>> existing, CancellationToken ct)
    {
        var row = r.Row;
        if (r.SubcategoryKey is { } key)
        {
            r.Subcategory = lookups.Subcategory(key);
            if (r.Subcategory is null)
                row.Fail(C.Subcategory, $"未找到合同小类“{key}”（请填写小类编码或名称）", $"Unknown subcategory '{key}' (give its code or name)");
            else if (r.Category is { } cat && r.Subcategory.Category != cat)
                row.Fail(C.Subcategory, $"小类“{r.Subcategory.Name}”不属于{Labels.Categories[cat].Zh}类", $"Subcategory '{r.Subcategory.NameEn}' is not in {Labels.Categories[cat].En}");
        }
        foreach (var code in r.Usccs)
        {
            if (Uscc.Explain(code) is { } why)
                row.Fail(C.Suppliers, Msg.FromPair($"“{code}”：" + why.Replace("|", $"|'{code}': ")));
            else if (lookups.Supplier(code) is { } s) r.Suppliers.Add(s);
            else row.Fail(C.Suppliers, $"未找到统一社会信用代码为“{code}”的供应商，请先登记或导入该供应商",
                $"No supplier has the code '{code}': register or import it first");
        }
        if (r.Unit is not { } unit) return;
        if (r.DepartmentPath is { } path)
        {
            r.DepartmentId = await lookups.DepartmentAsync(unit.Id, path, ct);
            if (r.DepartmentId is null)
                row.Fail(C.Department, $"部门“{path}”不属于{unit.Name}", $"The department '{path}' is not part of {unit.Name}");
        }
        if (r.Number is { } number)
        {
            if (existing.TryGetValue(unit.Id, out var taken) && taken.Contains(number))
                row.Fail(C.Number, $"{unit.Name}已存在编号为“{number}”的合同", $"{unit.Name} already has a contract numbered '{number}'");
            else if (pass.Numbers.TryGetValue((unit.Id, number), out var first))
                row.Fail(C.Number, $"合同编号“{number}”与第{first}行重复", $"The contract number '{number}' repeats row {first}");
            else pass.Numbers[(unit.Id, number)] = row.Number;
        }
        await CheckBudgetAsync(r, unit, lookups, pass, ct);
    }

    private static async Task CheckBudgetAsync(ContractImportRow r, ContractImportLookups.UnitInfo unit, ContractImportLookups lookups, Pass pass, CancellationToken ct)
    {
        var row = r.Row;
        if (r.LineCode is not { } code || row.Failed(C.Year) || row.Failed(C.SignDate)) return;
        var year = r.Year ?? r.SignDate?.Year;
        if (year is null)
        {
            row.Fail(C.BudgetLine, "请填写“预算年度”或“签订日期”，以确定预算指标的年度", "Give the budget year or the sign date, to know the budget line's year");
            return;
        }
        var line = await lookups.LineAsync(unit.Id, year.Value, code, ct);
        if (line is null)
        {
            row.Fail(C.BudgetLine, $"{unit.Name}没有{year}年度编码为“{code}”的预算指标（先有预算后购买）",
                $"{unit.Name} has no budget line '{code}' for {year} (no purchase without a budget)");
            return;
        }
        r.Line = line;
        if (r.Amount is not { } amount || amount <= 0 || row.Failed(C.Amount)) return;
        var before = pass.Budget.GetValueOrDefault(line.Id);
        if (before + amount > line.Available)
        {
            row.Fail(C.BudgetLine, before == 0
                ? new Msg($"预算指标“{line.Code} {line.Name}”可用余额为{Money.Format(line.Available)}，不足以支付合同金额{Money.Format(amount)}（先有预算后购买）",
                    $"Budget line '{line.Code} {line.Name}' has {Money.Format(line.Available)} available, less than the amount {Money.Format(amount)}")
                : new Msg($"预算指标“{line.Code} {line.Name}”可用余额为{Money.Format(line.Available)}，本文件前面各行已占用{Money.Format(before)}，余额不足以支付本行金额{Money.Format(amount)}（先有预算后购买）",
                    $"Budget line '{line.Code} {line.Name}' has {Money.Format(line.Available)} available; earlier rows of this file take {Money.Format(before)}, leaving too little for {Money.Format(amount)}"));
            return;
        }
        pass.Budget[line.Id] = before + amount;
    }

    private static void CheckRules(ContractImportRow r)
    {
        var bag = new ErrorBag();
        ContractRules.Check(r.ToInput(), bag);
        foreach (var (field, msgs) in bag.ToDictionary())
        {
            var column = C.ForField(field);
            if (r.Row.Failed(column)) continue;
            foreach (var m in msgs) r.Row.Fail(column, m);
        }
    }

    /// <summary>Takes each line's total atomically (as FilingService does for one contract) and audits it; false when a concurrent filing spent it first.</summary>
    private async Task<bool> CommitBudgetsAsync(Dictionary<long, decimal> totals, ImportProblems problems, CancellationToken ct)
    {
        foreach (var (lineId, total) in totals.OrderBy(t => t.Key))
        {
            var before = await db.BudgetLines.AsNoTracking().Where(l => l.Id == lineId).Select(l => new { l.Code, l.Name, l.Committed, l.Amount }).FirstAsync(ct);
            var n = await db.BudgetLines.Where(l => l.Id == lineId && l.Amount - l.Committed >= total)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed + total), ct);
            if (n != 1)
            {
                problems.Add(null, C.BudgetLine.Header,
                    $"导入期间预算指标“{before.Code} {before.Name}”的余额已被其他合同占用，剩余{Money.Format(before.Amount - before.Committed)}，不足{Money.Format(total)}；未导入任何数据",
                    $"While importing, other filings spent budget line '{before.Code}': {Money.Format(before.Amount - before.Committed)} left, {Money.Format(total)} needed; nothing was imported");
                return false;
            }
            db.AuditEntries.Add(Audit("update", nameof(BudgetLine), lineId.ToString(),
                new { before.Committed }, new { Committed = before.Committed + total, Note = ImportNote }));
        }
        return true;
    }

    private AuditEntry Audit(string action, string entity, string? id, object? before, object? after) => new()
    {
        At = db.Clock.GetUtcNow().UtcDateTime, Actor = db.Scope.Actor, Ip = db.Scope.Ip, Action = action, EntityType = entity, EntityId = id,
        Before = before is null ? null : JsonSerializer.Serialize(before), After = after is null ? null : JsonSerializer.Serialize(after),
    };
}
