using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>An item of a template as the API shows it.</summary>
public sealed record TemplateItemDto(long Id, string Code, string Name, string NameEn, decimal Weight, decimal MaxScore, string Guidance);

/// <summary>A template version as the API shows it.</summary>
public sealed record TemplateDto(long Id, Category Category, long? SubcategoryId, AssessmentLine Line, int Version, string Name,
    AssessmentFrequency Frequency, string ScorerRole, bool SatisfactionSurvey, DateTime CreatedAt, string? CreatedBy, IReadOnlyList<TemplateItemDto> Items)
{
    public static TemplateDto Of(EvaluationTemplate t) => new(t.Id, t.Category, t.SubcategoryId, t.Line, t.Version, t.Name, t.Frequency, t.ScorerRole,
        t.SatisfactionSurvey, t.CreatedAt, t.CreatedBy,
        t.Items.OrderBy(i => i.SortOrder).Select(i => new TemplateItemDto(i.Id, i.Code, i.Name, i.NameEn, i.Weight, i.MaxScore, i.Guidance)).ToList());
}

/// <summary>A policy event as the API shows it.</summary>
public sealed record PolicyEventDto(long Id, PolicyEventKind Kind, long ContractId, long SupplierId, long AssessmentId, int PolicyVersion,
    int? Year, decimal? Amount, string Reason, string ReasonEn, DateTime At)
{
    public static PolicyEventDto Of(PolicyEvent e) => new(e.Id, e.Kind, e.ContractId, e.SupplierId, e.AssessmentId, e.PolicyVersion, e.Year, e.Amount, e.Reason, e.ReasonEn, e.At);
}

/// <summary>An item score of an assessment.</summary>
public sealed record ScoreDto(long TemplateItemId, string Code, string Name, decimal Weight, decimal MaxScore, decimal Score, string? Remark);

/// <summary>An assessment as the API shows it.</summary>
public sealed record AssessmentDto(long Id, long ContractId, long SupplierId, AssessmentLine Line, string PeriodLabel, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal Total, long TemplateId, int TemplateVersion, string ScoredBy, DateTime ScoredAt, string? Note, string? EvidenceFileName,
    IReadOnlyList<ScoreDto> Scores, IReadOnlyList<PolicyEventDto> Events);

/// <summary>A stored star rating.</summary>
public sealed record StarRatingDto(Category Category, decimal Stars, decimal Score, int ContractCount, int AssessmentCount, DateOnly AsOf, int FormulaVersion);

