using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Imports;

/// <summary>Bulk import of contracts, suppliers, budget units or budget lines: template, upload, and the report of every bad row.</summary>
public sealed class IndexModel(LvyueDbContext db, IAuthorizationService authz) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "contracts";
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportsApi.ImportKind? Current { get; private set; }
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await AllowedAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await AllowedAsync()) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            Error = T("请选择 .xlsx 或 .csv 文件", "Choose an .xlsx or .csv file");
            return Page();
        }
        try
        {
            await using var s = Upload.OpenReadStream();
            Result = await Current!.Import(HttpContext.RequestServices, s, Upload.FileName, HttpContext.RequestAborted);
        }
        catch (DomainException e)
        {
            Error = e.Title.Text + " " + string.Join(" ", e.Errors.Values.SelectMany(v => v).Select(m => m.Text));
        }
        return Page();
    }

    private async Task<bool> AllowedAsync()
    {
        if (!ImportsApi.Kinds.TryGetValue(Kind, out var k)) return false;
        Current = k;
        return (await authz.AuthorizeAsync(User, k.Policy)).Succeeded;
    }
}
