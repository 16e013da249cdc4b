using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Organizations;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Suppliers;

/// <summary>Suppliers: search by name or USCC, register a new one (the USCC check character is verified).</summary>
public sealed class IndexModel(LvyueDbContext db, OrganizationService orgs, IAuthorizationService authz, Lvyue.Evaluation.StarRatingService ratings) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;
    [BindProperty] public SupplierForm Form { get; set; } = new();
    public List<Supplier> Rows { get; private set; } = [];
    /// <summary>The star ratings of the listed suppliers by category (see Evaluation/Rating).</summary>
    public Dictionary<long, List<Lvyue.Evaluation.StarRating>> Ratings { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanWrite { get; private set; }
    public const int Size = 50;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!(await authz.AuthorizeAsync(User, Policies.OrganizationWriters)).Succeeded) return Forbid();
        ModelState.Clear();
        try
        {
            var s = await orgs.CreateSupplierAsync(Form.ToInput(), HttpContext.RequestAborted);
            Flash = T($"供应商“{s.Name}”已登记", $"Supplier '{s.Name}' registered");
            return RedirectToPage(new { Q = s.Uscc });
        }
        catch (DomainException e)
        {
            AddErrors(e, "Form.");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        CanWrite = (await authz.AuthorizeAsync(User, Policies.OrganizationWriters)).Succeeded;
        var q = Db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            q = q.Where(s => s.Name.Contains(text) || s.Uscc == text.ToUpperInvariant());
        }
        Total = await q.CountAsync();
        PageNo = Math.Max(1, PageNo);
        Rows = await q.OrderBy(s => s.Name).Skip((PageNo - 1) * Size).Take(Size).ToListAsync();
        Ratings = await ratings.ForSuppliersAsync(Rows.Select(r => r.Id).ToList());
    }
}

/// <summary>The supplier registration form.</summary>
public sealed class SupplierForm
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public bool IsSme { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }

    public SupplierInput ToInput() => new(Name, Uscc, LegalRepresentative, Address, ContactName, ContactPhone, ContactEmail, IsSme, BankName, BankAccount);
}
