using Lvyue.Risk;
using Lvyue.Web.Auth;

namespace Lvyue.Web.Api;

/// <summary>
/// /api/v1/counterparties: the counterparty check (相对方核查) a budget unit runs before choosing a supplier — the same
/// report as the 相对方核查 page. Unit staff, region roles and ledger tokens; supplier logins are refused (403).
/// </summary>
public static class CounterpartiesApi
{
    public static RouteGroupBuilder MapCounterpartiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/counterparties").WithTags("Risk").RequireAuthorization(Policies.ContractReaders);
        g.MapGet("/", async (string? q, CounterpartyCheck check, CancellationToken ct) => TypedResults.Ok(await check.SearchAsync(q, ct)))
            .WithSummary("Suppliers whose name contains q or whose USCC starts with it (at most 20), with best star rating, latest grade and whether restricted today");
        g.MapGet("/{uscc}", async (string uscc, CounterpartyCheck check, CancellationToken ct) => TypedResults.Ok(await check.CheckAsync(uscc, ct)))
            .WithSummary("The counterparty check of the supplier with this USCC: ratings, credit grade and records, restrictions in force, overdue and termination register entries, contracts with the caller's region, policy events, and the findings");
        return g;
    }
}
