using Lvyue.Accounts;
using Lvyue.Integration;
using Lvyue.Performance.Acceptance;
using Lvyue.Performance.Changes;
using Lvyue.Performance.Payments;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Lvyue.Web.Api;

/// <summary>
/// Changes (变更), acceptance (验收), payments (支付) and compliance alerts: /api/v1/payments for the
/// treasury system (bearer tokens with <c>payments:import</c>) and for people, and the per-contract
/// lists and actions under /api/v1/contracts/{id}. Refusals are RFC 9457 problems; an import with any
/// bad row writes nothing and answers 422 with the problems by row and column.
/// </summary>
public static class PaymentsApi
{
    /// <summary>Who may import and match payments: finance supervisors, unit clerks and systems with the payments:import scope.</summary>
    public const string PaymentImporters = "PaymentImporters";

    private static void Importers(AuthorizationPolicyBuilder p) => p.RequireAssertion(c =>
        c.User.IsInRole(Roles.Supervisor) || c.User.IsInRole(Roles.UnitClerk) || c.User.HasClaim(Policies.ScopeClaim, ApiScopes.ImportPayments));

    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        var p = api.MapGroup("/payments").WithTags("Payments").RequireAuthorization(Importers);
        p.MapPost("/", async (List<PaymentInput> items, PaymentImport import, CancellationToken ct) => Result(await import.ImportAsync(items, ct)))
            .WithSummary("Import payments from the treasury system as a JSON list, all or nothing (422 with the problems by item and field)");
        p.MapPost("/import", async (IFormFile file, PaymentImport import, CancellationToken ct) =>
            {
                await using var s = file.OpenReadStream();
                return Result(await import.ImportAsync(s, file.FileName, ct));
            }).DisableAntiforgery().AddEndpointFilter<CookieCsrfFilter>()
            .WithSummary("Import a .xlsx or .csv payment file of the template, all or nothing");
        p.MapGet("/template", () =>
        {
            var ms = new MemoryStream();
            PaymentImport.WriteTemplate(ms);
            ms.Position = 0;
            return TypedResults.File(ms, ImportsApi.XlsxType, "支付导入模板.xlsx");
        }).WithSummary("The .xlsx payment template");
        p.MapGet("/unmatched", async (PaymentService s, CancellationToken ct) => TypedResults.Ok(await s.UnmatchedAsync(500, ct)))
            .WithSummary("Payments without a contract, or without a milestone, for a person to match");
        p.MapPost("/{id:long}/match", async (long id, MatchRequest r, PaymentService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MatchAsync(id, r.ContractId, r.MilestoneId, ct)))
            .WithSummary("Match a payment by hand to a contract (and one of its open payment milestones)");

        var c = api.MapGroup("/contracts/{id:long}").WithTags("Performance").RequireAuthorization(Policies.ContractReaders);
        c.MapGet("/changes", async (long id, ChangeService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        c.MapPost("/changes", async (long id, ChangeInput input, ChangeService s, CancellationToken ct) =>
        {
            var change = await s.RequestAsync(id, input, null, ct);
            return TypedResults.Created($"/api/v1/changes/{change.Id}", change);
        }).RequireAuthorization(Policies.ContractWriters).WithSummary("Request a change of amount, term, scope or parties (decided by the unit's leader)");
        c.MapGet("/acceptances", async (long id, AcceptanceService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, ct)));
        c.MapPost("/acceptances", async (long id, AcceptanceInput input, AcceptanceService s, CancellationToken ct) =>
        {
            var record = await s.RecordAsync(id, input, null, ct);
            return TypedResults.Created($"/api/v1/contracts/{id}/acceptances", record);
        }).RequireAuthorization(Policies.ContractWriters).WithSummary("Record an acceptance with its findings");
        c.MapGet("/payments", async (long id, PaymentService s, CancellationToken ct) => TypedResults.Ok(await s.ForContractAsync(id, ct)));
        c.MapGet("/alerts", async (long id, PaymentService s, CancellationToken ct) => TypedResults.Ok(await s.AlertsAsync(id, false, 500, ct)));

        var ch = api.MapGroup("/changes").WithTags("Performance").RequireAuthorization(Policies.Approvers);
        ch.MapPost("/{id:long}/approve", async (long id, DecisionRequest d, ChangeService s, CancellationToken ct) => TypedResults.Ok(await s.ApproveAsync(id, d.Note, ct)))
            .WithSummary("Approve a change: it is applied to the ledger");
        ch.MapPost("/{id:long}/reject", async (long id, DecisionRequest d, ChangeService s, CancellationToken ct) => TypedResults.Ok(await s.RejectAsync(id, d.Note, ct)))
            .WithSummary("Reject a change with a reason (required)");

        var a = api.MapGroup("/alerts").WithTags("Performance").RequireAuthorization(Policies.ContractReaders);
        a.MapGet("/", async (bool? open, PaymentService s, CancellationToken ct) => TypedResults.Ok(await s.AlertsAsync(null, open ?? false, 500, ct)))
            .WithSummary("Compliance alerts the caller sees (open=true for unresolved only)");
        a.MapPost("/{id:long}/resolve", async (long id, DecisionRequest d, PaymentService s, CancellationToken ct) => TypedResults.Ok(await s.ResolveAlertAsync(id, d.Note, ct)))
            .RequireAuthorization(Policies.Approvers).WithSummary("Resolve an alert with a note");
        return api;
    }

    private static IResult Result(ImportResult r) =>
        r.Succeeded ? TypedResults.Ok(ImportsApi.Dto(r)) : TypedResults.UnprocessableEntity(ImportsApi.Dto(r));

    /// <summary>The contract (and milestone) to match a payment to.</summary>
    public sealed record MatchRequest(long ContractId, long? MilestoneId);

    /// <summary>A decision's note or reason.</summary>
    public sealed record DecisionRequest(string? Note);
}
