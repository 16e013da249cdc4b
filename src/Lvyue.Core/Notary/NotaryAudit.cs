using System.Globalization;
using System.Text;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Notary;

/// <summary>What an audit found wrong with one stored row of the notarization log.</summary>
public enum NotaryAuditProblemKind
{
    /// <summary>A leaf's stored hash is not the hash of its stored data (the data or the hash was changed).</summary>
    LeafHash,
    /// <summary>A leaf index is missing (the leaves are not consecutive from 0).</summary>
    MissingLeaf,
    /// <summary>A stored subtree hash differs from the one recomputed from the leaves.</summary>
    Node,
    /// <summary>A subtree hash the log should have stored is absent.</summary>
    MissingNode,
    /// <summary>A checkpoint's stored root differs from the root recomputed from the leaves.</summary>
    CheckpointRoot,
    /// <summary>A checkpoint's note text is malformed or disagrees with its row or with the recomputed tree.</summary>
    CheckpointNote,
    /// <summary>A checkpoint's signature does not verify with the given keys.</summary>
    CheckpointSignature,
    /// <summary>A checkpoint covers more leaves than the log holds.</summary>
    CheckpointBeyondLog,
    /// <summary>A leaf's query columns (event kind, contract) disagree with its authentic leaf data.</summary>
    LeafColumns,
}

/// <summary>
/// One problem an audit found: its kind, the leaf it concerns with that leaf's event kind and contract (when a single
/// leaf is concerned), the subtree (level and index) or the checkpoint row, and an English description.
/// </summary>
public sealed record NotaryAuditProblem(
    NotaryAuditProblemKind Kind, string Message, long? LeafIndex = null, string? LeafKind = null, long? ContractId = null,
    int? NodeLevel = null, long? NodeIndex = null, long? CheckpointId = null);

/// <summary>The outcome of a <see cref="NotaryAudit"/>: what was checked and every problem found (the first <see cref="NotaryAudit.MaxProblems"/> kept).</summary>
public sealed record NotaryAuditReport(
    long LeavesChecked, long NodesChecked, long CheckpointsChecked, long ProblemCount, IReadOnlyList<NotaryAuditProblem> Problems)
{
    /// <summary>True when nothing was found wrong.</summary>
    public bool IsClean => ProblemCount == 0;
}

/// <summary>
/// Tamper detection for the stored notarization log: recomputes every leaf hash from the stored leaf data, rebuilds
/// the tree from those hashes and compares every stored subtree hash and every stored checkpoint (its root, its note
/// text and, given keys, its signatures). Leaves and nodes are read in batches by index, so memory stays O(batch + log n)
/// whatever the size of the log.
/// </summary>
public sealed class NotaryAudit(LvyueDbContext db)
{
    /// <summary>How many problems a report lists at most (all are counted).</summary>
    public const int MaxProblems = 1000;

