using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>A credit record as the API shows it.</summary>
public sealed record CreditRecordDto(long Id, CreditSubject Subject, long SubjectId, long RegionId, CreditSource Source, string Kind, long? ContractId,
    int Points, bool Counted, bool Dishonest, string Summary, string SummaryEn, DateOnly OccurredOn, DateOnly? ExpiresOn, DateTime RecordedAt)
{
    public static CreditRecordDto Of(CreditRecord r) => new(r.Id, r.Subject, r.SubjectId, r.RegionId, r.Source, r.Kind, r.ContractId, r.Points,
        r.Counted, r.Dishonest, r.Summary, r.SummaryEn, r.OccurredOn, r.ExpiresOn, r.RecordedAt);
}

/// <summary>/api/v1/credit: credit records and grades of suppliers and budget units, and the pull feed for the public credit platform.</summary>
public static class CreditApi
{
    public static RouteGroupBuilder MapCreditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/credit").WithTags("Credit").RequireAuthorization();
        g.MapGet("/suppliers/{id:long}", async (long id, LvyueDbContext db, CreditService c, CancellationToken ct) =>
        {
            if (!await db.Suppliers.AnyAsync(s => s.Id == id, ct)) throw DomainException.NotFound("供应商|supplier");
            return TypedResults.Ok(await ProfileAsync(c, CreditSubject.Supplier, id, ct));
        }).WithSummary("A supplier's credit grades by year and its records");
        g.MapGet("/units/{id:long}", async (long id, LvyueDbContext db, CreditService c, CancellationToken ct) =>
        {
            if (!await db.BudgetUnits.AnyAsync(u => u.Id == id, ct)) throw DomainException.NotFound("预算单位|budget unit");
            return TypedResults.Ok(await ProfileAsync(c, CreditSubject.BudgetUnit, id, ct));
        }).WithSummary("A budget unit's credit grades by year and its records");
        g.MapPost("/sync", async (PerformanceCreditSync sync, CancellationToken ct) => TypedResults.Ok(new { added = await sync.SyncAsync(ct) }))
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOffice, Roles.Supervisor, Roles.SystemAdmin))
            .WithSummary("Record the performance credit events not recorded yet and regrade their parties");
        g.MapGet("/records", async (long? afterId, int? take, LvyueDbContext db, ITenantContext tenant, CancellationToken ct) =>
        {
            var n = Math.Clamp(take ?? 500, 1, 5000);
            var q = db.CreditRecords.AsNoTracking().Where(r => r.Id > (afterId ?? 0));
            var scope = tenant.Scope;
            if (!scope.All && scope.RegionId is { } region) q = q.Where(r => r.RegionId == region);
            else if (!scope.All) throw DomainException.Forbidden();
            var rows = await q.OrderBy(r => r.Id).Take(n).ToListAsync(ct);
            return TypedResults.Ok(new { records = rows.Select(CreditRecordDto.Of), next = rows.Count == n ? rows[^1].Id : (long?)null });
        }).RequireAuthorization(p => p.RequireRole(Roles.CreditOffice, Roles.Supervisor, Roles.DisciplineInspector))
            .WithSummary("The region's credit records in id order from afterId (for the public credit platform to pull)");
        return g;
    }

    private static async Task<object> ProfileAsync(CreditService c, CreditSubject subject, long id, CancellationToken ct) => new
    {
        subject, id,
        grades = (await c.GradesAsync(subject, id, ct)).Select(x => new
        {
            x.Year, x.Grade, label = CreditRules.Label(x.Grade).Zh, x.Score, x.EvaluationScore, x.RecordCount, x.Reason, x.ReasonEn, x.RulesVersion, x.AsOf,
        }),
        records = (await c.RecordsAsync(subject, id, ct)).Select(CreditRecordDto.Of),
    };
}