/// <summary>/api/v1/evaluation: templates, assessments, region policies and their events, deductions, star ratings.</summary>
public static class EvaluationApi
{
    public static RouteGroupBuilder MapEvaluationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/evaluation").WithTags("Evaluation").RequireAuthorization();
        g.MapGet("/templates", async (TemplateService t, CancellationToken ct) =>
        {
            await t.EnsureDefaultsAsync(ct);
            return TypedResults.Ok((await t.ListCurrentAsync(ct)).Select(TemplateDto.Of).ToList());
        }).WithSummary("The current version of every template (defaults created on first use)");
        g.MapGet("/templates/{id:long}", async Task<Results<Ok<TemplateDto>, NotFound>> (long id, LvyueDbContext db, CancellationToken ct) =>
        {
            var t = await db.EvaluationTemplates.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
            return t is null ? TypedResults.NotFound() : TypedResults.Ok(TemplateDto.Of(t));
        }).WithSummary("One template version");
        g.MapPost("/templates/{id:long}/revisions", async (long id, TemplateInput input, TemplateService t, CancellationToken ct) =>
        {
            var v = await t.ReviseAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/evaluation/templates/{v.Id}", TemplateDto.Of(v));
        }).RequireAuthorization(Policies.RegionSettings).WithSummary("Add the next version of a template (weights add up to 100)");
        g.MapGet("/contracts/{contractId:long}/template", async Task<Results<Ok<TemplateDto>, NotFound>> (long contractId, AssessmentLine? line, LvyueDbContext db, TemplateService t, CancellationToken ct) =>
        {
            var c = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == contractId, ct);
            return c is null ? TypedResults.NotFound() : TypedResults.Ok(TemplateDto.Of(await t.CurrentAsync(c.SubcategoryId, line ?? AssessmentLine.Daily, ct)));
        }).RequireAuthorization(Policies.ContractReaders).WithSummary("The template a new assessment of the contract on a line would use");
        g.MapGet("/contracts/{contractId:long}/assessments", async (long contractId, LvyueDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await LoadAsync(db, db.Assessments.Where(a => a.ContractId == contractId), ct)))
            .RequireAuthorization(Policies.ContractReaders).WithSummary("The assessments of a contract with their scores and policy events");
        g.MapPost("/assessments", async (AssessmentInput input, AssessmentService s, LvyueDbContext db, CancellationToken ct) =>
        {
            var r = await s.CreateAsync(input, null, ct);
            var dto = (await LoadAsync(db, db.Assessments.Where(a => a.Id == r.Assessment.Id), ct)).Single();
            return TypedResults.Created($"/api/v1/evaluation/assessments/{dto.Id}", new
            {
                assessment = dto,
                rating = r.Rating is null ? null : Rating(r.Rating),
            });
        }).RequireAuthorization(Policies.ContractReaders).WithSummary("Score a period (or the final evaluation); the region policy runs after it");
        g.MapGet("/assessments/{id:long}", async Task<Results<Ok<AssessmentDto>, NotFound>> (long id, LvyueDbContext db, CancellationToken ct) =>
        {
            var rows = await LoadAsync(db, db.Assessments.Where(a => a.Id == id), ct);
            return rows.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(rows[0]);
        }).RequireAuthorization(Policies.ContractReaders);
        g.MapGet("/contracts/{contractId:long}/deductions", async (long contractId, LvyueDbContext db, CancellationToken ct) =>
        {
            if (!await db.Contracts.AnyAsync(c => c.Id == contractId, ct)) throw DomainException.NotFound("合同|contract");
            return TypedResults.Ok(await db.Deductions.AsNoTracking().Where(d => d.ContractId == contractId).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.AssessmentId, d.PolicyEventId, d.Amount, d.PeriodFee, d.Basis, d.At }).ToListAsync(ct));
        }).RequireAuthorization(Policies.ContractReaders).WithSummary("Deduction records of a contract (read by the payment cross-checks)");
        g.MapGet("/policies/{regionId:long}", async (long regionId, EvaluationPolicyService p, CancellationToken ct) =>
            TypedResults.Ok((await p.HistoryAsync(regionId, ct)).Select(PolicyDto)))
            .WithSummary("Every version of a region's evaluation policy, newest first (empty: the Kunshan defaults apply at the first assessment)");
        g.MapPost("/policies/{regionId:long}", async (long regionId, PolicyInput input, EvaluationPolicyService p, CancellationToken ct) =>
        {
            var v = await p.ReviseAsync(regionId, input, ct);
            return TypedResults.Created($"/api/v1/evaluation/policies/{regionId}", PolicyDto(v));
        }).RequireAuthorization(Policies.RegionSettings).WithSummary("Add the next version of the region's policy; past events keep their versions");
        g.MapGet("/suppliers/{supplierId:long}/rating", async (long supplierId, Category? category, LvyueDbContext db, StarRatingService r, CancellationToken ct) =>
        {
            if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct)) throw DomainException.NotFound("供应商|supplier");
            var stored = await db.StarRatings.AsNoTracking().Where(x => x.SupplierId == supplierId).OrderBy(x => x.Category).ToListAsync(ct);
            var (result, inputs, asOf) = await r.ComputeAsync(supplierId, category, ct);
            return TypedResults.Ok(new
            {
                ratings = stored.Select(Rating),
                computed = new { category, asOf, result.Stars, result.Score, formulaVersion = StarRatingFormula.Version, terms = result.Terms, inputs },
                history = (await r.HistoryAsync(supplierId, ct)).Take(200),
            });
        }).WithSummary("A supplier's star ratings per category, the rating recomputed now term by term, and the history");
        return g;
    }

    private static StarRatingDto Rating(StarRating r) => new(r.Category, r.Stars, r.Score, r.ContractCount, r.AssessmentCount, r.AsOf, r.FormulaVersion);

    private static object PolicyDto(EvaluationPolicy p) => new
    {
        p.Id, p.RegionId, p.Version, p.AppliesTo, p.TerminationThreshold, p.TerminationConsecutive, p.TerminationTimesInTerm,
        p.BidBanThreshold, p.DeductionCap, bands = p.Bands(), p.Note, p.CreatedAt, p.CreatedBy,
    };

    /// <summary>Assessments (already filtered by the caller's scope) with their scores, template versions and events.</summary>
    public static async Task<List<AssessmentDto>> LoadAsync(LvyueDbContext db, IQueryable<Assessment> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().Include(a => a.Scores).Include(a => a.Template).ThenInclude(t => t!.Items)
            .OrderBy(a => a.Line).ThenBy(a => a.PeriodStart).ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();
        var events = await db.PolicyEvents.AsNoTracking().Where(e => ids.Contains(e.AssessmentId)).OrderBy(e => e.Id).ToListAsync(ct);
        return rows.Select(a =>
        {
            var items = a.Template!.Items.ToDictionary(i => i.Id);
            return new AssessmentDto(a.Id, a.ContractId, a.SupplierId, a.Line, a.PeriodLabel, a.PeriodStart, a.PeriodEnd, a.Total, a.TemplateId,
                a.Template.Version, a.ScoredBy, a.ScoredAt, a.Note, a.EvidenceFileName,
                a.Scores.OrderBy(s => items[s.TemplateItemId].SortOrder).Select(s =>
                {
                    var i = items[s.TemplateItemId];
                    return new ScoreDto(i.Id, i.Code, i.Name, i.Weight, i.MaxScore, s.Score, s.Remark);
                }).ToList(),
                events.Where(e => e.AssessmentId == a.Id).Select(PolicyEventDto.Of).ToList());
        }).ToList();
    }
}
