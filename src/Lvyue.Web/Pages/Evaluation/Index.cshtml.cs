using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>履约评价: the contracts in performance with their latest assessment, and the latest policy events.</summary>
public sealed class IndexModel(LvyueDbContext db) : LvyuePage(db)
{
    /// <summary>A contract row with its assessment summary.</summary>
    public sealed record Row(long Id, string Number, string Title, string Unit, ContractStatus Status, decimal Amount, int Assessments, decimal? LastTotal, string? LastPeriod);

    public List<Row> Rows { get; private set; } = [];
    public List<PolicyEvent> Events { get; private set; } = [];
    public Dictionary<long, string> Numbers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var statuses = new[] { ContractStatus.Filed, ContractStatus.Performing, ContractStatus.Completed, ContractStatus.Terminated };
        var contracts = await Db.Contracts.AsNoTracking().Where(c => statuses.Contains(c.Status))
            .OrderByDescending(c => c.UpdatedAt).Take(100)
            .Select(c => new { c.Id, c.Number, c.Title, Unit = c.BudgetUnit!.Name, c.Status, c.Amount }).ToListAsync();
        var ids = contracts.Select(c => c.Id).ToList();
        var assessments = await Db.Assessments.AsNoTracking().Where(a => ids.Contains(a.ContractId))
            .Select(a => new { a.ContractId, a.PeriodStart, a.PeriodLabel, a.Total, a.ScoredAt }).ToListAsync();
        Rows = contracts.Select(c =>
        {
            var mine = assessments.Where(a => a.ContractId == c.Id).OrderByDescending(a => a.ScoredAt).ToList();
            return new Row(c.Id, c.Number, c.Title, c.Unit, c.Status, c.Amount, mine.Count, mine.FirstOrDefault()?.Total, mine.FirstOrDefault()?.PeriodLabel);
        }).ToList();
        var visible = Db.Contracts.Select(c => c.Id);
        Events = await Db.PolicyEvents.AsNoTracking().Where(e => visible.Contains(e.ContractId)).OrderByDescending(e => e.Id).Take(50).ToListAsync();
        var eventContracts = Events.Select(e => e.ContractId).Distinct().ToList();
        Numbers = await Db.Contracts.AsNoTracking().Where(c => eventContracts.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number);
    }
}
