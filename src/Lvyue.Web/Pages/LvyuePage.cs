using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lvyue.Web.Pages;

/// <summary>Base of the application's pages: the database, the tenancy scope and the mapping of refusals to form errors.</summary>
public abstract class LvyuePage(LvyueDbContext db) : PageModel
{
    protected LvyueDbContext Db { get; } = db;
    public TenantScope Scope => Db.Scope;

    /// <summary>A flash message shown once after a redirect.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    /// <summary>Shows a refusal above the page's forms: its title, then each distinct message.</summary>
    protected void ShowRefusal(DomainException e)
    {
        ModelState.AddModelError(string.Empty, e.Title.Text);
        foreach (var text in e.Errors.Values.SelectMany(v => v).Select(m => m.Text).Distinct().Where(t => t != e.Title.Text))
            ModelState.AddModelError(string.Empty, text);
    }

    /// <summary>
    /// The answer to a refused action on a page about one record: 404 when the record is not visible, 403 when the user
    /// may not act, otherwise the refusal shown above the page reloaded by <paramref name="reload"/> (false: gone, 404).
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(DomainException e, Func<Task<bool>> reload)
    {
        if (e.Kind == ErrorKind.NotFound) return NotFound();
        if (e.Kind == ErrorKind.Forbidden) return Forbid();
        ShowRefusal(e);
        return await reload() ? Page() : NotFound();
    }

    /// <summary>Shows a refusal on the form: field errors beside their fields, the title above the form.</summary>
    protected void AddErrors(DomainException e, string prefix = "")
    {
        ModelState.AddModelError(string.Empty, e.Title.Text);
        foreach (var (field, msgs) in e.Errors)
        {
            foreach (var m in msgs)
                ModelState.AddModelError(prefix + char.ToUpperInvariant(field[0]) + field[1..], m.Text);
        }
    }
}
