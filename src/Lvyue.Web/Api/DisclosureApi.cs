using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>A request to publish a list for a period.</summary>
public sealed record PublicationInput(long? RegionId, PublicationKind Kind, string? Period);

/// <summary>
/// /api/v1/disclosure: the public disclosure portal's data, no login — the frozen periodic publication lists (失信认定、
/// 限制参与政府采购、红名单) and their exports, and the suppliers' public star ratings; publishing a list needs the credit office.
/// </summary>
public static class DisclosureApi
{
    public static RouteGroupBuilder MapDisclosureApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/disclosure").WithTags("Disclosure");
        g.MapGet("/publications", async (long? regionId, PublicationKind? kind, bool? allVersions, PublicationService s, CancellationToken ct) =>
            TypedResults.Ok((await s.ListAsync(regionId, kind, latestOnly: allVersions != true, ct)).Select(Summary)))
            .AllowAnonymous().WithSummary("Published lists (the latest version of each unless allVersions=true), newest period first");
        g.MapGet("/publications/{id:long}", async (long id, PublicationService s, CancellationToken ct) =>
        {
            var p = await s.GetAsync(id, ct);
            return TypedResults.Ok(new { publication = Summary(p), rows = p.Rows() });
        }).AllowAnonymous().WithSummary("One publication with its frozen rows and their SHA-256");
        g.MapGet("/publications/{id:long}/export", async (long id, string? format, PublicationService s, LvyueDbContext db, CancellationToken ct) =>
        {
            var p = await s.GetAsync(id, ct);
            var region = await db.Regions.AsNoTracking().Where(r => r.Id == p.RegionId).Select(r => r.Name).FirstAsync(ct);
            var f = ListExport.Write(PublicationService.Table(p, region), format ?? "csv", $"{PublicationService.Label(p.Kind).Zh}-{p.PeriodLabel}-v{p.Version}");
            return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
        }).AllowAnonymous().WithSummary("A publication as csv (default), xlsx or pdf");
        g.MapPost("/publications", async (PublicationInput input, PublicationService s, Accounts.ITenantContext tenant, CancellationToken ct) =>
        {
            var region = input.RegionId ?? tenant.Scope.RegionId ?? throw new DomainException(ErrorKind.Invalid, new Msg("请指定地区", "Give the region"),
                new Dictionary<string, Msg[]> { ["regionId"] = [new Msg("缺少地区", "regionId is required")] });
            var p = await s.GenerateAsync(region, input.Kind, input.Period, ct);
            return TypedResults.Created($"/api/v1/disclosure/publications/{p.Id}", Summary(p));
        }).RequireAuthorization().WithSummary("The credit office (or a supervisor) publishes a list of a period that has ended: a new frozen version");
        g.MapGet("/ratings", async (string? q, int? page, PublicRatings ratings, CancellationToken ct) =>
            TypedResults.Ok(await ratings.SearchAsync(q, page ?? 1, ct)))
            .AllowAnonymous().WithSummary("Suppliers' public star ratings: name, USCC and stars per category (search by name or USCC)");
        return g;
    }

    private static object Summary(Publication p) => new
    {
        p.Id, p.RegionId, p.Kind, title = PublicationService.Label(p.Kind).Zh, titleEn = PublicationService.Label(p.Kind).En, p.Period, p.PeriodLabel,
        p.PeriodStart, p.PeriodEnd, p.Version, p.RowCount, p.Sha256, p.GeneratedAt,
    };
}
