using System.Diagnostics;
using System.Text.Json;
using Lvyue.Audit;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Cli;

/// <summary>
/// Generates synthetic contracts for benchmarks, fast, into the demo region: 200 benchmark units
/// (codes 900001…, like Luohu's 205) with a budget line per year, 2,000 suppliers, then the
/// contracts through <see cref="ContractBulkWriter"/> (SQLite prepared INSERTs, PostgreSQL binary
/// COPY) in transactions of 100,000. Every row is valid: tenancy columns set, search text built (the
/// FTS triggers and trigram index are maintained), budget lines committed by the contracts' sums,
/// a created event per contract and a status event for those past Draft, approval tasks for those
/// pending (at the level of the default Kunshan band: the authority from CNY 200,000), and one audit
/// entry per run.
/// </summary>
public sealed class SyntheticContracts(LvyueDbContext db, TextWriter log)
{
    public const int Units = 200;
    public const int SupplierCount = 2000;
    public const int FirstYear = 2021;
    private const int Transaction = 100_000;

    public async Task<double> GenerateAsync(int count, CancellationToken ct = default)
    {
        var region = await db.Regions.OrderBy(r => r.Id).FirstAsync(ct);
        var today = Common.ChinaTime.Today(db.Clock);
        var units = await EnsureUnitsAsync(region, ct);
        var lines = await EnsureLinesAsync(region, units, today.Year, ct);
        var suppliers = await EnsureSuppliersAsync(ct);
        var subs = await db.Subcategories.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var thresholds = await db.FilingThresholds.AsNoTracking().Where(t => t.RegionId == region.Id).ToListAsync(ct);
        var start = await db.Contracts.CountAsync(ct);
        var rnd = new Random(20260302 + start);
        var firstDay = new DateOnly(FirstYear, 1, 1).DayNumber;
        var days = today.DayNumber - firstDay;
        var now = db.Clock.GetUtcNow().UtcDateTime;

        log.WriteLine($"生成 {count:N0} 份合同 / generating {count:N0} contracts ({(db.IsSqlite ? "SQLite prepared INSERT" : "PostgreSQL binary COPY")})");
        var clock = Stopwatch.StartNew();
        long firstId = 0, lastId = 0;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(Transaction, count - done);
            var committed = new Dictionary<long, decimal>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            using var writer = new ContractBulkWriter(db);
            for (var k = 0; k < n; k++)
            {
                var seq = start + done + k + 1;
                var unit = units[rnd.Next(units.Count)];
                var sub = subs[rnd.Next(subs.Count)];
                var sign = DateOnly.FromDayNumber(firstDay + rnd.Next(days + 1));
                var amount = Math.Round((decimal)Math.Exp(rnd.NextDouble() * 5.2 + 9.6), 2); // ≈ ¥15,000 … ¥2,700,000
                var method = amount >= 1_000_000m ? ProcurementMethod.OpenTender : (ProcurementMethod)rnd.Next(1, 8);
                var status = Status(rnd.Next(100));
                var lead = suppliers[rnd.Next(suppliers.Count)];
                var line = lines[(unit.Id, sign.Year)];
                var c = new Contract
                {
                    RegionId = region.Id, BudgetUnitId = unit.Id, Number = $"{unit.Code}-{sign.Year}-B{seq:D7}",
                    Title = $"{unit.Name}{sub.Name}{Suffix(sub.Category)}（{seq}）", Category = sub.Category, SubcategoryId = sub.Id,
                    ProcurementMethod = method, Amount = amount, TaxRate = sub.Category == Category.Works ? 9m : sub.Category == Category.Goods ? 13m : 6m,
                    SignDate = sign, EffectiveDate = sign, StartDate = sign.AddDays(rnd.Next(0, 20)), EndDate = sign.AddMonths(rnd.Next(3, 25)),
                    BudgetLineId = line, IsKeyProject = amount >= 1_000_000m,
                    Confidentiality = rnd.Next(10) == 0 ? Confidentiality.CommercialSecret : Confidentiality.Public,
                    FilingRequired = FilingRequired(thresholds, sub.Category, method, amount), Status = status, CreatedBy = "seed",
                    PurchaserContactName = "王明", PurchaserContactPhone = "0755-82220000", SupplierContactName = lead.ContactName,
                    SupplierContactPhone = lead.ContactPhone, CreatedAt = now, UpdatedAt = now,
                };
                var parties = rnd.Next(10) == 0 ? new[] { lead, suppliers[(suppliers.IndexOf(lead) + 1) % suppliers.Count] } : [lead];
                for (var p = 0; p < parties.Length; p++) c.Suppliers.Add(new ContractSupplier { SupplierId = parties[p].Id, SortOrder = p });
                c.SearchText = FilingService.BuildSearchText(c, unit.Name, parties);
                c.Events.Add(new ContractEvent { Kind = "created", ToStatus = ContractStatus.Draft, Note = "基准数据 / synthetic benchmark data", Actor = "seed", At = now });
                if (status != ContractStatus.Draft)
                    c.Events.Add(new ContractEvent { Kind = "status", FromStatus = ContractStatus.Draft, ToStatus = status, Note = "基准数据 / synthetic benchmark data", Actor = "seed", At = now });
                committed[line] = committed.GetValueOrDefault(line) + amount;
                await writer.AddAsync(c, ct);
            }
            await writer.CompleteAsync(ct);
            if (firstId == 0) firstId = writer.FirstId;
            lastId = writer.LastId;
            foreach (var (lineId, sum) in committed)
                await db.BudgetLines.Where(l => l.Id == lineId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Committed, l => l.Committed + sum), ct);
            await tx.CommitAsync(ct);
            done += n;
            log.WriteLine($"  {done:N0} / {count:N0}  ({done / clock.Elapsed.TotalSeconds:N0} 行/秒 rows/s)");
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        await AddApprovalTasksAsync(firstId, lastId, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = db.Scope.Actor, Action = "seed", EntityType = nameof(Contract), EntityId = $"{firstId}-{lastId}",
            After = JsonSerializer.Serialize(new { Contracts = count, FirstId = firstId, LastId = lastId, Note = "基准数据 / synthetic benchmark data" }),
        });
        await db.SaveChangesAsync(ct);
        // PostgreSQL after a bulk load: statistics for the planner and the visibility map that lets counts
        // use index-only scans. Not on SQLite: with sqlite_stat1 its planner materializes the ledger's
        // supplier join for every row (a ledger page of 200,000 contracts went from 0.2 s to 0.7 s).
        if (!db.IsSqlite) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Contracts\"", ct);
        log.WriteLine($"已生成 {count:N0} 份合同，用时 {clock.Elapsed.TotalSeconds:0.0} 秒，{rate:N0} 行/秒 / generated {count:N0} contracts in {clock.Elapsed.TotalSeconds:0.0} s, {rate:N0} rows/s");
        return rate;
    }

    private static ContractStatus Status(int p) => p switch
    {
        < 10 => ContractStatus.Draft,
        < 18 => ContractStatus.PendingApproval,
        < 28 => ContractStatus.Filed,
        < 68 => ContractStatus.Performing,
        < 95 => ContractStatus.Completed,
        _ => ContractStatus.Terminated,
    };

    private static string Suffix(Category c) => c switch { Category.Works => "施工合同", Category.Goods => "采购合同", _ => "服务合同" };

    /// <summary>The threshold rule of <see cref="FilingService.IsFilingRequiredAsync"/> over preloaded rows.</summary>
    private static bool FilingRequired(List<FilingThreshold> rows, Category category, ProcurementMethod method, decimal amount)
    {
        var best = rows.Where(t => (t.Category is null || t.Category == category) && (t.Method is null || t.Method == method))
            .OrderByDescending(t => (t.Category is null ? 0 : 2) + (t.Method is null ? 0 : 1)).FirstOrDefault();
        return best is null || amount >= best.MinAmount;
    }

    private async Task<List<BudgetUnit>> EnsureUnitsAsync(Region region, CancellationToken ct)
    {
        var codes = Enumerable.Range(1, Units).Select(i => $"9{i:D5}").ToList();
        var existing = await db.BudgetUnits.Where(u => u.RegionId == region.Id && codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        foreach (var code in codes.Except(existing))
        {
            var u = new BudgetUnit { RegionId = region.Id, Code = code, Name = $"{region.Name}基准单位{code[1..]}", ContactName = "王明", ContactPhone = "0755-82220000" };
            u.Departments.Add(new Department { Name = "综合科" });
            db.BudgetUnits.Add(u);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await db.BudgetUnits.AsNoTracking().Where(u => u.RegionId == region.Id && codes.Contains(u.Code)).OrderBy(u => u.Code).ToListAsync(ct);
    }

    private async Task<Dictionary<(long Unit, int Year), long>> EnsureLinesAsync(Region region, List<BudgetUnit> units, int lastYear, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var have = await db.BudgetLines.AsNoTracking().Where(l => ids.Contains(l.BudgetUnitId) && l.Code.EndsWith("-BENCH"))
            .Select(l => new { l.BudgetUnitId, l.Year, l.Id }).ToListAsync(ct);
        var set = have.Select(h => (h.BudgetUnitId, h.Year)).ToHashSet();
        foreach (var u in units)
        {
            for (var y = FirstYear; y <= lastYear; y++)
            {
                if (!set.Contains((u.Id, y)))
                    db.BudgetLines.Add(new BudgetLine { BudgetUnitId = u.Id, RegionId = region.Id, Year = y, Code = $"{y}-{u.Code}-BENCH", Name = "基准测试综合预算", Amount = 90_000_000_000m });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (await db.BudgetLines.AsNoTracking().Where(l => ids.Contains(l.BudgetUnitId) && l.Code.EndsWith("-BENCH"))
            .Select(l => new { l.BudgetUnitId, l.Year, l.Id }).ToListAsync(ct)).ToDictionary(l => (l.BudgetUnitId, l.Year), l => l.Id);
    }

    private async Task<List<Supplier>> EnsureSuppliersAsync(CancellationToken ct)
    {
        var codes = Enumerable.Range(1, SupplierCount).Select(i => Uscc.Complete($"91440300BM{i:D7}")).ToList();
        var existing = (await db.Suppliers.Where(s => codes.Contains(s.Uscc)).Select(s => s.Uscc).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < codes.Count; i++)
        {
            if (existing.Contains(codes[i])) continue;
            db.Suppliers.Add(new Supplier
            {
                Name = $"深圳市基准{Trade(i)}有限公司{i + 1:D4}", Uscc = codes[i], LegalRepresentative = "张伟", ContactName = "李经理",
                ContactPhone = $"1390000{i:D4}", IsSme = i % 5 != 0, Address = "深圳市罗湖区深南东路1号",
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await db.Suppliers.AsNoTracking().Where(s => codes.Contains(s.Uscc)).OrderBy(s => s.Id).ToListAsync(ct);
    }

    private static string Trade(int i) => (i % 6) switch
    {
        0 => "建设工程", 1 => "物业管理", 2 => "信息技术", 3 => "医疗器械", 4 => "园林绿化", _ => "办公用品",
    };

    private async Task AddApprovalTasksAsync(long firstId, long lastId, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var sql = db.IsSqlite
            ? """INSERT INTO "ApprovalTasks" ("ContractId", "RegionId", "BudgetUnitId", "Level", "State", "CreatedAt") SELECT "Id", "RegionId", "BudgetUnitId", CASE WHEN "Amount" >= 2000000000 THEN 'Authority' ELSE 'UnitLeader' END, 'Pending', {0} FROM "Contracts" WHERE "Id" BETWEEN {1} AND {2} AND "Status" = 'PendingApproval'"""
            : """INSERT INTO "ApprovalTasks" ("ContractId", "RegionId", "BudgetUnitId", "Level", "State", "CreatedAt") SELECT "Id", "RegionId", "BudgetUnitId", CASE WHEN "Amount" >= 200000 THEN 'Authority' ELSE 'UnitLeader' END, 'Pending', {0} FROM "Contracts" WHERE "Id" BETWEEN {1} AND {2} AND "Status" = 'PendingApproval'""";
        await db.Database.ExecuteSqlRawAsync(sql, [now, firstId, lastId], ct);
    }
}
