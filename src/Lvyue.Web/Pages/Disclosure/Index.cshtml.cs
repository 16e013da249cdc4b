using Lvyue.Common;
using Lvyue.Credit.Kpi;
using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Disclosure;

/// <summary>
/// The public disclosure portal (信息公开, no login): the periodic publication lists of every region (latest version of
/// each), links to the suppliers' public star ratings, and — for the credit office and supervisors — publishing a list.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(LvyueDbContext db, PublicationService publications, NightlyRecompute nightly) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long? Region { get; set; }
    [BindProperty(SupportsGet = true)] public PublicationKind? Kind { get; set; }

    [BindProperty] public PublicationKind NewKind { get; set; }
    [BindProperty] public string? NewPeriod { get; set; }

    public Dictionary<long, string> Regions { get; private set; } = [];
    public List<Publication> Items { get; private set; } = [];
    public RecomputeRun? LastRun { get; private set; }
    /// <summary>The region the signed-in user may publish for (credit office, supervisors).</summary>
    public long? PublishRegion => Scope.RegionId is { } r && (User.IsInRole(Accounts.Roles.CreditOffice) || User.IsInRole(Accounts.Roles.Supervisor)) ? r : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (PublishRegion is not { } region) return Forbid();
        try
        {
            var p = await publications.GenerateAsync(region, NewKind, NewPeriod, HttpContext.RequestAborted);
            Flash = T($"已公布{PublicationService.Label(p.Kind).Zh}（{p.PeriodLabel}，第{p.Version}版，{p.RowCount}条）",
                $"Published {PublicationService.Label(p.Kind).En} ({p.PeriodLabel}, version {p.Version}, {p.RowCount} rows)");
            return Redirect($"/Disclosure/Publication?id={p.Id}");
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            AddErrors(e, "New");
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Regions = await Db.Regions.AsNoTracking().OrderBy(r => r.Code).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        Items = await publications.ListAsync(Region, Kind, latestOnly: true, ct);
        LastRun = await nightly.LastAsync(ct);
        NewPeriod ??= PublicationService.PreviousLabel(ChinaTime.Today(Db.Clock), PublicationPeriod.Monthly);
    }
}
