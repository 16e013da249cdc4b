using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Review.Reports;
using Lvyue.Review.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Contracts;

/// <summary>
/// The latest review of a contract's document: the text with the hits highlighted, the findings beside it with accept /
/// dismiss forms, the summary by group, the resolved hits of the previous version and the rule-set version.
/// </summary>
public sealed class ReviewModel(LvyueDbContext db, ContractReviewService reviews) : LvyuePage(db)
{
    public Contract Contract { get; private set; } = null!;
    public ContractReviewView? View { get; private set; }
    /// <summary>The score by group (null before a review or when the document could not be read).</summary>
    public ReviewScore? Score => View is null ? null : ReviewScore.Of(View.Review);

    /// <summary>
    /// Whether this user answers findings (as <see cref="ContractReviewService.DecideAsync"/> allows): the unit's clerks, who
    /// fix the text, and the region's supervisors. A unit leader reads the review and approves; the forms are not shown.
    /// </summary>
    public bool CanAnswer => Db.Scope.All || (Db.Scope.CanWriteContracts && Db.Scope.BudgetUnitId == Contract.BudgetUnitId)
                             || (Db.Scope.RegionId is not null && Db.Scope.BudgetUnitId is null && Db.Scope.SupplierId is null);
    [BindProperty] public long FindingId { get; set; }
    [BindProperty] public FindingDisposition Disposition { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        try
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Forbidden or ErrorKind.NotFound)
        {
            return e.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostDecideAsync(long id)
    {
        try
        {
            var f = await reviews.DecideAsync(id, FindingId, Disposition, Reason, HttpContext.RequestAborted);
            Flash = f.Disposition == FindingDisposition.Accepted
                ? T($"已采纳 {f.RuleId}", $"Accepted {f.RuleId}") : T($"已驳回 {f.RuleId}", $"Dismissed {f.RuleId}");
            return Redirect($"/Contracts/Review/{id}#finding-{f.Id}");
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id));
        }
    }

    /// <summary>The text cut into plain pieces and highlighted sentences (each with the findings that point at it).</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<ReviewFinding> Hits)> Pieces()
    {
        var r = View!.Review;
        var text = r.Text;
        var pieces = new List<(string, IReadOnlyList<ReviewFinding>)>();
        var cursor = 0;
        foreach (var span in r.Findings.Where(f => f.Start is not null && f.End is not null)
                     .GroupBy(f => (Start: f.Start!.Value, End: f.End!.Value)).OrderBy(g => g.Key.Start).ThenByDescending(g => g.Key.End))
        {
            var start = Math.Clamp(Math.Max(span.Key.Start, cursor), 0, text.Length);
            var end = Math.Clamp(span.Key.End, 0, text.Length);
            if (end <= start) continue;
            if (start > cursor) pieces.Add((text[cursor..start], []));
            pieces.Add((text[start..end], [.. span]));
            cursor = end;
        }
        if (cursor < text.Length) pieces.Add((text[cursor..], []));
        return pieces;
    }

    public static string GroupLabel(string group) => group switch
    {
        "compliance" => T("合规", "Compliance"),
        "severe" => T("重大风险", "Severe risk"),
        "general" => T("一般风险", "General risk"),
        "missing" => T("条款缺失", "Missing clause"),
        _ => group,
    };

    public static string SeverityLabel(string severity) => severity switch
    {
        "high" => T("高", "High"), "medium" => T("中", "Medium"), "low" => T("低", "Low"), _ => severity,
    };

    public static string SeverityBadge(string severity) => severity switch { "high" => "danger", "medium" => "warning", _ => "secondary" };

    public static string DispositionLabel(FindingDisposition d) => d switch
    {
        FindingDisposition.Accepted => T("已采纳", "Accepted"),
        FindingDisposition.Dismissed => T("已驳回", "Dismissed"),
        _ => T("待处理", "Open"),
    };

    private async Task<bool> LoadAsync(long id)
    {
        var c = await Db.Contracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (c is null) return false;
        Contract = c;
        View = await reviews.LatestAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
