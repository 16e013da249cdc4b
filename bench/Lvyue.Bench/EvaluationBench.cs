using System.Diagnostics;
using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Bench;

/// <summary>
/// Star ratings and credit grades (issue 6) on PostgreSQL: <c>evaluation</c> seeds <c>--suppliers</c> suppliers
/// with <c>--assessments</c> monthly assessments (10 per contract, so assessments/10 contracts spread evenly over
/// the suppliers and the 30 subcategories, amounts CNY 10,000–2,000,000, totals 60–100) with set-based SQL, then
/// times (1) <see cref="RatingRecompute"/> recomputing every rating and grade from scratch, twice (first into
/// empty tables, then over existing rows), and (2) the incremental path: <see cref="AssessmentService.CreateAsync"/>
/// of one new assessment end to end (template, policy, deduction, credit record, rating, grade, audit) for
/// <c>--iterations</c> contracts, p50/p95. Seeding is not timed.
/// </summary>
internal static class EvaluationBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchHost.Arg(args, "--provider", "postgres");
        var connection = BenchHost.Arg(args, "--connection");
        var suppliers = int.Parse(BenchHost.Arg(args, "--suppliers", "50000"), CultureInfo.InvariantCulture);
        var assessments = int.Parse(BenchHost.Arg(args, "--assessments", "5000000"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(BenchHost.Arg(args, "--iterations", "30"), CultureInfo.InvariantCulture);
        if (!provider.StartsWith("p", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("evaluation: the seeding is PostgreSQL SQL; use --provider postgres"); return 2; }
        var contracts = assessments / 10;

        await using var sys = BenchHost.Services(provider, connection, TenantScope.System with { Actor = "bench" });
        var setup = Stopwatch.StartNew();
        await using (var s = sys.CreateAsyncScope())
        {
            var sp = s.ServiceProvider;
            await sp.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await sp.GetRequiredService<ReferenceData>().EnsureAsync();
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(contracts: 0);
            var db = sp.GetRequiredService<LvyueDbContext>();
            await sp.GetRequiredService<TemplateService>().EnsureDefaultsAsync();
            if (!await db.Assessments.AnyAsync())
                await SeedAsync(db, suppliers, contracts);
        }
        Console.WriteLine($"seeded {suppliers:N0} suppliers, {contracts:N0} contracts, {assessments:N0} assessments in {setup.Elapsed.TotalSeconds:0.0} s");

        for (var run = 1; run <= 2; run++)
        {
            await using var s = sys.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var r = await s.ServiceProvider.GetRequiredService<RatingRecompute>().RunAsync();
            Console.WriteLine($"full recompute #{run}: {sw.Elapsed.TotalSeconds:0.00} s (aggregate {r.Aggregate.TotalSeconds:0.00} s, formula {r.Compute.TotalSeconds:0.00} s, write {r.Write.TotalSeconds:0.00} s): " +
                              $"{r.ContractRows:N0} contract rows, {r.Ratings:N0} ratings ({r.RatingChanges:N0} changed), {r.Grades:N0} grades");
        }

        List<long> ids;
        await using (var s = sys.CreateAsyncScope())
        {
            var db = s.ServiceProvider.GetRequiredService<LvyueDbContext>();
            var skip = Random.Shared.Next(Math.Max(1, contracts - 1000));
            ids = await db.Contracts.Where(c => c.Number.StartsWith("EB-") && db.Assessments.Count(a => a.ContractId == c.Id) == 10) // not given the extra month by an earlier run
                .OrderBy(c => c.Id).Skip(skip).Select(c => c.Id).Take(iterations + 3).ToListAsync();
        }
        var times = new List<double>();
        for (var i = 0; i < ids.Count; i++)
        {
            await using var s = sys.CreateAsyncScope();
            var sp = s.ServiceProvider;
            var db = sp.GetRequiredService<LvyueDbContext>();
            var c = await db.Contracts.AsNoTracking().FirstAsync(x => x.Id == ids[i]);
            var template = await sp.GetRequiredService<TemplateService>().CurrentAsync(c.SubcategoryId, AssessmentLine.Daily);
            var scores = template.Items.ToDictionary(x => x.Code, _ => (decimal?)(70 + i % 30));
            var input = new AssessmentInput { ContractId = c.Id, Line = AssessmentLine.Daily, PeriodStart = c.StartDate!.Value.AddMonths(10), Scores = scores };
            var sw = Stopwatch.StartNew();
            await sp.GetRequiredService<AssessmentService>().CreateAsync(input);
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds); // the first three warm up EF Core's query cache
        }
        times.Sort();
        double P(int pct) => times[Math.Clamp((int)Math.Ceiling(pct / 100.0 * times.Count) - 1, 0, times.Count - 1)];
        Console.WriteLine($"incremental (one assessment end to end, {times.Count} runs): p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, max {times[^1]:0.0} ms");
        return 0;
    }

    /// <summary>Set-based inserts: suppliers, contracts of the first demo unit, their lead suppliers, ten monthly assessments each.</summary>
    private static async Task SeedAsync(LvyueDbContext db, int suppliers, int contracts)
    {
        var unit = await db.BudgetUnits.OrderBy(u => u.Id).FirstAsync();
        var line = await db.BudgetLines.Where(l => l.BudgetUnitId == unit.Id).OrderBy(l => l.Id).FirstAsync();
        var subs = await db.Subcategories.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var daily = await db.EvaluationTemplates.Where(t => t.Line == AssessmentLine.Daily && t.SubcategoryId != null)
            .GroupBy(t => t.SubcategoryId).Select(g => g.Min(t => t.Id)).ToListAsync();
        db.Database.SetCommandTimeout(3600);
        var first = await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"Id\"), 0) AS \"Value\" FROM \"Suppliers\"").FirstAsync();
        var sql1 = $"""
            INSERT INTO "Suppliers" ("Name", "Uscc", "IsSme")
            SELECT '评价基准供应商' || g, 'EB' || lpad(g::text, 16, '0'), g % 3 = 0 FROM generate_series(1, {suppliers}) g;
            """;
        await db.Database.ExecuteSqlRawAsync(sql1);
        // contract k: supplier first+1+(k mod suppliers), subcategory k mod 30, a term of 12 months from a month in 2024–2025
        var sql2 = $"""
            INSERT INTO "Contracts" ("RegionId", "BudgetUnitId", "Number", "Title", "Category", "SubcategoryId", "ProcurementMethod", "Amount",
                "SignDate", "StartDate", "EndDate", "BudgetLineId", "IsKeyProject", "Confidentiality", "FilingRequired", "Status", "SearchText", "CreatedAt", "UpdatedAt", "Version")
            SELECT {unit.RegionId}, {unit.Id}, 'EB-' || k, '评价基准合同' || k, s."Category", s."Id", 'OpenTender', 10000 + (k::bigint * 7919 % 199) * 10000,
                d, d, (d + interval '12 months' - interval '1 day')::date, {line.Id}, false, 'Public', true, 'Performing', '评价基准合同' || k, now(), now(), 0
            FROM generate_series(0, {contracts - 1}) k
            JOIN "Subcategories" s ON s."Id" = (ARRAY[{string.Join(",", subs)}])[1 + k % {subs.Count}]
            CROSS JOIN LATERAL (SELECT (date '2024-01-01' + ((k % 18) || ' months')::interval)::date AS d) x;
            """;
        await db.Database.ExecuteSqlRawAsync(sql2);
        var sql3 = $"""
            INSERT INTO "ContractSuppliers" ("ContractId", "SupplierId", "SortOrder")
            SELECT c."Id", {first} + 1 + (substring(c."Number" from 4)::bigint % {suppliers}), 0 FROM "Contracts" c WHERE c."Number" LIKE 'EB-%';
            """;
        await db.Database.ExecuteSqlRawAsync(sql3);
        var templateCase = string.Join(" ", subs.Zip(daily).Select(p => $"WHEN {p.First} THEN {p.Second}"));
        var sql4 = $"""
            INSERT INTO "Assessments" ("ContractId", "SupplierId", "RegionId", "BudgetUnitId", "Category", "TemplateId", "Line", "PeriodStart", "PeriodEnd",
                "PeriodLabel", "Total", "ScoredBy", "ScoredAt")
            SELECT c."Id", cs."SupplierId", c."RegionId", c."BudgetUnitId", c."Category", CASE c."SubcategoryId" {templateCase} END, 'Daily',
                (c."StartDate" + (m || ' months')::interval)::date, (c."StartDate" + ((m + 1) || ' months')::interval - interval '1 day')::date,
                to_char(c."StartDate" + (m || ' months')::interval, 'YYYY-MM'), round((60 + ((c."Id" * 31 + m * 17) % 4001) / 100.0)::numeric, 2), 'bench', now()
            FROM "Contracts" c JOIN "ContractSuppliers" cs ON cs."ContractId" = c."Id" CROSS JOIN generate_series(0, 9) m
            WHERE c."Number" LIKE 'EB-%';
            """;
        await db.Database.ExecuteSqlRawAsync(sql4);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
