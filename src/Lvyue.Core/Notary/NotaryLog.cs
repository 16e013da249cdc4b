using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lvyue.Notary;

/// <summary>
/// The notarization log in the database: an append-only RFC 9162 Merkle tree whose leaves, complete-subtree
/// hashes and signed checkpoints are rows. Appends run in the caller's transaction (or one of their own) under
/// a lock — a PostgreSQL advisory lock, SQLite's write lock — so leaves get consecutive indexes whatever the
/// number of concurrent appenders. Roots and proofs are folded from the stored subtree hashes: one query reading
/// O(log n) rows, never the leaves.
/// </summary>
public sealed class NotaryLog(LvyueDbContext db)
{
    /// <summary>The checkpoint origin used when none is given.</summary>
    public const string DefaultOrigin = "lvyue.gov.cn/notary/log";

    /// <summary>How many queries have read subtree hashes (for tests and benchmarks).</summary>
    public long NodeQueries { get; private set; }

    /// <summary>How many subtree-hash rows those queries returned.</summary>
    public long NodeRowsRead { get; private set; }

    /// <summary>Appends one event; gives its leaf index.</summary>
    public async Task<long> AppendAsync(NotaryEvent e, CancellationToken ct = default) =>
        (await AppendAsync([e], ct))[0];

