using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>/api/v1/contracts: the ledger, filing, documents and the lifecycle.</summary>
public static class ContractsApi
{
    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contracts").WithTags("Contracts").RequireAuthorization(Policies.ContractReaders);
        g.MapGet("/", List).WithSummary("The ledger: filter, search, sort, page");
        g.MapGet("/{id:long}", Get);
        g.MapPost("/", Create).RequireAuthorization(Policies.ContractWriters).WithSummary("File a contract (creates a draft)");
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.ContractWriters).WithSummary("Edit a draft");
        g.MapPost("/{id:long}/documents", Upload).RequireAuthorization(Policies.ContractWriters).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Upload a document or a new version of one (.docx/.pdf/.txt, up to 50 MB)");
        g.MapGet("/{id:long}/documents/{docId:long}", Download);
        g.MapPost("/{id:long}/submit", Submit).RequireAuthorization(Policies.ContractWriters).WithSummary("Submit a draft for approval");
        g.MapPost("/{id:long}/status", ChangeStatus).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Filed → Performing → Completed, or → Terminated (with a reason)");
        api.MapGet("/dashboard", async (Dashboard d, CancellationToken ct) => TypedResults.Ok(await d.ComputeAsync(ct)))
            .WithTags("Contracts").RequireAuthorization(Policies.ContractReaders);
        return g;
    }

    private static async Task<Ok<LedgerPage>> List([AsParameters] LedgerFilterQuery f, LedgerQuery ledger, CancellationToken ct) =>
        TypedResults.Ok(await ledger.PageAsync(f.ToFilter(), ct));

    private static async Task<Results<Ok<ContractDto>, NotFound>> Get(long id, LvyueDbContext db, CancellationToken ct) =>
        await ContractDetails.LoadAsync(db, id, ct) is { } c ? TypedResults.Ok(ContractDto.From(c)) : TypedResults.NotFound();

    private static async Task<Created<ContractDto>> Create(ContractInput input, FilingService filing, LvyueDbContext db, CancellationToken ct)
    {
        if (input.BudgetUnitId == 0 && db.Scope.BudgetUnitId is { } unit) input = input with { BudgetUnitId = unit };
        var c = await filing.CreateAsync(input, null, ct);
        var dto = ContractDto.From((await ContractDetails.LoadAsync(db, c.Id, ct))!);
        return TypedResults.Created($"/api/v1/contracts/{c.Id}", dto);
    }

    private static async Task<Ok<ContractDto>> Update(long id, ContractInput input, [FromHeader(Name = "If-Match")] long? version,
        FilingService filing, LvyueDbContext db, CancellationToken ct)
    {
        await filing.UpdateDraftAsync(id, input, version, ct);
        return TypedResults.Ok(ContractDto.From((await ContractDetails.LoadAsync(db, id, ct))!));
    }

    private static async Task<Created<DocumentDto>> Upload(long id, IFormFile file, FilingService filing, CancellationToken ct)
    {
        await using var s = file.OpenReadStream();
        var d = await filing.AddDocumentAsync(id, new UploadedDocument(file.FileName, s), ct);
        return TypedResults.Created($"/api/v1/contracts/{id}/documents/{d.Id}",
            new DocumentDto(d.Id, d.FileName, d.VersionNo, d.ContentType, d.Size, d.Sha256, d.Sm3, d.UploadedAt, d.UploadedBy));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(long id, long docId, LvyueDbContext db, Lvyue.Files.FileStore files, CancellationToken ct)
    {
        var d = await db.ContractDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == docId && x.ContractId == id, ct);
        if (d is null || !files.Exists(d.Sha256)) return TypedResults.NotFound();
        return TypedResults.File(files.Open(d.Sha256), d.ContentType, d.FileName);
    }

    private static async Task<Ok<ApprovalDto>> Submit(long id, FilingService filing, CancellationToken ct)
    {
        var t = await filing.SubmitAsync(id, ct);
        var c = t.Contract;
        return TypedResults.Ok(new ApprovalDto(t.Id, t.ContractId, c?.Number ?? "", c?.Title ?? "", c?.Amount ?? 0, t.Level, t.State, t.CreatedAt, null, null, null));
    }

    private static async Task<Ok<ContractDto>> ChangeStatus(long id, StatusChange change, FilingService filing, LvyueDbContext db, CancellationToken ct)
    {
        await filing.ChangeStatusAsync(id, change.Status, change.Note, ct);
        return TypedResults.Ok(ContractDto.From((await ContractDetails.LoadAsync(db, id, ct))!));
    }
}

/// <summary>The ledger filter as query-string parameters.</summary>
public sealed class LedgerFilterQuery
{
    public long? UnitId { get; set; }
    public Category? Category { get; set; }
    public long? SubcategoryId { get; set; }
    public ContractStatus? Status { get; set; }
    public ProcurementMethod? Method { get; set; }
    public decimal? AmountMin { get; set; }
    public decimal? AmountMax { get; set; }
    public DateOnly? SignFrom { get; set; }
    public DateOnly? SignTo { get; set; }
    public long? SupplierId { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public LedgerFilter ToFilter() => new()
    {
        BudgetUnitId = UnitId, Category = Category, SubcategoryId = SubcategoryId, Status = Status, Method = Method,
        AmountMin = AmountMin, AmountMax = AmountMax, SignFrom = SignFrom, SignTo = SignTo, SupplierId = SupplierId,
        Q = Q, Sort = Sort, Desc = Desc ?? true, Page = Page ?? 1, PageSize = PageSize ?? 50,
    };
}
