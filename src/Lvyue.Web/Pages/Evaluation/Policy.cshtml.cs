using Lvyue.Data;
using Lvyue.Evaluation;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>The region's evaluation policy: every version, the current one first (revisions through the API).</summary>
public sealed class PolicyModel(LvyueDbContext db, EvaluationPolicyService policies) : LvyuePage(db)
{
    public List<EvaluationPolicy> Versions { get; private set; } = [];
    public EvaluationPolicy Shown { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var region = Scope.RegionId ?? Scope.UnitRegionId;
        if (region is { } r) Versions = await policies.HistoryAsync(r, HttpContext.RequestAborted);
        Shown = Versions.FirstOrDefault() ?? EvaluationPolicy.KunshanDefaults(region ?? 0);
    }
}
