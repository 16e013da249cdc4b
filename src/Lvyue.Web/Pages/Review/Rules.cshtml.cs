using Lvyue.Accounts;
using Lvyue.Data;
using Lvyue.Review.Profiles;
using Lvyue.Review.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lvyue.Web.Pages.Review;

/// <summary>
/// 审查规则: per rule, hits, accepted, dismissed and the dismissal rate over the region's reviews, sortable and
/// filterable, each row linking to the rule's detail where it is disabled or tuned. How a noisy rule is found.
/// </summary>
[Authorize(Roles = Roles.Supervisor)]
public sealed class RulesModel(LvyueDbContext db, RuleProfileService profiles) : LvyuePage(db)
{
    /// <summary>One row: the rule as the region has it and its numbers.</summary>
    public sealed record Row(string Id, string? Group, string? Severity, string? Message, bool Disabled, bool RegionRule, RuleHitStats Stats);

    public static readonly string[] Sorts = ["rate", "hits", "accepted", "dismissed", "answered", "rule"];

    [FromQuery] public string Sort { get; set; } = "rate";
    [FromQuery] public bool Asc { get; set; }
    [FromQuery] public string? Group { get; set; }
    [FromQuery] public string? Q { get; set; }
    /// <summary>Only rules with at least this many answered findings.</summary>
    [FromQuery] public int MinAnswered { get; set; }
    /// <summary>Only reviews on or after this day (Asia/Shanghai).</summary>
    [FromQuery] public DateOnly? Since { get; set; }
    /// <summary>Also list the rules in force that never hit.</summary>
    [FromQuery] public bool All { get; set; }

    public RuleProfileState State { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public int RuleCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Scope.RegionId is not { } region) return Forbid();
        await LoadAsync(region);
        return Page();
    }

    /// <summary>The table as filtered and sorted, as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Scope.RegionId is not { } region) return Forbid();
        await LoadAsync(region);
        using var ms = new MemoryStream();
        using (var x = new Lvyue.Integration.XlsxStreamWriter(ms))
        {
            x.StartSheet("驳回率", [18, 60, 10, 8, 8, 8, 8, 8, 10, 10]);
            x.StartRow();
            foreach (var h in new[] { "规则", "提示", "分组", "严重程度", "命中", "采纳", "驳回", "已处理", "驳回率(%)", "状态" }) x.Text(h, Lvyue.Integration.XlsxStyle.Header);
            foreach (var r in Rows)
            {
                x.StartRow();
                x.Text(r.Id);
                x.Text(r.Message);
                x.Text(ReviewLabels.Group(r.Group).Zh);
                x.Text(ReviewLabels.Severity(r.Severity).Zh);
                x.Number(r.Stats.Hits);
                x.Number(r.Stats.Accepted);
                x.Number(r.Stats.Dismissed);
                x.Number(r.Stats.Decided);
                if (r.Stats.DismissalRate is { } rate) x.Number(Math.Round(rate * 100, 1)); else x.Text("");
                x.Text(r.Disabled ? "已停用" : r.RegionRule ? "本区规则" : "生效");
            }
            x.Finish();
        }
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"审查规则驳回率-{State.RegionCode}-v{State.Version}.xlsx");
    }

    private async Task LoadAsync(long region)
    {
        var ct = HttpContext.RequestAborted;
        State = await profiles.CurrentAsync(region, ct);
        var set = await profiles.EffectiveAsync(State);
        RuleCount = set.Rules.Count;
        var inForce = set.Rules.ToDictionary(r => r.Id);
        var library = profiles.Cache.Base.Rules.ToDictionary(r => r.Id);
        var since = Since is { } d ? TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), Lvyue.Common.ChinaTime.Zone) : (DateTime?)null;
        var stats = (await RuleHitStatistics.ForRegionAsync(Db, region, since, ct: ct)).ToDictionary(s => s.RuleId);
        var ids = All ? stats.Keys.Union(inForce.Keys) : stats.Keys;
        Rows = [.. ids.Select(id =>
        {
            var rule = inForce.GetValueOrDefault(id) ?? library.GetValueOrDefault(id);
            return new Row(id, rule?.Group, rule?.Severity, rule?.Message.Zh, State.Content.Override(id)?.Disabled == true,
                State.Content.Rule(id) is not null, stats.GetValueOrDefault(id) ?? new RuleHitStats(id, 0, 0, 0));
        })];
        if (!string.IsNullOrEmpty(Group)) Rows = [.. Rows.Where(r => r.Group == Group)];
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            Rows = [.. Rows.Where(r => r.Id.Contains(q, StringComparison.OrdinalIgnoreCase) || (r.Message?.Contains(q, StringComparison.Ordinal) ?? false))];
        }
        if (MinAnswered > 0) Rows = [.. Rows.Where(r => r.Stats.Decided >= MinAnswered)];
        if (!Sorts.Contains(Sort)) Sort = "rate";
        Func<Row, IComparable> key = Sort switch
        {
            "hits" => r => r.Stats.Hits,
            "accepted" => r => r.Stats.Accepted,
            "dismissed" => r => r.Stats.Dismissed,
            "answered" => r => r.Stats.Decided,
            "rule" => r => r.Id,
            _ => r => r.Stats.DismissalRate ?? -1m,
        };
        var ordered = Asc ? Rows.OrderBy(key) : Rows.OrderByDescending(key);
        Rows = [.. ordered.ThenByDescending(r => r.Stats.Hits).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The export link with the current filters and order.</summary>
    public string ExportLink => Url.Page("/Review/Rules", "Export", new
    {
        sort = Sort, asc = Asc, group = Group, q = Q, minAnswered = MinAnswered, since = Since?.ToString("yyyy-MM-dd"), all = All,
    })!;

    /// <summary>The link that sorts by <paramref name="sort"/> (again: the other direction), keeping the filters.</summary>
    public string SortLink(string sort) => Url.Page("/Review/Rules", new
    {
        sort, asc = sort == Sort ? !Asc : sort == "rule", group = Group, q = Q, minAnswered = MinAnswered, since = Since?.ToString("yyyy-MM-dd"), all = All,
    })!;
}
