using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Risk;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Counterparties;

/// <summary>The counterparty check of one supplier (by USCC): findings first, then the data each comes from.</summary>
public sealed class CheckModel(LvyueDbContext db, CounterpartyCheck check) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public string Uscc { get; set; } = "";

    public CounterpartyReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Report = await check.CheckAsync(Uscc, HttpContext.RequestAborted);
            return Page();
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            return Redirect("/Counterparties?q=" + Uri.EscapeDataString(Uscc));
        }
        catch (DomainException e)
        {
            return e.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
    }
}
