using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>The region's evaluation policy: the current version and its history; supervisors add a version.</summary>
public sealed class PolicyModel(LvyueDbContext db, EvaluationPolicyService policies) : LvyuePage(db)
{
    public List<EvaluationPolicy> Versions { get; private set; } = [];
    public EvaluationPolicy Shown { get; private set; } = null!;
    public bool CanEdit => User.IsInRole(Roles.Supervisor) && Scope.RegionId is not null;

    [BindProperty] public AssessmentLine AppliesTo { get; set; } = AssessmentLine.Daily;
    [BindProperty] public decimal TerminationThreshold { get; set; }
    [BindProperty] public int TerminationConsecutive { get; set; }
    [BindProperty] public int TerminationTimesInTerm { get; set; }
    [BindProperty] public decimal BidBanThreshold { get; set; }
    [BindProperty] public decimal DeductionCap { get; set; }
    /// <summary>Bands as "90:2%, 85:5%, 80:150000": below a score, a percent of the period fee or a fixed amount.</summary>
    [BindProperty] public string? Bands { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        (AppliesTo, TerminationThreshold, TerminationConsecutive, TerminationTimesInTerm, BidBanThreshold, DeductionCap) =
            (Shown.AppliesTo, Shown.TerminationThreshold, Shown.TerminationConsecutive, Shown.TerminationTimesInTerm, Shown.BidBanThreshold, Shown.DeductionCap);
        Bands = FormatBands(Shown.Bands());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        ModelState.Clear();
        try
        {
            var bands = ParseBands(Bands);
            var p = await policies.ReviseAsync(Scope.RegionId!.Value, new PolicyInput(AppliesTo, TerminationThreshold, TerminationConsecutive,
                TerminationTimesInTerm, BidBanThreshold, DeductionCap, bands, Note), HttpContext.RequestAborted);
            Flash = T($"已发布第{p.Version}版规则，此前的事件保留原版本", $"Version {p.Version} published; earlier events keep their versions");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            ShowRefusal(e);
        }
        await LoadAsync();
        return Page();
    }

    public static string FormatBands(IEnumerable<DeductionBand> bands) => string.Join(", ", bands.OrderByDescending(b => b.Below).Select(b =>
        $"{b.Below.ToString("0.##", CultureInfo.InvariantCulture)}:" + (b.Percent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : (b.Amount ?? 0).ToString("0.##", CultureInfo.InvariantCulture))));

    /// <summary>Parses "90:2%, 80:150000"; a malformed band is a field error.</summary>
    public static List<DeductionBand> ParseBands(string? text)
    {
        var list = new List<DeductionBand>();
        foreach (var part in (text ?? "").Split([',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
            var pct = kv.Length == 2 && kv[1].EndsWith('%');
            if (kv.Length != 2 || !decimal.TryParse(kv[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var below)
                || !decimal.TryParse(pct ? kv[1][..^1] : kv[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                throw new DomainException(ErrorKind.Invalid, new Msg($"扣款分档“{part}”格式应为“分数线:比例%”或“分数线:金额”", $"Band '{part}' should read 'score:percent%' or 'score:amount'"),
                    new Dictionary<string, Msg[]> { ["bands"] = [new Msg("分档格式有误", "Malformed band")] });
            list.Add(pct ? new DeductionBand(below, v, null) : new DeductionBand(below, null, v));
        }
        return list;
    }

    private async Task LoadAsync()
    {
        var region = Scope.RegionId ?? Scope.UnitRegionId;
        if (region is { } r) Versions = await policies.HistoryAsync(r, HttpContext.RequestAborted);
        Shown = Versions.FirstOrDefault() ?? EvaluationPolicy.KunshanDefaults(region ?? 0);
    }
}