    /// <summary>Appends events in order, with consecutive indexes; gives their indexes.</summary>
    public Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<NotaryEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events) ArgumentNullException.ThrowIfNull(e);
        return InTransactionAsync<IReadOnlyList<long>>(async () =>
        {
            await LockAsync(ct);
            var size = await SizeAsync(ct);
            var first = size;
            // Each trailing one bit of a new index closes a complete subtree one level up, whose left child is either
            // written in this batch or a complete subtree that ends before the batch: read all of those in one query.
            static IEnumerable<(int Level, long Index)> Lefts(long index)
            {
                var levels = BitOperations.TrailingZeroCount((ulong)index + 1);
                for (var l = 1; l <= levels; l++) yield return (l - 1, ((index + 1) >> (l - 1)) - 2);
            }
            var before = Enumerable.Range(0, events.Count).SelectMany(k => Lefts(first + k))
                .Where(k => ((k.Index + 1) << k.Level) - 1 < first).Distinct().ToList();
            var known = await ReadNodesAsync(before, ct);
            var leaves = new List<object?[]>(events.Count);
            var nodes = new List<object?[]>(2 * events.Count);
            var digests = new List<object?[]>();
            var indexes = new List<long>(events.Count);
            foreach (var e in events)
            {
                var data = e.ToLeafData();
                var hash = MerkleHash.Leaf(data);
                var index = size++;
                leaves.Add([index, hash, Encoding.UTF8.GetString(data), e.Kind, e.ContractId, e.At.UtcDateTime]);
                nodes.Add([0, index, hash]);
                known[(0, index)] = hash;
                foreach (var (algorithm, digest) in e.Digests) digests.Add([digest, algorithm, index]);
                var h = hash;
                var l = 0;
                foreach (var left in Lefts(index))
                {
                    h = MerkleHash.Node(known[left], h);
                    l++;
                    var key = (l, ((index + 1) >> l) - 1);
                    known[key] = h;
                    nodes.Add([key.l, key.Item2, h]);
                }
                indexes.Add(index);
            }
            await InsertRowsAsync("NotaryLeaves", ["Index", "LeafHash", "Data", "Kind", "ContractId", "At"], leaves, ct);
            await InsertRowsAsync("NotaryNodes", ["Level", "Index", "Hash"], nodes, ct);
            await InsertRowsAsync("NotaryLeafDigests", ["Digest", "Algorithm", "LeafIndex"], digests, ct);
            return indexes;
        }, ct);
    }

    // Rows written straight on the connection in the current transaction (no per-row EF work): on SQLite one prepared
    // single-row INSERT run per row (in-process, so a statement costs microseconds, and Microsoft.Data.Sqlite binds
    // a statement's parameters by name lookups that grow with their number); on PostgreSQL multi-row INSERTs, which
    // save round trips.
    private async Task InsertRowsAsync(string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (db.IsSqlite)
        {
            await using var insert = Command();
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES " +
                                 $"({string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}")))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{i}");
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Length; c++) parameters[c].Value = row[c] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        const int maxParameters = 3000;
        var perStatement = maxParameters / columns.Length;
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = Command();
            var sql = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r * columns.Length + c}");
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = rows[start + r][c] ?? DBNull.Value;
                    command.Parameters.Add(p);
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private System.Data.Common.DbCommand Command()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>The number of leaves in the log.</summary>
    public async Task<long> SizeAsync(CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"Index\") + 1, 0) AS \"Value\" FROM \"NotaryLeaves\"").SingleAsync(ct);

    /// <summary>The tree size of the latest stored checkpoint, 0 when there is none.</summary>
    public async Task<long> LatestCheckpointSizeAsync(CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"TreeSize\"), 0) AS \"Value\" FROM \"NotaryCheckpoints\"").SingleAsync(ct);

    /// <summary>The root of the tree of the first <paramref name="size"/> leaves (the SHA-256 of nothing for 0).</summary>
    public async Task<byte[]> RootAsync(long size, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0) return MerkleHash.EmptyRoot();
        return (await HashRangesAsync([new SubtreeRange(0, (ulong)size)], size, ct))[0];
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public Task<IReadOnlyList<byte[]>> InclusionProofAsync(long index, long size, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is not less than tree size {size}");
        return HashRangesAsync(InclusionProof.Ranges((ulong)index, (ulong)size), size, ct);
    }

    /// <summary>The consistency proof from the tree of <paramref name="size1"/> leaves to the tree of <paramref name="size2"/> (1 ≤ size1 ≤ size2).</summary>
    public Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long size1, long size2, CancellationToken ct = default)
    {
        if (size1 < 1) throw new ArgumentOutOfRangeException(nameof(size1), "a consistency proof starts from a tree of at least one leaf");
        if (size1 > size2) throw new ArgumentOutOfRangeException(nameof(size1), $"size1 {size1} is greater than size2 {size2}");
        return HashRangesAsync(ConsistencyProof.Ranges((ulong)size1, (ulong)size2), size2, ct);
    }

    /// <summary>Signs the current tree head with <paramref name="signer"/>, stores the checkpoint and gives it.</summary>
    public async Task<NotaryCheckpoint> CheckpointAsync(NoteSigner signer, string origin = DefaultOrigin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return (await CheckpointAsync([signer], origin, onlyIfGrown: false, ct))!;
    }

    /// <summary>
    /// Signs the current tree head with every signer (one signed note, one signature line each), stores the checkpoint
    /// and gives it. With <paramref name="onlyIfGrown"/>, gives null and stores nothing when the latest stored
    /// checkpoint already has the current size: checked under the append lock, so several instances signing on a
    /// timer store one checkpoint per size.
    /// </summary>
    public Task<NotaryCheckpoint?> CheckpointAsync(IReadOnlyList<NoteSigner> signers, string origin, bool onlyIfGrown, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0) throw new ArgumentException("a checkpoint needs at least one signer", nameof(signers));
        ArgumentException.ThrowIfNullOrEmpty(origin);
        return InTransactionAsync<NotaryCheckpoint?>(async () =>
        {
            await LockAsync(ct);
            var size = await SizeAsync(ct);
            if (onlyIfGrown)
            {
                if (size == 0 || await LatestCheckpointSizeAsync(ct) >= size) return null;
            }
            var root = await RootAsync(size, ct);
            var note = new Checkpoint(origin, (ulong)size, root).Sign([.. signers]).ToString();
            var row = new NotaryCheckpoint { TreeSize = size, RootHash = root, Note = note, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"NotaryCheckpoints\" (\"TreeSize\", \"RootHash\", \"Note\", \"CreatedAt\") VALUES ({row.TreeSize}, {root}, {note}, {row.CreatedAt})", ct);
            row.Id = await db.Database.SqlQueryRaw<long>("SELECT MAX(\"Id\") AS \"Value\" FROM \"NotaryCheckpoints\"").SingleAsync(ct);
            return row;
        }, ct);
    }

    /// <summary>
    /// The receipt of leaf <paramref name="index"/> as JSON (see docs/notary-leaf-format.md): the leaf data, its index,
    /// its inclusion proof in the latest stored checkpoint and that signed checkpoint. The leaf must be covered by a checkpoint.
    /// </summary>
    public async Task<string> ReceiptAsync(long index, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var leaf = await db.Set<NotaryLeaf>().AsNoTracking().SingleOrDefaultAsync(l => l.Index == index, ct)
                   ?? throw new ArgumentOutOfRangeException(nameof(index), $"the log has no leaf {index}");
        var checkpoint = await db.Set<NotaryCheckpoint>().AsNoTracking().OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.Id)
                             .FirstOrDefaultAsync(ct);
        if (checkpoint is null || checkpoint.TreeSize <= index)
            throw new InvalidOperationException($"no checkpoint covers leaf {index} yet: sign a checkpoint first");
        var proof = await InclusionProofAsync(index, checkpoint.TreeSize, ct);
        return NotaryReceipt.ToJson(leaf.Data, index, checkpoint.TreeSize, proof, checkpoint.Note);
    }

    // The subtree hash of each range, folded from stored complete subtrees read in one query.
    private async Task<IReadOnlyList<byte[]>> HashRangesAsync(IReadOnlyList<SubtreeRange> ranges, long size, CancellationToken ct)
    {
        var keys = new List<(int Level, long Index)>();
        foreach (var r in ranges) Decompose(r.Start, r.End, keys);
        var nodes = await ReadNodesAsync(keys, ct);
        if (nodes.Count != keys.Distinct().Count())
            throw new ArgumentOutOfRangeException(nameof(size), $"the log has fewer than {size} leaves");
        return ranges.Select(r => Fold(r.Start, r.End, nodes)).ToList();
    }

    private static bool IsComplete(ulong start, ulong n) => BitOperations.IsPow2(n) && start % n == 0;

    private static (int, long) Key(ulong start, ulong n) => (BitOperations.Log2(n), (long)(start / n));

    private static void Decompose(ulong start, ulong end, List<(int, long)> into)
    {
        var n = end - start;
        if (IsComplete(start, n))
        {
            into.Add(Key(start, n));
            return;
        }
        var k = MerkleHash.Split(n);
        Decompose(start, start + k, into);
        Decompose(start + k, end, into);
    }

    private static byte[] Fold(ulong start, ulong end, Dictionary<(int, long), byte[]> nodes)
    {
        var n = end - start;
        if (IsComplete(start, n)) return nodes[Key(start, n)];
        var k = MerkleHash.Split(n);
        return MerkleHash.Node(Fold(start, start + k, nodes), Fold(start + k, end, nodes));
    }

    private async Task<Dictionary<(int, long), byte[]>> ReadNodesAsync(IReadOnlyCollection<(int Level, long Index)> keys, CancellationToken ct)
    {
        var found = new Dictionary<(int, long), byte[]>();
        if (keys.Count == 0) return found;
        // The keys are integers formatted here, never text from outside: the query is built literally. It is sent on
        // the connection directly: through EF every distinct key set would be a new query to compile.
        var where = string.Join(" OR ", keys.Distinct().Select(k =>
            string.Create(CultureInfo.InvariantCulture, $"(\"Level\" = {k.Level} AND \"Index\" = {k.Index})")));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command();
            command.CommandText = "SELECT \"Level\", \"Index\", \"Hash\" FROM \"NotaryNodes\" WHERE " + where;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found[(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
                NodeRowsRead++;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        NodeQueries++;
        return found;
    }

    private async Task LockAsync(CancellationToken ct)
    {
        if (db.IsSqlite)
            // A write statement takes SQLite's write lock for the rest of the transaction (a no-op if BEGIN IMMEDIATE already did).
            await db.Database.ExecuteSqlRawAsync("UPDATE \"NotaryLeaves\" SET \"Index\" = \"Index\" WHERE 0", ct);
        else
            // A transaction-level advisory lock whose key is "lvyuelog" in ASCII; it is released at commit or rollback.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7815567748467814247)", ct);
    }

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }
}
