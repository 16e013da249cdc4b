using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Profiles;
using Lvyue.Review.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Review;

/// <summary>
/// 规则配置: the region's rule profile — its version and effective rule-set version, the library rules it disables or
/// tunes, its own pattern rules (added and edited here; the examples must pass before it is saved) and its history.
/// </summary>
[Authorize(Roles = Roles.Supervisor)]
public sealed class ProfileModel(LvyueDbContext db, RuleProfileService profiles) : LvyuePage(db)
{
    public RuleProfileState State { get; private set; } = null!;
    public List<RuleProfileVersion> History { get; private set; } = [];
    public int RulesInForce { get; private set; }
    /// <summary>True when the form edits an existing region rule.</summary>
    public bool Editing { get; private set; }

    [BindProperty] public int? BaseVersion { get; set; }
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string Group { get; set; } = RuleGroups.General;
    [BindProperty] public string Severity { get; set; } = RuleSeverities.Medium;
    [BindProperty] public List<string> ClauseScope { get; set; } = [];
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public string Match { get; set; } = RegionRuleMatch.Text;
    /// <summary>One pattern a line.</summary>
    [BindProperty] public string? Patterns { get; set; }
    /// <summary>One exclusion word a line.</summary>
    [BindProperty] public string? Exclude { get; set; }
    [BindProperty] public string? MessageZh { get; set; }
    [BindProperty] public string? MessageEn { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? Suggestion { get; set; }
    /// <summary>Examples separated by a line "---".</summary>
    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? Pass { get; set; }
    [BindProperty] public bool Update { get; set; }

    public async Task<IActionResult> OnGetAsync(string? edit)
    {
        if (Scope.RegionId is null) return Forbid();
        await LoadAsync();
        if (edit is not null)
        {
            if (State.Content.Rule(edit) is not { } r) return NotFound();
            (Id, Group, Severity, ClauseScope, Categories, Match) = (r.Id, r.Group, r.Severity, [.. r.Scope], [.. r.Categories], r.Match);
            (Patterns, Exclude, MessageZh, MessageEn, Basis, Suggestion) = (string.Join("\n", r.Patterns), string.Join("\n", r.Exclude), r.MessageZh, r.MessageEn, r.Basis, r.Suggestion);
            (Trigger, Pass, Update, Editing) = (ReviewLabels.JoinExamples(r.Trigger), ReviewLabels.JoinExamples(r.Pass), true, true);
        }
        else Id = State.RulePrefix;
        return Page();
    }

    public async Task<IActionResult> OnPostRuleAsync()
    {
        ModelState.Clear();
        if (Scope.RegionId is not { } region) return Forbid();
        var rule = new RegionRule(Id ?? "", Group, Severity, ClauseScope, Categories, Match, ReviewLabels.Lines(Patterns), ReviewLabels.Lines(Exclude),
            MessageZh ?? "", MessageEn ?? "", Basis, Suggestion, ReviewLabels.SplitExamples(Trigger), ReviewLabels.SplitExamples(Pass));
        try
        {
            var result = await profiles.ApplyAsync(region, new RuleProfileChange(Update ? RuleProfileChangeKinds.UpdateRule : RuleProfileChangeKinds.AddRule,
                rule.Id, Rule: rule, BaseVersion: BaseVersion), HttpContext.RequestAborted);
            Flash = T($"本区规则 {rule.Id.ToUpperInvariant()} 已保存，{result.Examples.Count}个示例全部通过；规则配置第{result.State.Version}版",
                $"Region rule {rule.Id.ToUpperInvariant()} saved, all {result.Examples.Count} examples pass; profile version {result.State.Version}");
            return Redirect("/Review/Profile");
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            ShowRefusal(e);
        }
        await LoadAsync();
        Editing = Update;
        return Page();
    }

    private async Task LoadAsync()
    {
        var region = Scope.RegionId!.Value;
        var ct = HttpContext.RequestAborted;
        State = await profiles.CurrentAsync(region, ct);
        History = await profiles.HistoryAsync(region, ct);
        RulesInForce = (await profiles.EffectiveAsync(State)).Rules.Count;
        BaseVersion = State.Version;
    }
}
