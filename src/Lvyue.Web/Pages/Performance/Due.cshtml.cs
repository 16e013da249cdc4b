using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Performance;

/// <summary>
/// What falls due (到期节点日历): a unit's milestones in a period, grouped by day, with what is still open
/// from before; supervisors see their region (optionally one unit), suppliers their own obligations.
/// </summary>
[Authorize(Policy = Auth.Policies.ContractReaders)]
public sealed class DueModel(LvyueDbContext db, ScheduleQuery query) : LvyuePage(db)
{
    public IReadOnlyList<MilestoneRow> Rows { get; private set; } = [];
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public WorkingDayCalendar? Calendar { get; private set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = ChinaTime.Today(Db.Clock);
        From ??= Today;
        To ??= From.Value.AddDays(30);
        try
        {
            Rows = await query.DueAsync(From.Value, To.Value, UnitId, ct);
        }
        catch (DomainException e) { ShowRefusal(e); }
        Calendar = await WorkingDayCalendar.LoadAsync(Db, ct);
        if (Scope.RegionId is { } r)
            Units = (await Db.BudgetUnits.AsNoTracking().Where(u => u.RegionId == r).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>"working day", "holiday: 国庆节", "weekend" or nothing when the year is unknown.</summary>
    public string DayNote(DateOnly d)
    {
        if (Calendar is null || !Calendar.Knows(d.Year)) return "";
        var ex = Calendar.Exception(d);
        if (ex is not null) return ex.Kind == CalendarDayKind.Holiday ? Localization.Tr.T($"{ex.Name}假期", $"{ex.Name} holiday") : Localization.Tr.T($"{ex.Name}调休上班", $"worked ({ex.Name})");
        return Calendar.IsWorkingDay(d) ? "" : Localization.Tr.T("周末", "weekend");
    }
}
