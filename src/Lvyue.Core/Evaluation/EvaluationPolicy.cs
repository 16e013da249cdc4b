using System.Text.Json;

namespace Lvyue.Evaluation;

/// <summary>
/// One version of a region's evaluation policy (考核结果运用规则). Revising it adds the next version;
/// events keep the version that produced them, so a change never rewrites past results.
/// </summary>
public sealed class EvaluationPolicy
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public int Version { get; set; }
    /// <summary>The line whose periodic scores the rules read (Kunshan: the monthly daily line).</summary>
    public AssessmentLine AppliesTo { get; set; } = AssessmentLine.Daily;
    /// <summary>A period score below this counts as a low score (Kunshan: 80).</summary>
    public decimal TerminationThreshold { get; set; } = 80m;
    /// <summary>This many consecutive low periods give the termination right (Kunshan: 2).</summary>
    public int TerminationConsecutive { get; set; } = 2;
    /// <summary>Or this many low periods in the term (Kunshan: 3).</summary>
    public int TerminationTimesInTerm { get; set; } = 3;
    /// <summary>A yearly average below this bars the supplier from the project's next tender (Kunshan: 85).</summary>
    public decimal BidBanThreshold { get; set; } = 85m;
    /// <summary>Total deductions of one contract never exceed this (Kunshan: CNY 200,000).</summary>
    public decimal DeductionCap { get; set; } = 200_000m;
    /// <summary>The deduction bands as JSON (see <see cref="DeductionBand"/>).</summary>
    public string DeductionBandsJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string? Note { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The bands, lowest <see cref="DeductionBand.Below"/> first.</summary>
    public IReadOnlyList<DeductionBand> Bands()
    {
        var bands = JsonSerializer.Deserialize<List<DeductionBand>>(DeductionBandsJson, Json) ?? [];
        return bands.OrderBy(b => b.Below).ToList();
    }

    public void SetBands(IEnumerable<DeductionBand> bands) =>
        DeductionBandsJson = JsonSerializer.Serialize(bands.OrderByDescending(b => b.Below).ToList(), Json);

    /// <summary>The Kunshan defaults.</summary>
    public static EvaluationPolicy KunshanDefaults(long regionId)
    {
        var p = new EvaluationPolicy { RegionId = regionId, Version = 1, Note = "昆山默认规则 / Kunshan defaults", CreatedBy = "system" };
        p.SetBands(KunshanBands);
        return p;
    }

    /// <summary>Kunshan's tiered deductions as percentages of the period fee.</summary>
    public static readonly IReadOnlyList<DeductionBand> KunshanBands =
    [
        new(90m, 2m, null), new(85m, 5m, null), new(80m, 10m, null), new(70m, 20m, null),
    ];
}

/// <summary>
/// A score band: a period score below <see cref="Below"/> (and not below the next lower band) deducts
/// <see cref="Percent"/> of the period fee, or the fixed <see cref="Amount"/> in CNY.
/// </summary>
public sealed record DeductionBand(decimal Below, decimal? Percent, decimal? Amount);
