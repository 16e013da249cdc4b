using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Credit;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Credit;

/// <summary>Credit: the grades of suppliers and budget units this year, the rules, and recording the performance events.</summary>
public sealed class IndexModel(LvyueDbContext db, PerformanceCreditSync sync) : LvyuePage(db)
{
    /// <summary>A graded subject.</summary>
    public sealed record Row(CreditSubject Subject, long Id, string Name, CreditGrade Grade);

    public List<Row> Rows { get; private set; } = [];
    public bool CanSync => User.IsInRole(Roles.CreditOffice) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.SystemAdmin);

    public async Task OnGetAsync()
    {
        var grades = await Db.CreditGrades.AsNoTracking().OrderByDescending(g => g.Year).ThenBy(g => g.Score).Take(500).ToListAsync();
        var latest = grades.GroupBy(g => (g.Subject, g.SubjectId)).Select(g => g.First()).ToList();
        var supplierIds = latest.Where(g => g.Subject == CreditSubject.Supplier).Select(g => g.SubjectId).ToList();
        var unitIds = latest.Where(g => g.Subject == CreditSubject.BudgetUnit).Select(g => g.SubjectId).ToList();
        var suppliers = await Db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var units = await Db.BudgetUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        Rows = latest.Select(g => new Row(g.Subject, g.SubjectId,
            (g.Subject == CreditSubject.Supplier ? suppliers.GetValueOrDefault(g.SubjectId) : units.GetValueOrDefault(g.SubjectId)) ?? $"#{g.SubjectId}", g)).ToList();
    }

    public async Task<IActionResult> OnPostSyncAsync()
    {
        if (!CanSync) return Forbid();
        var n = await sync.SyncAsync(HttpContext.RequestAborted);
        Flash = T($"已记录{n}条履约信用事件", $"{n} performance credit event(s) recorded");
        return RedirectToPage();
    }
}
