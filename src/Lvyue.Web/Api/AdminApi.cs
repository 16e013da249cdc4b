using Lvyue.Audit;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>/api/v1/admin/tokens for the system administrator, /api/v1/audit for the audit administrator.</summary>
public static class AdminApi
{
    /// <summary>A request to issue a token.</summary>
    public sealed record NewToken(string? Name, string[]? Scopes, long? RegionId, long? BudgetUnitId, DateTime? ExpiresAt);

    /// <summary>A token as listed (never its secret).</summary>
    public sealed record TokenDto(long Id, string Name, string Prefix, string Scopes, long? RegionId, long? BudgetUnitId,
        DateTime CreatedAt, string? CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

    /// <summary>A newly issued token with its secret, shown once.</summary>
    public sealed record IssuedTokenDto(TokenDto Token, string Secret);

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/admin/tokens").WithTags("Administration").RequireAuthorization(Policies.SystemAdmin);
        tokens.MapGet("/", async (LvyueDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(ct)).Select(Dto).ToList()));
        tokens.MapPost("/", async (NewToken n, ApiTokenService svc, CancellationToken ct) =>
        {
            var issued = await svc.IssueAsync(n.Name ?? "", n.Scopes ?? [], n.RegionId, n.BudgetUnitId, n.ExpiresAt, ct);
            return TypedResults.Created($"/api/v1/admin/tokens/{issued.Token.Id}", new IssuedTokenDto(Dto(issued.Token), issued.Secret));
        }).WithSummary("Issue a token; the secret is in the response only");
        tokens.MapDelete("/{id:long}", async (long id, ApiTokenService svc, CancellationToken ct) =>
        {
            await svc.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke a token");

        api.MapGet("/audit", Audit).WithTags("Administration").RequireAuthorization(Policies.AuditAdmin)
            .WithSummary("Search the audit log (newest first)");
        return api;
    }

    /// <summary>Filters of the audit log.</summary>
    public sealed class AuditQuery
    {
        public string? Actor { get; set; }
        public string? EntityType { get; set; }
        public string? EntityId { get; set; }
        public string? Action { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        public int? Page { get; set; }

        public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q)
        {
            if (!string.IsNullOrWhiteSpace(Actor)) q = q.Where(a => a.Actor == Actor.Trim());
            if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(a => a.EntityType == EntityType.Trim());
            if (!string.IsNullOrWhiteSpace(EntityId)) q = q.Where(a => a.EntityId == EntityId.Trim());
            if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(a => a.Action == Action.Trim());
            if (From is { } f) q = q.Where(a => a.At >= f.ToUniversalTime());
            if (To is { } t) q = q.Where(a => a.At <= t.ToUniversalTime());
            return q;
        }
    }

    private static async Task<Ok<List<AuditEntry>>> Audit([AsParameters] AuditQuery query, LvyueDbContext db, CancellationToken ct)
    {
        var p = Math.Max(1, query.Page ?? 1);
        return TypedResults.Ok(await query.Apply(db.AuditEntries.AsNoTracking()).OrderByDescending(a => a.Id)
            .Skip((p - 1) * 100).Take(100).ToListAsync(ct));
    }

    private static TokenDto Dto(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.Scopes, t.RegionId, t.BudgetUnitId, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
