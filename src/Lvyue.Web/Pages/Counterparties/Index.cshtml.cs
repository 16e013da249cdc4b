using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Risk;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Counterparties;

/// <summary>相对方核查: search a supplier by name or USCC before choosing it; a full USCC opens its check.</summary>
public sealed class IndexModel(LvyueDbContext db, CounterpartyCheck check) : LvyuePage(db)
{
    /// <summary>A name or (part of a) USCC.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<CounterpartyMatch>? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Q)) return Page();
        try
        {
            var code = Lvyue.Organizations.Uscc.Normalize(Q);
            if (Lvyue.Organizations.Uscc.IsValid(code) && (await check.SearchAsync(code, HttpContext.RequestAborted)).Any(m => m.Uscc == code))
                return Redirect("/Counterparties/Check/" + Uri.EscapeDataString(code));
            Matches = await check.SearchAsync(Q, HttpContext.RequestAborted);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            AddErrors(e);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }
        return Page();
    }
}
