using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Notifications;
using Lvyue.Performance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Notifications;

/// <summary>
/// Reminder offsets of the supervisor's region (for every milestone kind, and per kind) and the region's webhook
/// endpoints; for the system administrator, the endpoints that receive every region's events. A new endpoint's
/// signing secret is shown once.
/// </summary>
[Authorize(Roles = $"{Roles.Supervisor},{Roles.SystemAdmin}")]
public sealed class SettingsModel(LvyueDbContext db, NotificationAdmin admin) : LvyuePage(db)
{
    public List<ReminderSetting> Settings { get; private set; } = [];
    public List<WebhookEndpoint> Endpoints { get; private set; } = [];
    /// <summary>The supervisor's region; null for the system administrator (endpoints for every region).</summary>
    public long? RegionId => Scope.RegionId;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? OffsetDays { get; set; }
    [BindProperty] public string? EndpointName { get; set; }
    [BindProperty] public string? EndpointUrl { get; set; }
    /// <summary>The secret of the endpoint just added (shown once).</summary>
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOffsetsAsync(CancellationToken ct)
    {
        MilestoneKind? kind = Enum.TryParse<MilestoneKind>(Kind, out var k) ? k : null;
        if (RegionId is not { } region) return Forbid();
        try
        {
            await admin.SetOffsetsAsync(region, kind, OffsetDays, ct);
            Flash = Localization.Tr.T("提醒设置已保存", "Reminder settings saved");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            AddErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostEndpointAsync(CancellationToken ct)
    {
        try
        {
            var e = await admin.AddEndpointAsync(RegionId, EndpointName ?? "", EndpointUrl ?? "", ct);
            NewSecret = e.Secret;
        }
        catch (DomainException e) { AddErrors(e, "Endpoint"); }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, bool active, CancellationToken ct)
    {
        try { await admin.SetEndpointActiveAsync(id, active, ct); }
        catch (DomainException e) { ShowRefusal(e); await LoadAsync(ct); return Page(); }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await Db.ReminderSettings.AsNoTracking().Where(s => s.RegionId == RegionId).ToListAsync(ct);
        Endpoints = await Db.WebhookEndpoints.AsNoTracking().Where(e => e.RegionId == RegionId).OrderBy(e => e.Id).ToListAsync(ct);
    }
}
