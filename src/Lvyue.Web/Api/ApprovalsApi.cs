using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Api;

/// <summary>/api/v1/approvals: the approval queue of unit leaders and the supervising authority.</summary>
public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/approvals").WithTags("Approvals").RequireAuthorization(Policies.Approvers);
        g.MapGet("/", Queue).WithSummary("Pending approvals this user may decide (state=all for history)");
        g.MapPost("/{id:long}/approve", async (long id, Decision d, FilingService f, CancellationToken ct) =>
        {
            var c = await f.ApproveAsync(id, d.Note, ct);
            return TypedResults.Ok(new { c.Id, c.Status });
        });
        g.MapPost("/{id:long}/return", async (long id, Decision d, FilingService f, CancellationToken ct) =>
        {
            var c = await f.ReturnAsync(id, d.Note, ct);
            return TypedResults.Ok(new { c.Id, c.Status });
        }).WithSummary("Return to the clerk with a reason (required)");
        return g;
    }

    /// <summary>The queue for the current user: leaders see their unit's leader-level tasks, supervisors the authority level.</summary>
    public static IQueryable<ApprovalTask> ForCurrentUser(LvyueDbContext db, HttpContext http)
    {
        var q = db.ApprovalTasks.AsNoTracking();
        var leader = http.User.IsInRole(Accounts.Roles.UnitLeader);
        var supervisor = http.User.IsInRole(Accounts.Roles.Supervisor);
        return q.Where(t => (leader && t.Level == ApprovalLevel.UnitLeader) || (supervisor && t.Level == ApprovalLevel.Authority));
    }

    private static async Task<Ok<List<ApprovalDto>>> Queue(string? state, LvyueDbContext db, HttpContext http, CancellationToken ct)
    {
        var q = ForCurrentUser(db, http);
        if (state != "all") q = q.Where(t => t.State == ApprovalState.Pending);
        var rows = await q.OrderByDescending(t => t.CreatedAt).Take(500)
            .Select(t => new ApprovalDto(t.Id, t.ContractId, t.Contract!.Number, t.Contract.Title, t.Contract.Amount, t.Level, t.State, t.CreatedAt, t.DecidedAt, t.DecidedBy, t.Reason))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
