using System.Diagnostics;
using System.Numerics;
using System.Text;
using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Files;
using Lvyue.Notary;
using Lvyue.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Lvyue.Bench;

/// <summary>
/// The notary's figures (bench/README.md, "Notary"):
///   notary filing --provider P --connection CS [--contracts 300]: the filing journey with and without recording
///   notary append --provider P --connection CS [--leaves 100000] [--batch 500] [--checkpoint-every 10000]
///   notary proofs --provider P --connection CS [--leaves 10000000] [--iterations 2000]
///   notary sign [--iterations 2000]: SM2 and Ed25519 checkpoint notes signed and verified per second on one thread
/// Each database command takes a fresh, empty database (it migrates it).
/// </summary>
internal static class NotaryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var what = args.Length > 1 ? args[1] : "";
        if (what == "sign") Sign(int.Parse(BenchHost.Arg(args, "--iterations", "2000")));
        if (what == "sign") return 0;
        var provider = BenchHost.Arg(args, "--provider");
        var connection = BenchHost.Arg(args, "--connection");
        await using var services = BenchHost.Services(provider, connection, TenantScope.System);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().EnsureAsync();
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average: {File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " " + b)}");
        switch (what)
        {
            case "filing": await FilingAsync(services, int.Parse(BenchHost.Arg(args, "--contracts", "300"))); return 0;
            case "append":
                await AppendAsync(services, int.Parse(BenchHost.Arg(args, "--leaves", "100000")), int.Parse(BenchHost.Arg(args, "--batch", "500")),
                    int.Parse(BenchHost.Arg(args, "--checkpoint-every", "10000")));
                return 0;
            case "proofs":
                await ProofsAsync(services, provider, connection, long.Parse(BenchHost.Arg(args, "--leaves", "10000000")),
                    int.Parse(BenchHost.Arg(args, "--iterations", "2000")));
                return 0;
            default:
                Console.Error.WriteLine("usage: Lvyue.Bench notary filing|append|proofs --provider P --connection CS …");
                return 2;
        }
    }

    // Signing and verifying checkpoint notes on one thread (one core): SM2 with SM3 and Ed25519, both BouncyCastle.
    private static void Sign(int iterations)
    {
        var text = new Checkpoint(NotaryLog.DefaultOrigin, 10_000_000, new byte[32]).ToNoteText();
        foreach (var algorithm in new[] { NoteAlgorithm.Sm2, NoteAlgorithm.Ed25519 })
        {
            var signer = NoteSigner.Generate(NotaryLog.DefaultOrigin, algorithm);
            var keys = new NoteVerifierSet(signer.Verifier);
            var note = SignedNote.Sign(text, signer).ToString();
            for (var w = 0; w < 100; w++) { SignedNote.Sign(text, signer); keys.Verify(note); }
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) SignedNote.Sign(text, signer);
            var sign = iterations / sw.Elapsed.TotalSeconds;
            sw.Restart();
            for (var i = 0; i < iterations; i++)
                if (!keys.Verify(note).IsValid) throw new InvalidOperationException("does not verify");
            var verify = iterations / sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{algorithm} checkpoint note, one thread: sign {sign:N0}/s, verify {verify:N0}/s ({iterations} each)");
        }
    }

    /// <summary>Records nothing: the filing journey as it was before notarization.</summary>
    private sealed class NoRecorder : INotaryRecorder
    {
        public void Record(string kind, long? contractId, NotaryPayload? payload = null) { }
        public void Record(string kind, Contract contract, NotaryPayload? payload = null) { }
    }

    // Create with one document, submit, approve, start performance: four transactions, four leaves when recorded.
    private static async Task FilingAsync(ServiceProvider services, int contracts)
    {
        long unitId, lineId, supplierId, subId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LvyueDbContext>();
            var region = new Region { Code = "990001", Name = "基准区" };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var unit = new BudgetUnit { RegionId = region.Id, Code = "901001", Name = "基准单位", Uscc = Uscc.Complete("11990001000000001") };
            var supplier = new Supplier { Name = "基准供应商有限公司", Uscc = Uscc.Complete("91990001MA0000001") };
            db.BudgetUnits.Add(unit);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync();
            var line = new BudgetLine { BudgetUnitId = unit.Id, RegionId = region.Id, Year = 2026, Code = "2026-901001-01", Name = "基准指标", Amount = 1_000_000_000m };
            db.BudgetLines.Add(line);
            await db.SaveChangesAsync();
            (unitId, lineId, supplierId) = (unit.Id, line.Id, supplier.Id);
            subId = await db.Subcategories.Where(s => s.Code == "S01").Select(s => s.Id).SingleAsync();
        }
        var files = services.GetRequiredService<FileStore>();
        var options = services.GetRequiredService<FilingOptions>();
        var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        var n = 0;
        async Task OneAsync(bool record)
        {
            var i = Interlocked.Increment(ref n);
            FilingService Filing(AsyncServiceScope s)
            {
                var db = s.ServiceProvider.GetRequiredService<LvyueDbContext>();
                return new FilingService(db, files, options, record ? new NotaryRecorder(db) : new NoRecorder());
            }
            var input = new ContractInput
            {
                Title = $"基准物业服务合同{i}", Number = $"NB-{i:D6}", BudgetUnitId = unitId, Category = Category.Services, SubcategoryId = subId,
                ProcurementMethod = ProcurementMethod.CompetitiveConsultation, Amount = 50_000m, BudgetLineId = lineId, SupplierIds = [supplierId],
                SignDate = new DateOnly(2026, 2, 20), StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2027, 2, 28),
            };
            var text = Encoding.UTF8.GetBytes($"基准物业服务合同{i}\n甲方：基准单位\n乙方：基准供应商有限公司\n{Guid.NewGuid()}\n");
            var sw = Stopwatch.StartNew();
            long id;
            await using (var s = services.CreateAsyncScope())
                id = (await Filing(s).CreateAsync(input, [new UploadedDocument("合同.txt", new MemoryStream(text))])).Id;
            long taskId;
            await using (var s = services.CreateAsyncScope()) taskId = (await Filing(s).SubmitAsync(id)).Id;
            await using (var s = services.CreateAsyncScope()) await Filing(s).ApproveAsync(taskId, "同意");
            await using (var s = services.CreateAsyncScope()) await Filing(s).ChangeStatusAsync(id, ContractStatus.Performing, null);
            times[record].Add(sw.Elapsed.TotalMilliseconds);
        }
        for (var w = 0; w < 10; w++) await OneAsync(w % 2 == 0);
        times[true].Clear();
        times[false].Clear();
        // Alternate so that both see the same machine load and database size.
        for (var k = 0; k < contracts; k++) await OneAsync(k % 2 == 0);
        foreach (var record in new[] { false, true })
        {
            var t = times[record].Order().ToArray();
            Console.WriteLine($"filing journey (create+document, submit, approve, start) {(record ? "with notary   " : "without notary")}: " +
                $"n={t.Length} p50 {t[t.Length / 2]:0.00} ms  p95 {t[(int)(t.Length * 0.95)]:0.00} ms  mean {t.Average():0.00} ms");
        }
    }

    private static NotaryEvent Event(long i, DateTimeOffset at) => new("document.stored", 1 + i % 5000, at,
        new Dictionary<string, string>
        {
            ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))),
            ["sm3"] = FileStore.Sm3Hex(BitConverter.GetBytes(i)),
        },
        new Dictionary<string, string> { ["version"] = "1", ["size"] = "20480" });

    private static async Task AppendAsync(ServiceProvider services, int leaves, int batch, int checkpointEvery)
    {
        var signers = new[] { NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Ed25519), NoteSigner.Generate(NotaryLog.DefaultOrigin, NoteAlgorithm.Sm2) };
        var at = DateTimeOffset.UtcNow;
        // The events exist before the clock starts (their digests are the callers' work, not the log's).
        var all = Enumerable.Range(0, leaves).Select(i => Event(i, at)).ToList();
        var cpu = Stopwatch.StartNew();
        foreach (var e in all.Take(20_000)) MerkleHash.Leaf(e.ToLeafData());
        Console.WriteLine($"serializing and hashing alone: {20_000 / cpu.Elapsed.TotalSeconds:N0} leaves/s");
        var sw = Stopwatch.StartNew();
        var checkpoints = 0;
        for (long done = 0; done < leaves;)
        {
            var events = all.GetRange((int)done, (int)Math.Min(batch, leaves - done));
            await using (var s = services.CreateAsyncScope())
                await s.ServiceProvider.GetRequiredService<NotaryLog>().AppendAsync(events);
            var before = done;
            done += events.Count;
            if (done / checkpointEvery != before / checkpointEvery || done == leaves)
            {
                await using var s = services.CreateAsyncScope();
                if (await s.ServiceProvider.GetRequiredService<NotaryLog>().CheckpointAsync(signers, NotaryLog.DefaultOrigin, onlyIfGrown: true) is not null)
                    checkpoints++;
            }
        }
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"append {leaves:N0} leaves (2 digests each, batches of {batch}, Ed25519+SM2 checkpoint every {checkpointEvery:N0}: {checkpoints}): " +
            $"{seconds:0.00} s = {leaves / seconds:N0} leaves/s");
        await using (var s = services.CreateAsyncScope())
        {
            var log = s.ServiceProvider.GetRequiredService<NotaryLog>();
            var audit = await s.ServiceProvider.GetRequiredService<LvyueDbContext>().NotaryCheckpoints.OrderByDescending(c => c.TreeSize).FirstAsync();
            if (!(await log.RootAsync(audit.TreeSize)).AsSpan().SequenceEqual(audit.RootHash)) throw new InvalidOperationException("root mismatch");
        }
    }

    // Fills NotaryNodes with the complete-subtree hashes of n synthetic leaves (what AppendAsync stores) by bulk insert,
    // and the last leaf row so that the log's size is n; proofs read nothing else.
    private static async Task FillAsync(string provider, string connection, long n)
    {
        var sw = Stopwatch.StartNew();
        var postgres = provider.StartsWith("p", StringComparison.OrdinalIgnoreCase);
        IEnumerable<(int Level, long Index, byte[] Hash)> Nodes()
        {
            var stack = new List<byte[]>();
            for (long i = 0; i < n; i++)
            {
                var h = MerkleHash.Leaf(BitConverter.GetBytes(i));
                yield return (0, i, h);
                var levels = BitOperations.TrailingZeroCount((ulong)i + 1);
                for (var l = 1; l <= levels; l++)
                {
                    h = MerkleHash.Node(stack[^1], h);
                    stack.RemoveAt(stack.Count - 1);
                    yield return (l, ((i + 1) >> l) - 1, h);
                }
                stack.Add(h);
            }
        }
        long rows = 0;
        if (postgres)
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            await using (var w = await c.BeginBinaryImportAsync("COPY \"NotaryNodes\" (\"Level\", \"Index\", \"Hash\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (level, index, hash) in Nodes())
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(level, NpgsqlDbType.Integer);
                    await w.WriteAsync(index, NpgsqlDbType.Bigint);
                    await w.WriteAsync(hash, NpgsqlDbType.Bytea);
                    rows++;
                }
                await w.CompleteAsync();
            }
            await using var cmd = new NpgsqlCommand("INSERT INTO \"NotaryLeaves\" (\"Index\", \"LeafHash\", \"Data\", \"Kind\", \"At\") VALUES (@i, @h, '{}', 'bench', now()); ANALYZE \"NotaryNodes\"", c);
            cmd.Parameters.AddWithValue("i", n - 1);
            cmd.Parameters.AddWithValue("h", new byte[32]);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            await using var c = new SqliteConnection(connection);
            await c.OpenAsync();
            await using (var pragma = c.CreateCommand()) { pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"; await pragma.ExecuteNonQueryAsync(); }
            var tx = c.BeginTransaction();
            var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO \"NotaryNodes\" (\"Level\", \"Index\", \"Hash\") VALUES ($l, $i, $h)";
            var pl = cmd.Parameters.Add("$l", SqliteType.Integer);
            var pi = cmd.Parameters.Add("$i", SqliteType.Integer);
            var ph = cmd.Parameters.Add("$h", SqliteType.Blob);
            cmd.Prepare();
            foreach (var (level, index, hash) in Nodes())
            {
                pl.Value = level;
                pi.Value = index;
                ph.Value = hash;
                cmd.ExecuteNonQuery();
                if (++rows % 1_000_000 == 0)
                {
                    tx.Commit();
                    tx = c.BeginTransaction();
                    cmd.Transaction = tx;
                }
            }
            await using (var leaf = c.CreateCommand())
            {
                leaf.Transaction = tx;
                leaf.CommandText = "INSERT INTO \"NotaryLeaves\" (\"Index\", \"LeafHash\", \"Data\", \"Kind\", \"At\") VALUES ($i, zeroblob(32), '{}', 'bench', '2026-11-22 00:00:00')";
                leaf.Parameters.AddWithValue("$i", n - 1);
                leaf.ExecuteNonQuery();
            }
            tx.Commit();
        }
        Console.WriteLine($"filled {rows:N0} subtree-hash rows for {n:N0} leaves in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task ProofsAsync(ServiceProvider services, string provider, string connection, long n, int iterations)
    {
        await FillAsync(provider, connection, n);
        var random = new Random(7);
        await using var s = services.CreateAsyncScope();
        var log = s.ServiceProvider.GetRequiredService<NotaryLog>();
        if (await log.SizeAsync() != n) throw new InvalidOperationException("size mismatch");
        var root = await log.RootAsync(n);
        // Spot checks: proofs from storage verify against the root folded from storage.
        for (var k = 0; k < 20; k++)
        {
            var i = random.NextInt64(n);
            var proof = await log.InclusionProofAsync(i, n);
            if (!InclusionProof.Verify(MerkleHash.Leaf(BitConverter.GetBytes(i)), (ulong)i, (ulong)n, root, proof).IsValid)
                throw new InvalidOperationException($"inclusion proof of {i} does not verify");
            var m = 1 + random.NextInt64(n - 1);
            var cp = await log.ConsistencyProofAsync(m, n);
            if (!ConsistencyProof.Verify((ulong)m, (ulong)n, await log.RootAsync(m), root, cp).IsValid)
                throw new InvalidOperationException($"consistency proof {m}→{n} does not verify");
        }
        var inclusion = await Percentiles.MeasureAsync(_ => log.InclusionProofAsync(random.NextInt64(n), n), 100, iterations);
        var consistency = await Percentiles.MeasureAsync(_ => log.ConsistencyProofAsync(1 + random.NextInt64(n - 1), n), 100, iterations);
        Console.WriteLine($"inclusion proof, random leaf of {n:N0}: p50 {inclusion.P50:0.000} ms  p95 {inclusion.P95:0.000} ms  max {inclusion.Max:0.000} ms ({iterations} runs)");
        Console.WriteLine($"consistency proof, random size1 to {n:N0}: p50 {consistency.P50:0.000} ms  p95 {consistency.P95:0.000} ms  max {consistency.Max:0.000} ms ({iterations} runs)");
        Console.WriteLine($"rows read per proof: {(double)log.NodeRowsRead / log.NodeQueries:0.0} in one query each");
    }
}
