using System.Diagnostics;
using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Integration;
using Lvyue.Organizations;
using Lvyue.Performance;
using Lvyue.Performance.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Bench;

/// <summary>
/// Payment import with matching (issue 5): <c>payments</c> ensures a benchmark unit with
/// <c>--contracts</c> performing contracts (each with one open payment milestone), writes a
/// <c>--rows</c>-row treasury file (.xlsx or .csv by <c>--file</c>'s extension) in which every
/// contract is paid <c>rows/contracts</c> times — the first payment of each contract of exactly its
/// milestone's amount (matched to the milestone), 1% to a payee who is not the supplier (an alert),
/// 2% without a contract number (left unmatched) — then imports it as the region's supervisor and
/// reports rows/s and peak memory. Setup and file writing are not timed.
/// </summary>
internal static class PaymentBench
{
    private const string UnitCode = "990002";
    private const string SupplierName = "深圳市支付基准供应商有限公司";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchHost.Arg(args, "--provider");
        var connection = BenchHost.Arg(args, "--connection");
        var rows = int.Parse(BenchHost.Arg(args, "--rows", "100000"), CultureInfo.InvariantCulture);
        var contractCount = int.Parse(BenchHost.Arg(args, "--contracts", "10000"), CultureInfo.InvariantCulture);
        var path = BenchHost.Arg(args, "--file");
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

