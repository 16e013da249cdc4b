using Lvyue.Performance;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lvyue.Web.Api;

/// <summary>
/// /api/v1 performance tracking: a contract's milestones and their proposals, status changes with evidence,
/// what falls due, the overdue register (逾期执行库) and its supervision, the termination register (终止库)
/// and the working-day calendar.
/// </summary>
public static class PerformanceApi
{
    public static RouteGroupBuilder MapPerformanceApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts/{id:long}").WithTags("Performance");
        contracts.MapGet("/milestones", Schedule).RequireAuthorization(Policies.ContractReaders).WithSummary("A contract's schedule of milestones");
        contracts.MapPost("/milestones", Add).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Add a milestone: a due date or a due rule; with a recurrence, its occurrences up to the contract's end");
        contracts.MapGet("/milestone-proposals", Proposals).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Milestones proposed from the ledger extraction of the contract's document");
        contracts.MapPost("/milestone-proposals/accept", Accept).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Add the chosen proposals (and the milestones they count from)");

        var milestones = api.MapGroup("/milestones").WithTags("Performance");
        milestones.MapPatch("/{id:long}/status", SetStatus).RequireAuthorization(Policies.ContractWriters)
            .WithSummary("Met, partially met, missed or waived, with evidence (a document of the contract and/or a note)");
        milestones.MapGet("/due", Due).RequireAuthorization(Policies.ContractReaders)
            .WithSummary("What falls due in a period (and what is still open from before); a supplier sees its own obligations");

        var overdue = api.MapGroup("/overdue").WithTags("Performance").RequireAuthorization(Policies.ContractReaders);
        overdue.MapGet("/", Overdue).WithSummary("The overdue register: past due plus the region's grace, by risk (days × amount)");
        overdue.MapGet("/{milestoneId:long}/actions", async (long milestoneId, OverdueRegister r, CancellationToken ct) => TypedResults.Ok(await r.ActionsAsync(milestoneId, ct)));
        overdue.MapPut("/{milestoneId:long}/close-watch", async (long milestoneId, CloseWatchDto body, OverdueRegister r, CancellationToken ct) =>
        {
            var e = await r.SetCloseWatchAsync(milestoneId, body.CloseWatch, ct);
            return TypedResults.Ok(new { e.Id, e.MilestoneId, e.CloseWatch });
        }).WithSummary("Mark for close watch (supervisors)");
        overdue.MapPost("/{milestoneId:long}/actions", async (long milestoneId, SupervisionActionDto body, OverdueRegister r, CancellationToken ct) =>
        {
            var a = await r.RecordActionAsync(milestoneId, body.Kind, body.Date, body.Note, body.DocumentId, ct);
            return TypedResults.Created($"/api/v1/overdue/{milestoneId}/actions", new { a.Id, a.Kind, a.Date, a.Actor, a.Note, a.DocumentId });
        }).WithSummary("Record an interview (约谈) or another supervision action (supervisors)");
        overdue.MapPut("/grace/{regionId:long}", async (long regionId, GraceDto body, OverdueRegister r, CancellationToken ct) =>
        {
            await r.SetGraceAsync(regionId, body.GraceWorkingDays, ct);
            return TypedResults.Ok(new { regionId, body.GraceWorkingDays });
        }).WithSummary("The region's grace (容错) in working days");

        var terminations = api.MapGroup("/terminations").WithTags("Performance").RequireAuthorization(Policies.ContractReaders);
        terminations.MapGet("/", async (bool? resolved, TerminationRegister r, CancellationToken ct) =>
            TypedResults.Ok((await r.ListAsync(null, resolved, ct)).Select(TerminationDto.From))).WithSummary("The termination register");
        terminations.MapPost("/", async (TerminationInputDto body, TerminationRegister r, CancellationToken ct) =>
        {
            var e = await r.MoveAsync(body.ContractId, body.Reason, body.DocumentIds, ct);
            return TypedResults.Created($"/api/v1/terminations/{e.Id}", new { e.Id, e.ContractId, e.EnteredOn, e.Reason });
        }).WithSummary("Move a contract that cannot be completed to the termination register (supervisors)");
        terminations.MapPost("/{id:long}/outcome", async (long id, OutcomeDto body, TerminationRegister r, CancellationToken ct) =>
        {
            var e = await r.RecordOutcomeAsync(id, body.Outcome, body.On, body.Note, ct);
            return TypedResults.Ok(new { e.Id, e.ContractId, e.Outcome, e.OutcomeOn, e.OutcomeNote });
        }).WithSummary("Record which party the dispute found in breach; handed to credit");

