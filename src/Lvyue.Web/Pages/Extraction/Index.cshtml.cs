using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Review.Corrections;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Extraction;

/// <summary>One field's measurement: how often the pre-filled value was corrected.</summary>
public sealed record FieldCorrectionRate(string Field, int Total, int Corrected, double AverageConfidence)
{
    /// <summary>Corrected / total, 0–1.</summary>
    public double Rate => Total == 0 ? 0 : (double)Corrected / Total;
}

/// <summary>
/// How extraction is measured: for each pre-filled field, how many filings accepted or corrected it (the region's
/// for its supervisor, every region's for the system administrator), and the latest corrections.
/// </summary>
[Authorize(Policy = Policies.RegionSettings)]
public sealed class IndexModel(LvyueDbContext db) : LvyuePage(db)
{
    public List<FieldCorrectionRate> Fields { get; private set; } = [];
    public List<ExtractionCorrection> Latest { get; private set; } = [];
    /// <summary>Whether the latest corrections (contract values) are shown: to the region's supervisor, not to the system administrator.</summary>
    public bool ShowsValues { get; private set; }
    public int Total => Fields.Sum(f => f.Total);
    public int Corrected => Fields.Sum(f => f.Corrected);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        // The system administrator sees no region's business data, so it gets every region's rates but not the values.
        var all = User.IsInRole(Roles.SystemAdmin) && !Scope.All && Scope.RegionId is null;
        var source = all ? Db.ExtractionCorrections.IgnoreQueryFilters() : Db.ExtractionCorrections;
        var rows = await source.AsNoTracking().GroupBy(c => c.Field)
            .Select(g => new { g.Key, Total = g.Count(), Corrected = g.Count(x => x.Corrected), Confidence = g.Average(x => x.Confidence) })
            .ToListAsync(ct);
        Fields = rows.Select(r => new FieldCorrectionRate(r.Key, r.Total, r.Corrected, r.Confidence))
            .OrderByDescending(f => f.Rate).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
        ShowsValues = !all;
        if (all) return;
        Latest = await Db.ExtractionCorrections.AsNoTracking().Where(c => c.Corrected).OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);
    }
}
