using System.Globalization;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Notary;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>
/// /api/v1/notary: the notarization log for auditors and the public. The signed checkpoint, the verifier keys,
/// inclusion and consistency proofs and the digest lookup are anonymous (they disclose hashes, sizes, times and
/// kinds only); a receipt holds the leaf data and needs a login that can see the leaf's contract.
/// </summary>
public static class NotaryApi
{
    public static RouteGroupBuilder MapNotaryApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notary").WithTags("Notary");
        g.MapGet("/checkpoint", Checkpoint).AllowAnonymous()
            .WithSummary("The latest signed checkpoint (C2SP signed note, text/plain)");
        g.MapGet("/keys", Keys).AllowAnonymous()
            .WithSummary("The verifier keys of checkpoints: current and rotated-out (signed-note verifier key strings)");
        g.MapGet("/proofs/inclusion", Inclusion).AllowAnonymous()
            .WithSummary("Inclusion proof of leaf `index` in the tree of `size` leaves (default: the latest checkpoint's)");
        g.MapGet("/proofs/consistency", Consistency).AllowAnonymous()
            .WithSummary("Consistency proof that the tree of `size1` leaves is a prefix of the tree of `size2` leaves");
        g.MapGet("/lookup", Lookup).AllowAnonymous()
            .WithSummary("Notarized events carrying a document digest (SHA-256 or SM3, hex): index, kind, time and leaf hash only");
        g.MapGet("/leaves/{index:long}/receipt", Receipt).RequireAuthorization()
            .WithSummary("The JSON receipt of a leaf (leaf, inclusion proof, signed checkpoint), verifiable offline with `lvyue notary verify`");
        g.MapGet("/contracts/{id:long}/events", ContractEvents).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("The notarized events of a contract the caller can see");
        g.MapPost("/witness/add-checkpoint", AddCheckpoint).AllowAnonymous().DisableAntiforgery()
            .WithSummary("C2SP tlog-witness: cosigns a checkpoint consistent with the last one this witness saw (when Notary:Witness:Key is set)");
        return g;
    }

    private static async Task<IResult> AddCheckpoint(HttpContext http, CancellationToken ct)
    {
        var witness = http.RequestServices.GetService<NotaryWitness>();
        if (witness is null) return Results.Text("this host runs no witness\n", "text/plain", statusCode: StatusCodes.Status404NotFound);
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        if (!NotaryWitness.TryParseRequest(body, out var oldSize, out var proof, out var checkpoint, out var reason))
            return Results.Text(reason + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        var result = witness.AddCheckpoint(oldSize, proof, checkpoint);
        if (result.IsCosigned) return Results.Text(result.Cosignature!.ToLine() + "\n", "text/plain; charset=utf-8");
        if (result.Status == StatusCodes.Status409Conflict)
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{result.KnownSize}\n"), "text/x.tlog.size", statusCode: 409);
        return Results.Text(result.Reason + "\n", "text/plain", statusCode: result.Status);
    }

    /// <summary>One verifier key.</summary>
    public sealed record NotaryKeyDto(string Name, string KeyId, string Algorithm, string VerifierKey, bool Current);

    /// <summary>An inclusion proof with the hashes it is checked against.</summary>
    public sealed record InclusionDto(long Index, long TreeSize, string LeafHash, string RootHash, IReadOnlyList<string> Proof);

    /// <summary>A consistency proof with both roots.</summary>
    public sealed record ConsistencyDto(long Size1, long Size2, string Root1, string Root2, IReadOnlyList<string> Proof);

    /// <summary>What the public sees of a notarized event.</summary>
    public sealed record PublicEntryDto(long Index, string Kind, DateTime At, string LeafHash, string? Algorithm);

    /// <summary>A notarized event of a contract, with its leaf data.</summary>
    public sealed record ContractEntryDto(long Index, string Kind, DateTime At, string LeafHash, string Leaf);

    private static DomainException Bad(string zh, string en, string field) =>
        new(ErrorKind.Invalid, new Msg(zh, en), new Dictionary<string, Msg[]> { [field] = [new Msg(zh, en)] });

    private static async Task<IResult> Checkpoint(LvyueDbContext db, NotaryCheckpointer checkpointer, CancellationToken ct)
    {
        var latest = await LatestAsync(db, ct);
        if (latest is null && await checkpointer.SignIfGrownAsync(ct) is { } signed) latest = signed;
        if (latest is null) throw new DomainException(ErrorKind.NotFound, new Msg("日志为空，尚无检查点", "The log is empty: there is no checkpoint yet"));
        return Results.Text(latest.Note, "text/plain; charset=utf-8");
    }

    private static Task<NotaryCheckpoint?> LatestAsync(LvyueDbContext db, CancellationToken ct) =>
        db.NotaryCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    private static Ok<List<NotaryKeyDto>> Keys(NotaryKeyRing keys)
    {
        var current = keys.Signers.Select(s => (s.Name, s.KeyId)).ToHashSet();
        return TypedResults.Ok(keys.Verifiers.Keys
            .OrderByDescending(k => current.Contains((k.Name, k.KeyId)))
            .Select(k => new NotaryKeyDto(k.Name, k.KeyId.ToString("x8", CultureInfo.InvariantCulture), k.Algorithm.ToString(), k.ToString(),
                current.Contains((k.Name, k.KeyId))))
            .ToList());
    }

    private static async Task<Ok<InclusionDto>> Inclusion(long index, long? size, LvyueDbContext db, NotaryLog log, CancellationToken ct)
    {
        var logSize = await log.SizeAsync(ct);
        var treeSize = size ?? (await LatestAsync(db, ct))?.TreeSize ?? logSize;
        if (index < 0) throw Bad("叶子序号不能为负数", "The leaf index must not be negative", "index");
        if (treeSize < 1) throw Bad("树的大小至少为 1", "The tree size must be at least 1", "size");
        if (treeSize > logSize)
            throw Bad($"树的大小 {treeSize} 超过日志当前大小 {logSize}", $"The tree size {treeSize} is larger than the log ({logSize} leaves)", "size");
        if (index >= treeSize)
            throw Bad($"叶子序号 {index} 不小于树的大小 {treeSize}", $"The leaf index {index} is not less than the tree size {treeSize}", "index");
        var proof = await log.InclusionProofAsync(index, treeSize, ct);
        var leaf = await db.NotaryNodes.AsNoTracking().Where(n => n.Level == 0 && n.Index == index).Select(n => n.Hash).SingleAsync(ct);
        var root = await log.RootAsync(treeSize, ct);
        return TypedResults.Ok(new InclusionDto(index, treeSize, Hex(leaf), Hex(root), proof.Select(Hex).ToList()));
    }

    private static async Task<Ok<ConsistencyDto>> Consistency(long size1, long size2, NotaryLog log, NotaryGrowth growth, CancellationToken ct)
    {
        var logSize = await log.SizeAsync(ct);
        if (size1 < 1) throw Bad("size1 至少为 1", "size1 must be at least 1", "size1");
        if (size1 > size2) throw Bad("size1 不能大于 size2", "size1 must not be greater than size2", "size1");
        if (size2 > logSize)
            throw Bad($"树的大小 {size2} 超过日志当前大小 {logSize}", $"The tree size {size2} is larger than the log ({logSize} leaves)", "size2");
        var p = await growth.ProveGrowthAsync(size1, size2, ct);
        return TypedResults.Ok(new ConsistencyDto(p.Size1, p.Size2, Hex(p.Root1), Hex(p.Root2), p.Proof.Select(Hex).ToList()));
    }

    private static async Task<Ok<List<PublicEntryDto>>> Lookup(string? digest, NotaryLookup lookup, CancellationToken ct)
    {
        var hex = digest?.Trim() ?? "";
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            throw Bad("摘要应为 64 位十六进制（SHA-256 或 SM3）", "The digest must be 64 hex digits (SHA-256 or SM3)", "digest");
        var rows = await lookup.FindByDigestAsync(hex, ct);
        return TypedResults.Ok(rows.Select(r => new PublicEntryDto(r.Index, r.Kind, r.At, r.LeafHash, r.MatchedAlgorithm)).ToList());
    }

    private static async Task<IResult> Receipt(long index, LvyueDbContext db, NotaryCheckpointer checkpointer, CancellationToken ct)
    {
        var leaf = await db.NotaryLeaves.AsNoTracking().Where(l => l.Index == index).Select(l => new { l.ContractId }).FirstOrDefaultAsync(ct);
        // A leaf of a contract the caller cannot see answers as if it did not exist.
        if (leaf is null || leaf.ContractId is { } cid && !await db.Contracts.AnyAsync(c => c.Id == cid, ct))
            throw DomainException.NotFound("存证记录|notarized event");
        var receipt = await checkpointer.ReceiptAsync(index, ct) ?? throw DomainException.NotFound("存证记录|notarized event");
        return Results.File(System.Text.Encoding.UTF8.GetBytes(receipt), "application/json",
            string.Create(CultureInfo.InvariantCulture, $"lvyue-receipt-{index}.json"));
    }

    private static async Task<Ok<List<ContractEntryDto>>> ContractEvents(long id, LvyueDbContext db, CancellationToken ct)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == id, ct)) throw DomainException.NotFound("合同|contract");
        var rows = await db.NotaryLeaves.AsNoTracking().Where(l => l.ContractId == id).OrderBy(l => l.Index).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(l => new ContractEntryDto(l.Index, l.Kind, l.At, Hex(l.LeafHash), l.Data)).ToList());
    }

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);
}
