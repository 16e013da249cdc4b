using System.Diagnostics;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Organizations;

/// <summary>
/// Imports budget lines (预算指标) per unit and year from .xlsx/.csv, all or nothing. A line whose
/// unit, year and code already exist is updated (name and amount), but never below what contracts
/// have already committed against it. The system may import for any unit, a finance supervisor for
/// the units of their region. Audited through SaveChanges.
/// </summary>
public sealed class BudgetLineImport(LvyueDbContext db)
{
    public static readonly ImportColumn UnitCode = new("unitCode", "单位编码", "Unit code", true, "预算单位编码", "The budget unit's code", "101001");
    public static readonly ImportColumn RegionCode = new("regionCode", "区划代码", "Region code", false,
        "可选：单位编码在多个区域重复时用于区分", "Optional: tells units with the same code in several regions apart", "");
    public static readonly ImportColumn Year = new("year", "年度", "Year", true, "预算年度，如2026", "Budget year, e.g. 2026", "2026") { Kind = ImportCellKind.Number };
    public static readonly ImportColumn Code = new("code", "指标编码", "Line code", true,
        "单位该年度内唯一，最多64个字符；已存在的编码将更新该指标", "Unique in the unit and year, at most 64 characters; an existing code updates that line", "2026-101001-04");
    public static readonly ImportColumn Name = new("name", "指标名称", "Line name", true, "最多200字", "At most 200 characters", "专用材料购置费");
    public static readonly ImportColumn Amount = new("amount", "指标金额（元）", "Amount (CNY)", true,
        "以元为单位，最多两位小数；更新时不得低于已占用金额", "In yuan, at most two decimals; an update may not go below the committed amount", "5000000.00")
    { Kind = ImportCellKind.Number };

    public static readonly IReadOnlyList<ImportColumn> Columns = [UnitCode, RegionCode, Year, Code, Name, Amount];

    private sealed record Row(int Number, string UnitCode, string? RegionCode, int Year, string Code, string Name, decimal Amount);

    public static void WriteTemplate(Stream output) =>
        ImportTemplate.Write(output, "预算指标", Columns, [Columns.Select(c => c.Example).ToList()], []);

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var scope = db.Scope;
        if (!scope.All && !(scope.HasRole(Roles.Supervisor) && scope.RegionId is not null)) throw DomainException.Forbidden();
        var clock = Stopwatch.StartNew();
        await using var source = await ImportSource.OpenAsync(content, fileName, ct);
        var problems = new ImportProblems();
        var all = ImportReading.ReadAll(source, Columns, problems, Parse);
        if (problems.Any) return problems.ToResult("budget-lines", all.Count, clock.Elapsed);
        var rows = all.OfType<Row>().ToList();

        var lookups = new ContractImportLookups(db);
        await lookups.LoadAsync(ct);
        var resolved = new List<(Row Row, ContractImportLookups.UnitInfo Unit)>();
        var seen = new Dictionary<string, int>();
        foreach (var r in rows)
        {
            var units = lookups.Units(r.UnitCode, r.RegionCode);
            if (units.Count != 1)
            {
                problems.Add(r.Number, UnitCode.Header, units.Count == 0
                    ? new Msg($"未找到编码为“{r.UnitCode}”的预算单位", $"No budget unit has the code '{r.UnitCode}'")
                    : new Msg($"单位编码“{r.UnitCode}”在多个区域中存在，请填写“区划代码”列", $"Unit code '{r.UnitCode}' exists in several regions: fill in the region code column"));
                continue;
            }
            var unit = units[0];
            if (!scope.All && scope.RegionId != unit.RegionId)
            {
                problems.Add(r.Number, UnitCode.Header, $"您无权为“{unit.Name}”导入预算指标", $"You may not import budget lines of '{unit.Name}'");
                continue;
            }
            var key = $"{unit.Id}/{r.Year}/{r.Code}";
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(r.Number, Code.Header, $"指标编码“{r.Code}”（{r.Year}年度）与第{first}行重复", $"Line '{r.Code}' of {r.Year} repeats row {first}");
                continue;
            }
            seen[key] = r.Number;
            var line = await lookups.LineAsync(unit.Id, r.Year, r.Code, ct);
            if (line is not null && r.Amount < line.Committed)
                problems.Add(r.Number, Amount.Header,
                    $"指标金额不能低于已被合同占用的{Money.Format(line.Committed)}", $"The amount may not go below the {Money.Format(line.Committed)} already committed by contracts");
            resolved.Add((r, unit));
        }
        if (problems.Any) return problems.ToResult("budget-lines", all.Count, clock.Elapsed);

        int inserted = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in resolved.Chunk(500))
        {
            foreach (var (r, unit) in chunk)
            {
                var line = await db.BudgetLines.FirstOrDefaultAsync(l => l.BudgetUnitId == unit.Id && l.Year == r.Year && l.Code == r.Code, ct);
                if (line is null)
                {
                    db.BudgetLines.Add(new BudgetLine { BudgetUnitId = unit.Id, RegionId = unit.RegionId, Year = r.Year, Code = r.Code, Name = r.Name, Amount = r.Amount });
                    inserted++;
                    continue;
                }
                // Guarded like a commitment: a filing that commits meanwhile cannot be undercut.
                var n = await db.BudgetLines.Where(l => l.Id == line.Id && l.Committed <= r.Amount)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Amount, r.Amount).SetProperty(l => l.Name, r.Name), ct);
                if (n != 1)
                {
                    problems.Add(r.Number, Amount.Header, "导入期间该指标被合同占用，金额已低于占用额；未导入任何数据",
                        "Contracts committed this line meanwhile, above the new amount; nothing was imported");
                    return problems.ToResult("budget-lines", all.Count, clock.Elapsed);
                }
                db.AuditEntries.Add(new Audit.AuditEntry
                {
                    At = db.Clock.GetUtcNow().UtcDateTime, Actor = scope.Actor, Ip = scope.Ip, Action = "update", EntityType = nameof(BudgetLine),
                    EntityId = line.Id.ToString(),
                    Before = System.Text.Json.JsonSerializer.Serialize(new { line.Name, line.Amount }),
                    After = System.Text.Json.JsonSerializer.Serialize(new { r.Name, r.Amount }),
                });
                updated++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return new ImportResult { What = "budget-lines", Rows = rows.Count, Inserted = inserted, Updated = updated, Elapsed = clock.Elapsed };
    }

    private static Row? Parse(ImportRow r)
    {
        var unit = r.Text(UnitCode, 32);
        var region = r.Text(RegionCode, 12);
        var year = r.Integer(Year);
        if (year is < 1990 or > 2100) r.Fail(Year, "年度应在1990至2100之间", "The year must be between 1990 and 2100");
        var code = r.Text(Code, 64);
        var name = r.Text(Name, 200);
        var amount = r.Decimal(Amount);
        if (amount is { } a)
        {
            if (a <= 0) r.Fail(Amount, "指标金额必须大于0", "The amount must be greater than zero");
            else if (a > ContractRules.MaxAmount) r.Fail(Amount, "指标金额超出合理范围（不超过1000亿元）", "The amount is beyond any plausible budget (at most CNY 100 billion)");
            else if (decimal.Round(a, 2) != a) r.Fail(Amount, "指标金额最多保留两位小数（到分）", "The amount may have at most two decimals (fen)");
        }
        return r.HasErrors ? null : new Row(r.Number, unit!, region, year!.Value, code!, name!, amount!.Value);
    }
}
