using Lvyue.Contracts;
using Lvyue.Integration;
using Lvyue.Organizations;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lvyue.Web.Api;

/// <summary>Bulk imports (all or nothing, with a row/column report), their templates, and the ledger export.</summary>
public static class ImportsApi
{
    /// <summary>What can be imported, the policy that may import it and how.</summary>
    public sealed record ImportKind(string Name, string Policy, string Zh, string En,
        Func<IServiceProvider, Stream, CancellationToken, Task> Template,
        Func<IServiceProvider, Stream, string, CancellationToken, Task<ImportResult>> Import);

    public static readonly IReadOnlyDictionary<string, ImportKind> Kinds = new Dictionary<string, ImportKind>
    {
        ["contracts"] = new("contracts", Policies.ContractWriters, "合同", "Contracts",
            (sp, s, ct) => sp.GetRequiredService<ContractImport>().WriteTemplateAsync(s, ct),
            (sp, s, name, ct) => sp.GetRequiredService<ContractImport>().ImportAsync(s, name, null, ct)),
        ["suppliers"] = new("suppliers", Policies.OrganizationWriters, "供应商", "Suppliers",
            (_, s, _) => { SupplierImport.WriteTemplate(s); return Task.CompletedTask; },
            (sp, s, name, ct) => sp.GetRequiredService<SupplierImport>().ImportAsync(s, name, ct)),
        ["units"] = new("units", Policies.BudgetWriters, "预算单位", "Budget units",
            (_, s, _) => { BudgetUnitImport.WriteTemplate(s); return Task.CompletedTask; },
            (sp, s, name, ct) => sp.GetRequiredService<BudgetUnitImport>().ImportAsync(s, name, ct)),
        ["budget-lines"] = new("budget-lines", Policies.BudgetWriters, "预算指标", "Budget lines",
            (_, s, _) => { BudgetLineImport.WriteTemplate(s); return Task.CompletedTask; },
            (sp, s, name, ct) => sp.GetRequiredService<BudgetLineImport>().ImportAsync(s, name, ct)),
    };

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization();
        g.MapGet("/{kind}/template", Template).WithSummary("Download the .xlsx template of an import (contracts, suppliers, units, budget-lines)");
        g.MapPost("/{kind}", Import).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Import a .xlsx or .csv file: every row is validated first; if any is bad nothing is written (422 with the problems)");
        api.MapGet("/contracts/export", Export).WithTags("Contracts").RequireAuthorization(Policies.ContractReaders)
            .WithSummary("Export the filtered ledger as .xlsx or .csv (format=xlsx|csv, same filters as the ledger)");
        return api;
    }

    /// <summary>Writes the filtered ledger to the response (.csv streamed, .xlsx through a file buffer).</summary>
    public static async Task Export(string? format, [AsParameters] LedgerFilterQuery filter, HttpContext http, LedgerExport export, TimeProvider clock)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var name = $"合同台账_{Lvyue.Common.ChinaTime.Today(clock):yyyyMMdd}.{(csv ? "csv" : "xlsx")}";
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : XlsxType;
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
            { FileNameStar = name, FileName = csv ? "ledger.csv" : "ledger.xlsx" }.ToString();
        var f = filter.ToFilter();
        if (csv) await export.WriteCsvAsync(f, http.Response.Body, http.RequestAborted);
        else
        {
            // The .xlsx writer is a ZipArchive, which writes synchronously and the server forbids synchronous
            // writes to the response: buffer it (in memory up to 32 KB, then in a temporary file), then copy.
            await using var buffer = new Microsoft.AspNetCore.WebUtilities.FileBufferingWriteStream();
            await export.WriteXlsxAsync(f, buffer, http.RequestAborted);
            await buffer.DrainBufferAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static async Task<IResult> Template(string kind, HttpContext http, IAuthorizationService authz)
    {
        if (!Kinds.TryGetValue(kind, out var k)) return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(http.User, k.Policy)).Succeeded) return TypedResults.Forbid();
        var ms = new MemoryStream();
        await k.Template(http.RequestServices, ms, http.RequestAborted);
        ms.Position = 0;
        return TypedResults.File(ms, XlsxType, $"{k.Zh}导入模板.xlsx");
    }

    private static async Task<IResult> Import(string kind, IFormFile file, HttpContext http, IAuthorizationService authz)
    {
        if (!Kinds.TryGetValue(kind, out var k)) return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(http.User, k.Policy)).Succeeded) return TypedResults.Forbid();
        await using var s = file.OpenReadStream();
        var result = await k.Import(http.RequestServices, s, file.FileName, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(Dto(result)) : TypedResults.UnprocessableEntity(Dto(result));
    }

    /// <summary>The import result as JSON, with messages in both languages.</summary>
    public static object Dto(ImportResult r) => new
    {
        r.What, r.Rows, r.Inserted, r.Updated, r.Succeeded, r.ProblemCount, elapsedMs = (long)r.Elapsed.TotalMilliseconds,
        problems = r.Problems.Select(p => new { row = p.Row, column = p.Column, zh = p.Message.Zh, en = p.Message.En }),
    };
}
