using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>Editing a draft (including one returned by the approver).</summary>
[Authorize(Policy = Policies.ContractWriters)]
public sealed class EditModel(LvyueDbContext db, FilingService filing) : LvyuePage(db)
{
    [BindProperty] public ContractForm Form { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public FormOptions Options { get; private set; } = null!;
    public long Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var c = await Db.Contracts.AsNoTracking().Include(x => x.Suppliers).FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return NotFound();
        if (c.Status != ContractStatus.Draft) return Redirect($"/Contracts/{id}");
        Id = id;
        Form = ContractForm.From(c);
        Version = c.Version;
        Options = await FormOptions.LoadAsync(Db, c.BudgetUnitId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var unit = await Db.Contracts.Where(x => x.Id == id).Select(x => (long?)x.BudgetUnitId).FirstOrDefaultAsync();
        if (unit is null) return NotFound();
        Id = id;
        ModelState.Clear();
        try
        {
            var c = await filing.UpdateDraftAsync(id, Form.ToInput(unit.Value), Version, HttpContext.RequestAborted);
            Flash = T("草稿已保存", "Draft saved");
            return Redirect($"/Contracts/{c.Id}");
        }
        catch (DomainException e)
        {
            AddErrors(e, "Form.");
        }
        Options = await FormOptions.LoadAsync(Db, unit.Value, HttpContext.RequestAborted);
        return Page();
    }
}
