using System.Diagnostics;
using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Integration;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = Lvyue.Contracts.ContractImportColumns;

namespace Lvyue.Bench;

/// <summary>
/// Bulk import of contracts: <c>make-import-file</c> writes an N-row template file for the benchmark
/// unit (in its own process, so its memory does not count), <c>import</c> ensures that unit, its
/// budget line and supplier exist, imports the file and reports rows/s and peak memory.
/// </summary>
internal static class ImportBench
{
    public const string UnitCode = "990001";
    public const string LineCode = "2026-990001-IMPORT";
    public static readonly string SupplierUscc = Uscc.Complete("91440300BN0000001");

    public static void MakeFile(int rows, string path)
    {
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var subs = Taxonomy.Defaults();
        using var file = File.Create(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var w = new StreamWriter(file, new System.Text.UTF8Encoding(true));
            w.WriteLine(string.Join(',', C.All.Select(c => c.Header)));
            for (var i = 0; i < rows; i++) w.WriteLine(string.Join(',', Row(i, run, subs).Select(v => v.Contains(',') ? $"\"{v}\"" : v)));
            return;
        }
        using var x = new XlsxStreamWriter(file);
        x.StartSheet("合同", C.All.Select(_ => 14.0).ToList());
        x.StartRow();
        foreach (var c in C.All) x.Text(c.Header);
        for (var i = 0; i < rows; i++)
        {
            x.StartRow();
            var values = Row(i, run, subs);
            for (var k = 0; k < C.All.Count; k++)
            {
                if (C.All[k] == C.Amount) x.Number(decimal.Parse(values[k], CultureInfo.InvariantCulture));
                else if (C.All[k].Kind == ImportCellKind.Date) x.Date(DateOnly.Parse(values[k], CultureInfo.InvariantCulture));
                else x.Text(values[k]);
            }
        }
        x.Finish();
    }

    private static string[] Row(int i, string run, IReadOnlyList<Subcategory> subs)
    {
        var sub = subs[i % subs.Count];
        var sign = new DateOnly(2026, 1, 1).AddDays(i % 300);
        var amount = 10_000m + i % 997 * 1_000m + 0.5m;
        return C.All.Select(c => c.Key switch
        {
            "number" => $"IMP-{run}-{i + 1:D7}",
            "title" => $"基准导入单位{sub.Name}合同（{i + 1}）",
            "unitCode" => UnitCode,
            "department" => "综合科/采购组",
            "category" => Labels.Categories[sub.Category].Zh,
            "subcategory" => i % 2 == 0 ? sub.Code : sub.Name,
            "method" => Labels.Methods[(ProcurementMethod)(i % 8)].Zh,
            "amount" => amount.ToString(CultureInfo.InvariantCulture),
            "taxRate" => "6",
            "signDate" => sign.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "effectiveDate" => sign.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "startDate" => sign.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "endDate" => sign.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "year" => "2026",
            "budgetLine" => LineCode,
            "suppliers" => SupplierUscc,
            "keyProject" => i % 10 == 0 ? "是" : "否",
            "confidentiality" => i % 20 == 0 ? "商业秘密" : "公开",
            "purchaserContactName" => "王明",
            "purchaserContactPhone" => "0755-82220000",
            "supplierContactPhone" => "13900000000",
            _ => "",
        }).ToArray();
    }

    public static async Task RunAsync(string provider, string connection, string path)
    {
        await using (var sys = BenchHost.Services(provider, connection, TenantScope.System))
        await using (var s = sys.CreateAsyncScope())
        {
            var sp = s.ServiceProvider;
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await sp.GetRequiredService<ReferenceData>().EnsureAsync();
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(contracts: 0);
            await EnsureUnitAsync(sp.GetRequiredService<LvyueDbContext>());
        }
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        await using var services = BenchHost.Services(provider, connection, TenantScope.System with { Actor = "bench" });
        await using var scope = services.CreateAsyncScope();
        await using var file = File.OpenRead(path);
        // Warm-up: EF Core builds its model on the first query of a process (about a second); not part of the import.
        await scope.ServiceProvider.GetRequiredService<LvyueDbContext>().Regions.AnyAsync();
        long heapPeak = 0;
        using var sampler = new Timer(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)), null, 0, 50);
        var clock = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<ContractImport>().ImportAsync(file, Path.GetFileName(path),
            new SyncProgress(pr => { if (pr.Rows % 25_000 == 0) Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.00} s  {pr.Phase} {pr.Rows:N0}"); }));
        clock.Stop();
        var p = Process.GetCurrentProcess();
        if (!result.Succeeded)
        {
            foreach (var x in result.Problems.Take(10)) Console.WriteLine(x);
            throw new InvalidOperationException("import refused");
        }
        Console.WriteLine($"{provider}: imported {result.Inserted:N0} rows from {new FileInfo(path).Length / 1048576.0:0.0} MB {Path.GetExtension(path)} in {clock.Elapsed.TotalSeconds:0.00} s = {result.Inserted / clock.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"  working set before {before / 1048576.0:0} MB, peak {p.PeakWorkingSet64 / 1048576.0:0} MB; managed heap peak {heapPeak / 1048576.0:0} MB (sampled every 50 ms), after a full collection {GC.GetTotalMemory(true) / 1048576.0:0} MB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB in all, gen2 collections {GC.CollectionCount(2)}");
    }

    private static async Task EnsureUnitAsync(LvyueDbContext db)
    {
        var region = await db.Regions.OrderBy(r => r.Id).FirstAsync();
        var unit = await db.BudgetUnits.Include(u => u.Departments).FirstOrDefaultAsync(u => u.RegionId == region.Id && u.Code == UnitCode);
        if (unit is null)
        {
            unit = new BudgetUnit { RegionId = region.Id, Code = UnitCode, Name = "基准导入单位" };
            db.BudgetUnits.Add(unit);
            await db.SaveChangesAsync();
            var top = new Department { BudgetUnitId = unit.Id, Name = "综合科" };
            db.Departments.Add(top);
            await db.SaveChangesAsync();
            db.Departments.Add(new Department { BudgetUnitId = unit.Id, ParentId = top.Id, Name = "采购组" });
        }
        if (!await db.BudgetLines.AnyAsync(l => l.BudgetUnitId == unit.Id && l.Code == LineCode))
            db.BudgetLines.Add(new BudgetLine { BudgetUnitId = unit.Id, RegionId = region.Id, Year = 2026, Code = LineCode, Name = "导入基准预算", Amount = 400_000_000_000m });
        else // each run commits about ¥50 bn per 100,000 rows: give the line fresh headroom
            await db.BudgetLines.Where(l => l.BudgetUnitId == unit.Id && l.Code == LineCode)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Amount, l => l.Committed + 400_000_000_000m));
        if (!await db.Suppliers.AnyAsync(s => s.Uscc == SupplierUscc))
            db.Suppliers.Add(new Supplier { Uscc = SupplierUscc, Name = "深圳市导入基准供应商有限公司" });
        await db.SaveChangesAsync();
    }
}

/// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
