using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Disclosure;

/// <summary>The suppliers' public star ratings (no login): name, USCC and stars per category; searchable by name or USCC.</summary>
[AllowAnonymous]
public sealed class RatingsModel(LvyueDbContext db, PublicRatings ratings, Lvyue.Credit.Kpi.NightlyRecompute nightly) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNo { get; set; } = 1;

    public PublicRatingPage Result { get; private set; } = new([], 0, 1, PublicRatings.PageSize);
    public Lvyue.Credit.Kpi.RecomputeRun? LastRun { get; private set; }

    public async Task OnGetAsync()
    {
        Result = await ratings.SearchAsync(Q, PageNo, HttpContext.RequestAborted);
        LastRun = await nightly.LastAsync(HttpContext.RequestAborted);
    }
}
