using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lvyue.Evaluation;

/// <summary>What a full recomputation did and how long each step took.</summary>
public sealed record RecomputeReport(int Ratings, int RatingChanges, int Grades, int ContractRows, TimeSpan Aggregate, TimeSpan Compute, TimeSpan Write);

/// <summary>
/// Recomputes every star rating and every credit grade from the data, with the same formula and rules as the
/// incremental update after an assessment: one aggregate query over the assessments (per supplier, category and
/// contract), the formula in memory, and batched upserts (INSERT … ON CONFLICT on both databases) with history
/// rows for the ratings that changed. The nightly job and the benchmark run it; it writes no audit row per
/// rating (it is the system recomputing derived figures), so it stays fast on millions of assessments.
/// </summary>
public sealed class RatingRecompute(LvyueDbContext db)
{
    private const int Batch = 500;

    public async Task<RecomputeReport> RunAsync(CancellationToken ct = default)
    {
        var asOf = ChinaTime.Today(db.Clock);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var sqlite = db.IsSqlite;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var sw = Stopwatch.StartNew();

        // 1. one pass over the assessments: per supplier, category and contract
        var perContract = new List<(long Supplier, Category Category, ContractEvaluation Eval)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                SELECT a."SupplierId", a."Category", a."ContractId", c."Amount",
                       MAX(CASE WHEN a."Line" = 'Final' THEN a."Total" END),
                       SUM(CASE WHEN a."Line" <> 'Final' THEN a."Total" END),
                       SUM(CASE WHEN a."Line" <> 'Final' THEN 1 ELSE 0 END),
                       MAX(a."PeriodEnd"), COUNT(*)
                FROM "Assessments" a JOIN "Contracts" c ON c."Id" = a."ContractId"
                GROUP BY a."SupplierId", a."Category", a."ContractId", c."Amount"
                """;
            cmd.CommandTimeout = 600;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var final = r.IsDBNull(4) ? (decimal?)null : Dec(r, 4, sqlite);
                var periodic = Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture);
                var score = final ?? Math.Round(Dec(r, 5, sqlite) / periodic, 2, MidpointRounding.AwayFromZero);
                var last = sqlite ? DateOnly.ParseExact(r.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture) : r.GetFieldValue<DateOnly>(7);
                perContract.Add((r.GetInt64(0), Enum.Parse<Category>(r.GetString(1)),
                    new ContractEvaluation(r.GetInt64(2), Dec(r, 3, sqlite), score, last, Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture))));
            }
        }
        var aggregate = sw.Elapsed;

        // 2. the formula, per supplier and category, and per supplier over all categories for the grades
        sw.Restart();
        var existing = await db.StarRatings.AsNoTracking().Select(x => new { x.SupplierId, x.Category, x.Stars, x.Score })
            .ToDictionaryAsync(x => (x.SupplierId, x.Category), x => (x.Stars, x.Score), ct);
        var ratings = new List<(long Supplier, Category Category, RatingResult Result, int Contracts, int Assessments)>();
        var supplierScores = new Dictionary<long, decimal>();
        foreach (var bySupplier in perContract.GroupBy(p => p.Supplier))
        {
            foreach (var byCategory in bySupplier.GroupBy(p => p.Category))
            {
                var evals = byCategory.Select(p => p.Eval).OrderBy(e => e.ContractId).ToList();
                ratings.Add((bySupplier.Key, byCategory.Key, StarRatingFormula.Compute(evals, asOf), evals.Count, evals.Sum(e => e.Assessments)));
            }
            supplierScores[bySupplier.Key] = StarRatingFormula.Compute(bySupplier.Select(p => p.Eval).OrderBy(e => e.ContractId), asOf).Score;
        }
        var records = await db.CreditRecords.AsNoTracking().Where(x => x.Counted).ToListAsync(ct);
        var recordsBySubject = records.GroupBy(x => (x.Subject, x.SubjectId)).ToDictionary(g => g.Key, g => (IReadOnlyList<CreditRecord>)g.ToList());
        var subjects = supplierScores.Keys.Select(id => (CreditSubject.Supplier, id)).Concat(recordsBySubject.Keys).Distinct().ToList();
        var grades = subjects.Select(s =>
        {
            decimal? evaluation = s.Item1 == CreditSubject.Supplier && supplierScores.TryGetValue(s.Item2, out var v) ? v : null;
            var g = CreditRules.Grade(new GradeInput(s.Item1, evaluation, recordsBySubject.GetValueOrDefault(s) ?? [], asOf));
            return (Subject: s.Item1, Id: s.Item2, Evaluation: evaluation, Result: g);
        }).ToList();
        var compute = sw.Elapsed;

        // 3. batched upserts in one transaction
        sw.Restart();
        var changes = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dbTx = tx.GetDbTransaction();
        foreach (var chunk in ratings.Chunk(Batch))
        {
            await ExecAsync(conn, dbTx, """
                INSERT INTO "StarRatings" ("SupplierId", "Category", "Stars", "Score", "ContractCount", "AssessmentCount", "AsOf", "FormulaVersion", "ComputedAt") VALUES
                """, chunk.Select(x => new object?[] { x.Supplier, x.Category.ToString(), x.Result.Stars, x.Result.Score, x.Contracts, x.Assessments, asOf, StarRatingFormula.Version, now }),
                """
                 ON CONFLICT ("SupplierId", "Category") DO UPDATE SET "Stars" = excluded."Stars", "Score" = excluded."Score",
                 "ContractCount" = excluded."ContractCount", "AssessmentCount" = excluded."AssessmentCount", "AsOf" = excluded."AsOf",
                 "FormulaVersion" = excluded."FormulaVersion", "ComputedAt" = excluded."ComputedAt"
                """, sqlite, ct);
            var changed = chunk.Where(x => !existing.TryGetValue((x.Supplier, x.Category), out var e) || e.Stars != x.Result.Stars || e.Score != x.Result.Score).ToList();
            changes += changed.Count;
            if (changed.Count > 0)
                await ExecAsync(conn, dbTx, """
                    INSERT INTO "StarRatingChanges" ("SupplierId", "Category", "FromStars", "Stars", "Score", "ContractCount", "AsOf", "FormulaVersion", "AssessmentId", "At") VALUES
                    """, changed.Select(x => new object?[] { x.Supplier, x.Category.ToString(),
                        existing.TryGetValue((x.Supplier, x.Category), out var e) ? e.Stars : null, x.Result.Stars, x.Result.Score, x.Contracts, asOf, StarRatingFormula.Version, null, now }),
                    "", sqlite, ct);
        }
        foreach (var chunk in grades.Chunk(Batch))
            await ExecAsync(conn, dbTx, """
                INSERT INTO "CreditGrades" ("Subject", "SubjectId", "Year", "Grade", "Score", "EvaluationScore", "RecordCount", "Reason", "ReasonEn", "RulesVersion", "AsOf", "ComputedAt") VALUES
                """, chunk.Select(g => new object?[] { g.Subject.ToString(), g.Id, asOf.Year, g.Result.Grade.ToString(), g.Result.Score, g.Evaluation, g.Result.RecordCount,
                    g.Result.Reason, g.Result.ReasonEn, CreditRules.Version, asOf, now }),
                """
                 ON CONFLICT ("Subject", "SubjectId", "Year") DO UPDATE SET "Grade" = excluded."Grade", "Score" = excluded."Score",
                 "EvaluationScore" = excluded."EvaluationScore", "RecordCount" = excluded."RecordCount", "Reason" = excluded."Reason",
                 "ReasonEn" = excluded."ReasonEn", "RulesVersion" = excluded."RulesVersion", "AsOf" = excluded."AsOf", "ComputedAt" = excluded."ComputedAt"
                """, sqlite, ct);
        await tx.CommitAsync(ct);
        return new RecomputeReport(ratings.Count, changes, grades.Count, perContract.Count, aggregate, compute, sw.Elapsed);
    }

    private static decimal Dec(DbDataReader r, int i, bool sqlite) =>
        sqlite ? Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture) / ScaledDecimalConverter.Scale : r.GetDecimal(i);

    private static async Task ExecAsync(DbConnection conn, DbTransaction tx, string head, IEnumerable<object?[]> rows, string tail, bool sqlite, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        var sb = new System.Text.StringBuilder(head);
        var n = 0;
        foreach (var row in rows)
        {
            sb.Append(n == 0 ? "\n(" : ",\n(");
            for (var i = 0; i < row.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = $"@p{n}_{i}";
                p.Value = Value(row[i], sqlite);
                cmd.Parameters.Add(p);
                sb.Append(i == 0 ? "" : ", ").Append(p.ParameterName);
            }
            sb.Append(')');
            n++;
        }
        if (n == 0) return;
        cmd.CommandText = sb.Append(tail).ToString();
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static object Value(object? v, bool sqlite) => v switch
    {
        null => DBNull.Value,
        decimal d when sqlite => (long)decimal.Round(d * ScaledDecimalConverter.Scale, MidpointRounding.AwayFromZero),
        DateOnly d when sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when sqlite => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        _ => v,
    };
}