    /// <summary>Audits the whole log; checkpoint signatures are checked when <paramref name="keys"/> is given.</summary>
    public async Task<NotaryAuditReport> RunAsync(NoteVerifierSet? keys = null, int batchSize = 10_000, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var problems = new List<NotaryAuditProblem>();
        long problemCount = 0;
        void Add(NotaryAuditProblem p)
        {
            problemCount++;
            if (problems.Count < MaxProblems) problems.Add(p);
        }

        var checkpoints = await db.Set<NotaryCheckpoint>().AsNoTracking().OrderBy(c => c.TreeSize).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.TreeSize }).ToListAsync(ct);
        var nextCheckpoint = 0;
        var rootsAt = new Dictionary<long, byte[]>();
        // The compact range of the leaves read so far: complete subtree hashes, largest (leftmost) first.
        var stack = new List<(int Level, byte[] Hash)>();
        long size = 0, nodesChecked = 0;
        var broken = false;

        void RecordRoots()
        {
            while (nextCheckpoint < checkpoints.Count && checkpoints[nextCheckpoint].TreeSize <= size)
            {
                var at = checkpoints[nextCheckpoint++].TreeSize;
                if (at == size && !rootsAt.ContainsKey(at)) rootsAt[at] = Root(stack);
            }
        }
        RecordRoots();

        while (true)
        {
            var start = size;
            var leaves = await db.Set<NotaryLeaf>().AsNoTracking().Where(l => l.Index >= start).OrderBy(l => l.Index)
                .Take(batchSize).ToListAsync(ct);
            if (leaves.Count == 0) break;
            var end = leaves[^1].Index + 1;
            var stored = await ReadNodesAsync(start, end, ct);
            foreach (var leaf in leaves)
            {
                if (leaf.Index != size)
                {
                    Add(new NotaryAuditProblem(NotaryAuditProblemKind.MissingLeaf,
                        $"leaves {size}–{leaf.Index - 1} are missing: the log cannot be rebuilt past leaf {size}", LeafIndex: size));
                    broken = true;
                    break;
                }
                var hash = MerkleHash.Leaf(Encoding.UTF8.GetBytes(leaf.Data));
                if (!hash.AsSpan().SequenceEqual(leaf.LeafHash))
                    Add(new NotaryAuditProblem(NotaryAuditProblemKind.LeafHash,
                        $"leaf {leaf.Index} ({leaf.Kind}, contract {Contract(leaf.ContractId)}): the stored leaf hash {Hex(leaf.LeafHash)} is not the hash {Hex(hash)} of the stored leaf data",
                        leaf.Index, leaf.Kind, leaf.ContractId));
                else if (ColumnsProblem(leaf) is { } columns)
                    Add(new NotaryAuditProblem(NotaryAuditProblemKind.LeafColumns,
                        $"leaf {leaf.Index}: {columns}", leaf.Index, leaf.Kind, leaf.ContractId));
                Compare(0, leaf.Index, hash, leaf);
                stack.Add((0, hash));
                while (stack.Count >= 2 && stack[^1].Level == stack[^2].Level)
                {
                    var level = stack[^1].Level + 1;
                    var merged = MerkleHash.Node(stack[^2].Hash, stack[^1].Hash);
                    stack.RemoveRange(stack.Count - 2, 2);
                    stack.Add((level, merged));
                    Compare(level, leaf.Index >> level, merged, null);
                }
                size++;
                RecordRoots();
            }
            if (broken || leaves.Count < batchSize) break;

            void Compare(int level, long index, byte[] expected, NotaryLeaf? leaf)
            {
                nodesChecked++;
                var first = index << level;
                var last = ((index + 1) << level) - 1;
                var what = level == 0
                    ? $"the stored hash of leaf {index} ({leaf!.Kind}, contract {Contract(leaf.ContractId)}) in the tree"
                    : $"the stored subtree hash at level {level}, index {index} (leaves {first}–{last})";
                if (!stored.TryGetValue((level, index), out var actual))
                    Add(new NotaryAuditProblem(NotaryAuditProblemKind.MissingNode, what + " is missing",
                        level == 0 ? index : null, leaf?.Kind, leaf?.ContractId, level, index));
                else if (!actual.AsSpan().SequenceEqual(expected))
                    Add(new NotaryAuditProblem(NotaryAuditProblemKind.Node,
                        $"{what} is {Hex(actual)}, but the leaves give {Hex(expected)}",
                        level == 0 ? index : null, leaf?.Kind, leaf?.ContractId, level, index));
            }
        }

        long checkedCount = 0;
        var ids = checkpoints.Select(c => c.Id).ToList();
        for (var i = 0; i < ids.Count; i += 500)
        {
            var chunk = ids.Skip(i).Take(500).ToList();
            var rows = await db.Set<NotaryCheckpoint>().AsNoTracking().Where(c => chunk.Contains(c.Id)).OrderBy(c => c.TreeSize).ThenBy(c => c.Id).ToListAsync(ct);
            foreach (var row in rows)
            {
                checkedCount++;
                CheckCheckpoint(row, rootsAt.GetValueOrDefault(row.TreeSize), keys, size, Add);
            }
        }
        return new NotaryAuditReport(size, nodesChecked, checkedCount, problemCount, problems);
    }

    // Whether the copied columns say what the leaf data says (null when they agree or the data is not an event).
    private static string? ColumnsProblem(NotaryLeaf leaf)
    {
        NotaryEvent e;
        try
        {
            e = NotaryEvent.Parse(Encoding.UTF8.GetBytes(leaf.Data));
        }
        catch (FormatException)
        {
            return null;
        }
        if (e.Kind != leaf.Kind) return $"the Kind column says {leaf.Kind}, but the leaf data is a {e.Kind} event";
        if (e.ContractId != leaf.ContractId)
            return $"the ContractId column says {Contract(leaf.ContractId)}, but the leaf data is of contract {Contract(e.ContractId)}";
        return null;
    }

    private static void CheckCheckpoint(NotaryCheckpoint row, byte[]? root, NoteVerifierSet? keys, long size, Action<NotaryAuditProblem> add)
    {
        var id = row.Id;
        var name = $"checkpoint {id} (tree size {row.TreeSize})";
        if (root is null)
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointBeyondLog,
                $"{name} covers more leaves than the {size} the log can rebuild", CheckpointId: id));
        else if (!root.AsSpan().SequenceEqual(row.RootHash))
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointRoot,
                $"{name}: the stored root {Hex(row.RootHash)} is not the root {Hex(root)} recomputed from the leaves", CheckpointId: id));
        if (!SignedNote.TryParse(row.Note, out var note, out var reason))
        {
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointNote, $"{name}: the note is malformed: {reason}", CheckpointId: id));
            return;
        }
        if (!Checkpoint.TryParse(note!.Text, out var parsed, out reason))
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointNote, $"{name}: the note is not a checkpoint: {reason}", CheckpointId: id));
        else if (parsed!.TreeSize != (ulong)row.TreeSize || !parsed.RootHash.AsSpan().SequenceEqual(root ?? row.RootHash))
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointNote,
                string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the signed note says tree size {parsed.TreeSize} with root {Hex(parsed.RootHash)}, which is not the recomputed tree"),
                CheckpointId: id));
        if (keys is not null && keys.Verify(note) is { IsValid: false } verdict)
            add(new NotaryAuditProblem(NotaryAuditProblemKind.CheckpointSignature, $"{name}: {verdict.Reason}", CheckpointId: id));
    }

    // The stored subtree hashes completed by the leaves [start, end): at each level, the nodes whose last leaf is in that range.
    private async Task<Dictionary<(int, long), byte[]>> ReadNodesAsync(long start, long end, CancellationToken ct)
    {
        var terms = new List<string>();
        for (var level = 0; level < 63 && (end >> level) > 0; level++)
        {
            var lo = ((start + 1 + (1L << level) - 1) >> level) - 1; // ceil((start+1)/2^level) - 1
            var hi = (end >> level) - 1;
            if (lo <= hi)
                terms.Add(string.Create(CultureInfo.InvariantCulture, $"(\"Level\" = {level} AND \"Index\" BETWEEN {lo} AND {hi})"));
        }
        var found = new Dictionary<(int, long), byte[]>();
        if (terms.Count == 0) return found;
        // Integers formatted here, never text from outside: the query is built literally.
        var sql = "SELECT \"Level\", \"Index\", \"Hash\" FROM \"NotaryNodes\" WHERE " + string.Join(" OR ", terms);
        foreach (var row in await db.Set<NotaryNode>().FromSqlRaw(sql).AsNoTracking().ToListAsync(ct))
            found[(row.Level, row.Index)] = row.Hash;
        return found;
    }

    private static byte[] Root(List<(int Level, byte[] Hash)> stack)
    {
        if (stack.Count == 0) return MerkleHash.EmptyRoot();
        var acc = stack[^1].Hash;
        for (var i = stack.Count - 2; i >= 0; i--) acc = MerkleHash.Node(stack[i].Hash, acc);
        return acc;
    }

    private static string Contract(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
