using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Settings;

/// <summary>Region settings: filing thresholds by category and procurement method, approval bands, the subcategory taxonomy.</summary>
public sealed class IndexModel(LvyueDbContext db, RegionPolicyService policies, TaxonomyService taxonomy) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long? RegionId { get; set; }
    public List<Region> Regions { get; private set; } = [];
    public List<FilingThreshold> Thresholds { get; private set; } = [];
    public List<ApprovalBand> Bands { get; private set; } = [];
    public List<Subcategory> Subcategories { get; private set; } = [];

    [BindProperty] public List<ThresholdRow> ThresholdRows { get; set; } = [];
    [BindProperty] public List<BandRow> BandRows { get; set; } = [];
    [BindProperty] public string? Profile { get; set; }

    [BindProperty] public Category NewCategory { get; set; }
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewNameEn { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSubcategoryAsync() => SaveAsync(async (_, ct) =>
    {
        var s = await taxonomy.AddAsync(NewCategory, NewCode, NewName, NewNameEn, ct);
        return T($"已新增小类“{s.Name}”", $"Subcategory '{s.NameEn}' added");
    });

    public Task<IActionResult> OnPostSubcategoryActiveAsync(long id, bool active) => SaveAsync(async (_, ct) =>
    {
        await taxonomy.SetActiveAsync(id, active, ct);
        return active ? T("小类已启用", "Subcategory restored") : T("小类已停用，不再用于新备案", "Subcategory retired from new filings");
    });

    public Task<IActionResult> OnPostThresholdsAsync() => SaveAsync(async (region, ct) =>
    {
        var rows = Profile switch
        {
            "luohu" => RegionPolicyService.LuohuProfile,
            "yulin" => RegionPolicyService.YulinProfile,
            _ => ThresholdRows.Where(r => r.MinAmount is not null && !r.Remove)
                .Select(r => new ThresholdInput(r.Category, r.Method, r.MinAmount!.Value, r.Note)).ToList(),
        };
        await policies.ReplaceThresholdsAsync(region, rows, ct);
        return T("备案标准已保存", "Filing thresholds saved");
    });

    public Task<IActionResult> OnPostBandsAsync() => SaveAsync(async (region, ct) =>
    {
        var bands = Profile == "kunshan" ? RegionPolicyService.KunshanBands
            : BandRows.Where(b => b.MinAmount is not null && !b.Remove).Select(b => new BandInput(b.MinAmount!.Value, b.Level)).ToList();
        await policies.ReplaceBandsAsync(region, bands, ct);
        return T("审批档次已保存", "Approval bands saved");
    });

    private async Task<IActionResult> SaveAsync(Func<long, CancellationToken, Task<string>> save)
    {
        var region = Scope.RegionId ?? RegionId ?? await Db.Regions.Select(r => (long?)r.Id).FirstOrDefaultAsync();
        if (region is null) return BadRequest();
        try
        {
            Flash = await save(region.Value, HttpContext.RequestAborted);
            return RedirectToPage(new { RegionId = region });
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Regions = await Db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync();
        if (Scope.RegionId is { } own) Regions = Regions.Where(r => r.Id == own).ToList();
        RegionId = Regions.FirstOrDefault(r => r.Id == RegionId)?.Id ?? Regions.FirstOrDefault()?.Id;
        Thresholds = await Db.FilingThresholds.AsNoTracking().Where(t => t.RegionId == RegionId).OrderBy(t => t.MinAmount).ToListAsync();
        Bands = await Db.ApprovalBands.AsNoTracking().Where(b => b.RegionId == RegionId).OrderBy(b => b.MinAmount).ToListAsync();
        Subcategories = await Db.Subcategories.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync();
    }
}

/// <summary>A threshold row of the settings form.</summary>
public sealed class ThresholdRow
{
    public Category? Category { get; set; }
    public ProcurementMethod? Method { get; set; }
    public decimal? MinAmount { get; set; }
    public string? Note { get; set; }
    public bool Remove { get; set; }
}

/// <summary>An approval band row of the settings form.</summary>
public sealed class BandRow
{
    public decimal? MinAmount { get; set; }
    public ApprovalLevel Level { get; set; }
    public bool Remove { get; set; }
}