        long regionId;
        List<string> numbers;
        var setup = Stopwatch.StartNew();
        await using (var sys = BenchHost.Services(provider, connection, TenantScope.System with { Actor = "bench" }))
        await using (var s = sys.CreateAsyncScope())
        {
            var sp = s.ServiceProvider;
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await sp.GetRequiredService<ReferenceData>().EnsureAsync();
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(contracts: 0);
            (regionId, numbers) = await EnsureContractsAsync(sp.GetRequiredService<LvyueDbContext>(), contractCount, run);
        }
        Console.WriteLine($"setup: {numbers.Count:N0} contracts with a payment milestone each in {setup.Elapsed.TotalSeconds:0.0} s");
        WriteFile(path, rows, numbers, run);
        Console.WriteLine($"file: {rows:N0} rows, {new FileInfo(path).Length / 1048576.0:0.0} MB");

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var supervisor = TenantScope.ForRegion(regionId, "bench-supervisor") with { Roles = [Roles.Supervisor] };
        await using var services = BenchHost.Services(provider, connection, supervisor);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LvyueDbContext>().Regions.AnyAsync();
        long heapPeak = 0;
        using var sampler = new Timer(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)), null, 0, 50);
        await using var file = File.OpenRead(path);
        var clock = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<PaymentImport>().ImportAsync(file, Path.GetFileName(path),
            new SyncProgress(pr => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.00} s  {pr.Phase} {pr.Rows:N0}")));
        clock.Stop();
        var p = Process.GetCurrentProcess();
        if (!result.Succeeded)
        {
            foreach (var x in result.Problems.Take(10)) Console.WriteLine(x);
            Console.Error.WriteLine("import refused");
            return 1;
        }
        await using (var check = BenchHost.Services(provider, connection, TenantScope.System))
        await using (var cs = check.CreateAsyncScope())
        {
            var db = cs.ServiceProvider.GetRequiredService<LvyueDbContext>();
            var byMatch = await db.Payments.Where(x => x.Source == "file:" + Path.GetFileName(path) && x.ImportedAt >= DateTime.UtcNow.AddHours(-1))
                .GroupBy(x => x.Match).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine("  matching: " + string.Join(", ", byMatch.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Count:N0}")));
            Console.WriteLine($"  alerts stored: {await db.ComplianceAlerts.CountAsync():N0}");
        }
        Console.WriteLine($"{provider}: imported {result.Inserted:N0} payments from {new FileInfo(path).Length / 1048576.0:0.0} MB {Path.GetExtension(path)} in {clock.Elapsed.TotalSeconds:0.00} s = {result.Inserted / clock.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"  working set before {before / 1048576.0:0} MB, peak {p.PeakWorkingSet64 / 1048576.0:0} MB; managed heap peak {heapPeak / 1048576.0:0} MB (sampled every 50 ms); allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB in all, gen2 collections {GC.CollectionCount(2)}");
        return 0;
    }

    /// <summary>Adds <paramref name="count"/> performing contracts of the benchmark unit, each with one open payment milestone of ¥10,000.</summary>
    private static async Task<(long Region, List<string> Numbers)> EnsureContractsAsync(LvyueDbContext db, int count, string run)
    {
        var region = await db.Regions.OrderBy(r => r.Id).FirstAsync();
        var unit = await db.BudgetUnits.FirstOrDefaultAsync(u => u.RegionId == region.Id && u.Code == UnitCode);
        if (unit is null)
        {
            unit = new BudgetUnit { RegionId = region.Id, Code = UnitCode, Name = "支付基准单位" };
            db.BudgetUnits.Add(unit);
            await db.SaveChangesAsync();
        }
        var line = new BudgetLine { BudgetUnitId = unit.Id, RegionId = region.Id, Year = 2026, Code = $"2026-{UnitCode}-{run}", Name = "支付基准预算", Amount = 100_000_000_000m };
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Name == SupplierName);
        if (supplier is null)
        {
            supplier = new Supplier { Name = SupplierName, Uscc = Uscc.Complete("91440300BN0000002"), IsSme = true, BankAccount = "4000021009000000099" };
            db.Suppliers.Add(supplier);
        }
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync();
        var sub = await db.Subcategories.FirstAsync(s => s.Code == "S01");
        var numbers = new List<string>(count);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<Contract>();
            for (var i = start; i < Math.Min(count, start + 2000); i++)
            {
                var number = $"PAYB-{run}-{i + 1:D6}";
                numbers.Add(number);
                var c = new Contract
                {
                    RegionId = region.Id, BudgetUnitId = unit.Id, Number = number, Title = $"支付基准服务合同{i + 1}", Category = Category.Services,
                    SubcategoryId = sub.Id, ProcurementMethod = ProcurementMethod.OpenTender, Amount = 1_000_000m, SignDate = new DateOnly(2026, 1, 5),
                    StartDate = new DateOnly(2026, 1, 10), EndDate = new DateOnly(2026, 12, 31), BudgetLineId = line.Id, Status = ContractStatus.Performing,
                    FilingRequired = true, CreatedBy = "bench", SearchText = number.ToLowerInvariant(),
                };
                c.Suppliers.Add(new ContractSupplier { SupplierId = supplier.Id });
                batch.Add(c);
            }
            db.Contracts.AddRange(batch);
            await db.SaveChangesAsync();
            db.Milestones.AddRange(batch.Select(c => new Milestone
            {
                ContractId = c.Id, RegionId = c.RegionId, BudgetUnitId = c.BudgetUnitId, Kind = MilestoneKind.PaymentInstallment, Title = "首期款",
                Sequence = 1, DueDate = new DateOnly(2026, 3, 31), Amount = 10_000m, ResponsibleParty = ResponsibleParty.Purchaser,
                Status = MilestoneStatus.Planned, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (region.Id, numbers);
    }

    private static void WriteFile(string path, int rows, List<string> numbers, string run)
    {
        string[] Row(int i)
        {
            var contract = numbers[i % numbers.Count];
            var first = i < numbers.Count;
            return
            [
                $"ZF-{run}-{i + 1:D7}", new DateOnly(2026, 1, 15).AddDays(i % 270).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "支付基准单位",
                i % 100 == 7 ? "某劳务派遣有限公司" : SupplierName, i % 100 == 7 ? "6222000000000000007" : "4000021009000000099",
                (first ? 10_000m : 1_000m + i % 50).ToString(CultureInfo.InvariantCulture), i % 50 == 3 ? "" : contract, $"服务费（{i + 1}）",
            ];
        }
        var headers = PaymentImport.Columns.Select(c => c.Header).ToList();
        using var file = File.Create(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var w = new StreamWriter(file, new System.Text.UTF8Encoding(true));
            w.WriteLine(string.Join(',', headers));
            for (var i = 0; i < rows; i++) w.WriteLine(string.Join(',', Row(i)));
            return;
        }
        using var x = new XlsxStreamWriter(file);
        x.StartSheet("支付", headers.Select(_ => 16.0).ToList());
        x.StartRow();
        foreach (var h in headers) x.Text(h);
        for (var i = 0; i < rows; i++)
        {
            x.StartRow();
            var v = Row(i);
            for (var k = 0; k < v.Length; k++)
            {
                if (k == 1) x.Date(DateOnly.Parse(v[k], CultureInfo.InvariantCulture));
                else if (k == 5) x.Number(decimal.Parse(v[k], CultureInfo.InvariantCulture));
                else x.Text(v[k]);
            }
        }
        x.Finish();
    }
}
