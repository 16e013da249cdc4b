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
        g.MapGet("/{kind}/{id:long}/report", async (string kind, long id, string? format, CreditReport report, CancellationToken ct) =>
        {
            var subject = kind switch { "suppliers" => CreditSubject.Supplier, "units" => CreditSubject.BudgetUnit, _ => throw DomainException.NotFound("主体类别|subject kind") };
            return format == "docx"
                ? TypedResults.File(await report.DocxAsync(subject, id, ct), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"信用报告-{id}.docx")
                : TypedResults.File(await report.PdfAsync(subject, id, ct), "application/pdf", $"信用报告-{id}.pdf");
        }).WithSummary("The credit report of a supplier (suppliers) or budget unit (units) as PDF (default) or format=docx");
        g.MapGet("/lists/{kind}", async (string kind, int? year, CreditReport report, LvyueDbContext db, CancellationToken ct) =>
        {
            var y = year ?? ChinaTime.Today(db.Clock).Year;
            var rows = await report.ListAsync(kind, y, ct);
            var csv = new System.Text.StringBuilder("id,name,uscc,score\n");
            foreach (var r in rows) csv.Append(r.Id).Append(',').Append(Csv(r.Name)).Append(',').Append(r.Uscc).Append(',').Append(r.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", $"{kind}-{y}.csv");
        }).RequireAuthorization(p => p.RequireRole(Roles.CreditOffice, Roles.Supervisor))
            .WithSummary("Reward lists of a year as CSV: credit-loan-referral and tender-bonus (suppliers graded 优), commendation (units graded 优 two years running)");
        g.MapPost("/recompute", async (Evaluation.RatingRecompute r, CancellationToken ct) => TypedResults.Ok(await r.RunAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOffice, Roles.SystemAdmin))
            .WithSummary("Recompute every star rating and credit grade from the data (normally nightly)");
        MapDeterminations(g);
        return g;
    }

    /// <summary>A decision on a determination (confirm, reject, appeal decision, repair, appeal).</summary>
    public sealed record DeterminationDecision(string? Note, bool Revoke = false);

    private static void MapDeterminations(RouteGroupBuilder g)
    {
        var d = g.MapGroup("/determinations");
        d.MapGet("/", async (DeterminationState? state, LvyueDbContext db, ITenantContext tenant, CancellationToken ct) =>
            TypedResults.Ok(await Visible(db, tenant.Scope).Where(x => state == null || x.State == state).OrderByDescending(x => x.Id).Take(500).ToListAsync(ct)))
            .WithSummary("Determinations the caller may see: its region's, or a party's own");
        d.MapGet("/{id:long}", async (long id, LvyueDbContext db, ITenantContext tenant, CancellationToken ct) =>
            TypedResults.Ok(await Visible(db, tenant.Scope).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("失信认定|determination")));
        d.MapPost("/", async (DeterminationInput input, DeterminationService s, CancellationToken ct) =>
        {
            var x = await s.ProposeAsync(input, ct);
            return TypedResults.Created($"/api/v1/credit/determinations/{x.Id}", x);
        }).WithSummary("A supervisor proposes a determination (facts and basis required)");
        d.MapPost("/{id:long}/confirm", async (long id, DeterminationDecision b, DeterminationService s, CancellationToken ct) => TypedResults.Ok(await s.ConfirmAsync(id, b.Note, ct)))
            .WithSummary("The credit office confirms: number, .docx and PDF documents, publication, credit record, restriction");
        d.MapPost("/{id:long}/reject", async (long id, DeterminationDecision b, DeterminationService s, CancellationToken ct) => TypedResults.Ok(await s.RejectAsync(id, b.Note, ct)));
        d.MapPost("/{id:long}/appeal", async (long id, DeterminationDecision b, DeterminationService s, CancellationToken ct) => TypedResults.Ok(await s.AppealAsync(id, b.Note, ct)))
            .WithSummary("The party appeals a confirmed determination");
        d.MapPost("/{id:long}/appeal-decision", async (long id, DeterminationDecision b, DeterminationService s, CancellationToken ct) => TypedResults.Ok(await s.DecideAppealAsync(id, b.Revoke, b.Note, ct)))
            .WithSummary("The credit office upholds the determination or revokes it (revoke=true)");
        d.MapPost("/{id:long}/repair", async (long id, DeterminationDecision b, DeterminationService s, CancellationToken ct) => TypedResults.Ok(await s.RepairAsync(id, b.Note, ct)))
            .WithSummary("Credit repair after the minimum publication period");
        d.MapGet("/{id:long}/document", async (long id, string? format, LvyueDbContext db, ITenantContext tenant, Files.FileStore files, CancellationToken ct) =>
        {
            var x = await Visible(db, tenant.Scope).FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw DomainException.NotFound("失信认定|determination");
            var pdf = format == "pdf";
            var sha = pdf ? x.PdfSha256 : x.DocxSha256;
            if (sha is null) throw DomainException.NotFound("认定决定书|determination document");
            return TypedResults.File(files.Open(sha), pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"{x.Number}.{(pdf ? "pdf" : "docx")}");
        }).WithSummary("The determination document (format=docx or pdf)");
        g.MapGet("/sanctions", async (long supplierId, DateOnly? on, DeterminationService s, LvyueDbContext db, CancellationToken ct) =>
        {
            if (!await db.Suppliers.AnyAsync(x => x.Id == supplierId, ct)) throw DomainException.NotFound("供应商|supplier");
            var active = await s.ActiveSanctionAsync(supplierId, on ?? ChinaTime.Today(db.Clock), ct);
            return TypedResults.Ok(new { supplierId, restricted = active is not null, sanction = active });
        }).WithSummary("Whether a supplier is restricted from procurement on a day (the filing form's check)");
    }

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static IQueryable<DishonestyDetermination> Visible(LvyueDbContext db, TenantScope scope)
    {
        var q = db.DishonestyDeterminations.AsNoTracking();
        if (scope.All) return q;
        if (scope.RegionId is { } r) return q.Where(x => x.RegionId == r);
        if (scope.SupplierId is { } s) return q.Where(x => x.Subject == CreditSubject.Supplier && x.SubjectId == s);
        if (scope.BudgetUnitId is { } u) return q.Where(x => x.Subject == CreditSubject.BudgetUnit && x.SubjectId == u);
        return q.Where(_ => false);
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
