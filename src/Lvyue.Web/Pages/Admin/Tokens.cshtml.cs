using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Admin;

/// <summary>API tokens for external systems: issue with scopes (the secret is shown once), list, revoke.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class TokensModel(LvyueDbContext db, ApiTokenService tokens) : LvyuePage(db)
{
    public List<ApiToken> Rows { get; private set; } = [];
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<(long Id, string Name)> Regions { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public long? RegionId { get; set; }
    [BindProperty] public long? BudgetUnitId { get; set; }
    [BindProperty] public DateOnly? ExpiresOn { get; set; }
    [TempData] public string? NewSecret { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        try
        {
            var expires = ExpiresOn?.ToDateTime(new TimeOnly(23, 59, 59)).AddHours(-8); // end of that day in China, as UTC
            var issued = await tokens.IssueAsync(Name ?? "", Scopes, RegionId, BudgetUnitId,
                expires is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null, HttpContext.RequestAborted);
            NewSecret = issued.Secret;
            Flash = T($"令牌“{issued.Token.Name}”已签发，请立即复制，离开本页后不再显示", $"Token '{issued.Token.Name}' issued: copy it now, it will not be shown again");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            AddErrors(e);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        await tokens.RevokeAsync(id, HttpContext.RequestAborted);
        Flash = T("令牌已吊销", "Token revoked");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Rows = await Db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync();
        Units = (await Db.BudgetUnits.AsNoTracking().OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync()).Select(u => (u.Id, u.Name)).ToList();
        Regions = (await Db.Regions.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync()).Select(u => (u.Id, u.Name)).ToList();
    }

    public static string ScopeLabel(string s) => s switch
    {
        ApiScopes.ReadLedger => T("读取台账", "Read the ledger"),
        ApiScopes.FileContracts => T("报送合同", "File contracts"),
        ApiScopes.ImportPayments => T("导入支付数据", "Import payments"),
        ApiScopes.ManageOrganizations => T("维护单位、供应商与预算", "Manage units, suppliers, budgets"),
        _ => s,
    };
}