        var calendar = api.MapGroup("/calendar").WithTags("Performance").RequireAuthorization();
        calendar.MapGet("/", async (CalendarService c, CancellationToken ct) => TypedResults.Ok(await c.YearsAsync(ct))).WithSummary("The years the working-day calendar knows");
        calendar.MapGet("/{year:int}", CalendarYear).WithSummary("A year's holidays and adjusted working days (调休)");
        calendar.MapPut("/{year:int}", async (int year, CalendarYearInput body, CalendarService c, CancellationToken ct) =>
            TypedResults.Ok(await c.SaveAsync(year, body, ct))).RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Replace a year's days (system administrators)");
        return api;
    }

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> Schedule(long id, ScheduleQuery q, CancellationToken ct) =>
        await q.ForContractAsync(id, ct) is { } s ? TypedResults.Ok(ScheduleDto.From(s)) : TypedResults.NotFound();

    private static async Task<Created<ScheduleDto>> Add(long id, MilestoneInput input, MilestoneService svc, ScheduleQuery q, CancellationToken ct)
    {
        await svc.AddAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/contracts/{id}/milestones", ScheduleDto.From((await q.ForContractAsync(id, ct))!));
    }

    private static async Task<Ok<ProposalsDto>> Proposals(long id, long? documentId, MilestoneProposals p, CancellationToken ct)
    {
        var (doc, list) = await p.ForContractAsync(id, documentId, ct);
        return TypedResults.Ok(new ProposalsDto(doc.Id, doc.FileName, list));
    }

    private static async Task<Created<ScheduleDto>> Accept(long id, AcceptDto body, MilestoneProposals p, ScheduleQuery q, CancellationToken ct)
    {
        await p.AcceptAsync(id, body.Indexes ?? [], body.DocumentId, ct);
        return TypedResults.Created($"/api/v1/contracts/{id}/milestones", ScheduleDto.From((await q.ForContractAsync(id, ct))!));
    }

    private static async Task<Ok<MilestoneRow>> SetStatus(long id, MilestoneStatusChange change, MilestoneService svc, ScheduleQuery q, CancellationToken ct)
    {
        var m = await svc.SetStatusAsync(id, change, ct);
        var schedule = (await q.ForContractAsync(m.ContractId, ct))!;
        return TypedResults.Ok(schedule.Milestones.Single(r => r.Id == id));
    }

    private static async Task<Ok<IReadOnlyList<MilestoneRow>>> Due(DateOnly? from, DateOnly? to, long? unitId, ScheduleQuery q, TimeProvider clock, CancellationToken ct)
    {
        var today = Lvyue.Common.ChinaTime.Today(clock);
        return TypedResults.Ok(await q.DueAsync(from ?? today, to ?? (from ?? today).AddDays(30), unitId, ct));
    }

    private static async Task<Ok<OverduePage>> Overdue([AsParameters] OverdueQuery f, OverdueRegister r, CancellationToken ct) =>
        TypedResults.Ok(await r.PageAsync(f.ToFilter(), ct));

    private static async Task<Results<Ok<CalendarYearView>, NotFound>> CalendarYear(int year, CalendarService c, CancellationToken ct) =>
        await c.GetAsync(year, ct) is { } y ? TypedResults.Ok(y) : TypedResults.NotFound();
}

/// <summary>The overdue register's filter as query-string parameters.</summary>
public sealed class OverdueQuery
{
    public long? UnitId { get; set; }
    public long? SupplierId { get; set; }
    public ResponsibleParty? Responsible { get; set; }
    public bool? CloseWatch { get; set; }
    public int? MinDays { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public OverdueFilter ToFilter() => new()
    {
        BudgetUnitId = UnitId, SupplierId = SupplierId, Responsible = Responsible, CloseWatchOnly = CloseWatch ?? false,
        MinDays = MinDays, Q = Q, Sort = Sort, Desc = Desc ?? true, Page = Page ?? 1, PageSize = PageSize ?? 50,
    };
}

/// <summary>A document reference.</summary>
public sealed record DocumentRefDto(long Id, string FileName, int Version);

/// <summary>A contract's schedule over the API.</summary>
public sealed record ScheduleDto(long ContractId, string Number, string Title, decimal Amount, Lvyue.Contracts.ContractStatus ContractStatus,
    DateOnly? Start, DateOnly? EndDate, decimal InstallmentTotal, bool InTerminationRegister, IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<DocumentRefDto> Documents)
{
    public static ScheduleDto From(ContractSchedule s) => new(s.ContractId, s.Number, s.Title, s.Amount, s.ContractStatus, s.Start, s.EndDate,
        s.InstallmentTotal, s.Termination is not null, s.Milestones, s.Documents.Select(d => new DocumentRefDto(d.Id, d.Name, d.Version)).ToList());
}

/// <summary>The proposals from one document.</summary>
public sealed record ProposalsDto(long DocumentId, string FileName, IReadOnlyList<MilestoneProposal> Proposals);

/// <summary>Which proposals to accept.</summary>
public sealed record AcceptDto(IReadOnlyList<int>? Indexes, long? DocumentId);

/// <summary>Close watch on or off.</summary>
public sealed record CloseWatchDto(bool CloseWatch);

/// <summary>An interview or supervision action to record.</summary>
public sealed record SupervisionActionDto(SupervisionActionKind Kind, DateOnly? Date, string? Note, long? DocumentId);

/// <summary>A region's grace.</summary>
public sealed record GraceDto(int GraceWorkingDays);

/// <summary>A contract to move to the termination register.</summary>
public sealed record TerminationInputDto(long ContractId, string? Reason, IReadOnlyList<long>? DocumentIds);

/// <summary>The outcome of a termination dispute.</summary>
public sealed record OutcomeDto(BreachingParty Outcome, DateOnly? On, string? Note);

/// <summary>A termination register row over the API.</summary>
public sealed record TerminationDto(long Id, long ContractId, string ContractNumber, string ContractTitle, decimal Amount, string UnitName,
    string? SupplierName, DateOnly EnteredOn, string Reason, IReadOnlyList<DocumentRefDto> Documents, string? EnteredBy,
    BreachingParty? Outcome, DateOnly? OutcomeOn, string? OutcomeNote)
{
    public static TerminationDto From(TerminationRow r) => new(r.Id, r.ContractId, r.ContractNumber, r.ContractTitle, r.Amount, r.UnitName,
        r.SupplierName, r.EnteredOn, r.Reason, r.Documents.Select(d => new DocumentRefDto(d.Id, d.Name, 0)).ToList(), r.EnteredBy,
        r.Outcome, r.OutcomeOn, r.OutcomeNote);
}
