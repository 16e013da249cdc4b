using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Disclosure;

/// <summary>One published list (no login): its frozen rows, digest, exports and the other versions of the same list.</summary>
[AllowAnonymous]
public sealed class PublicationModel(LvyueDbContext db, PublicationService publications) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public Publication Item { get; private set; } = null!;
    public IReadOnlyList<PublicationRow> Rows { get; private set; } = [];
    public string RegionName { get; private set; } = "";
    public List<Publication> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        try { Item = await publications.GetAsync(Id, ct); }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound) { return NotFound(); }
        Rows = Item.Rows();
        RegionName = await Db.Regions.AsNoTracking().Where(r => r.Id == Item.RegionId).Select(r => r.Name).FirstAsync(ct);
        Versions = (await publications.ListAsync(Item.RegionId, Item.Kind, latestOnly: false, ct)).Where(p => p.PeriodLabel == Item.PeriodLabel).ToList();
        return Page();
    }
}
