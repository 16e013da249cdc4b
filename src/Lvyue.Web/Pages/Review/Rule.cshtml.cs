using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Review;

/// <summary>One rule as the region has it (message, basis, suggestion, examples, its hits) and the supervisor's changes to it.</summary>
[Authorize(Roles = Roles.Supervisor)]
public sealed class RuleModel(LvyueDbContext db, RuleProfileService profiles) : LvyuePage(db)
{
    public RuleDetail Detail { get; private set; } = null!;
    public RuleProfileState State { get; private set; } = null!;
    public IReadOnlyList<ExampleOutcome>? Checked { get; private set; }

    [BindProperty] public int? BaseVersion { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Severity { get; set; }
    /// <summary>Parameter values by path, as typed.</summary>
    [BindProperty] public Dictionary<string, string> Parameters { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        try
        {
            await LoadAsync(id);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.Disable, id, Reason, BaseVersion: BaseVersion));
    public Task<IActionResult> OnPostEnableAsync(string id) => ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.Enable, id, Reason, BaseVersion: BaseVersion));
    public Task<IActionResult> OnPostResetAsync(string id) => ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.Reset, id, Reason, BaseVersion: BaseVersion));
    public Task<IActionResult> OnPostRemoveAsync(string id) => ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.RemoveRule, id, Reason, BaseVersion: BaseVersion), removed: true);

    public Task<IActionResult> OnPostSeverityAsync(string id) =>
        ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.Severity, id, Reason, Severity, BaseVersion: BaseVersion));

    public async Task<IActionResult> OnPostParametersAsync(string id)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (path, text) in Parameters)
        {
            if (!decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, T($"参数“{path}”须为数字", $"Parameter '{path}' must be a number"));
                return await ReloadAsync(id);
            }
            values[path] = v;
        }
        return await ChangeAsync(id, new RuleProfileChange(RuleProfileChangeKinds.Parameters, id, Reason, Parameters: values, BaseVersion: BaseVersion));
    }

    private async Task<IActionResult> ChangeAsync(string id, RuleProfileChange change, bool removed = false)
    {
        ModelState.Clear();
        if (Scope.RegionId is not { } region) return Forbid();
        try
        {
            var result = await profiles.ApplyAsync(region, change, HttpContext.RequestAborted);
            var flipped = result.Examples.Count(e => !e.Ok);
            Flash = T($"已保存为规则配置第{result.State.Version}版（规则集版本 {result.State.RuleSetVersion}）", $"Saved as profile version {result.State.Version} (rule set {result.State.RuleSetVersion})")
                    + (flipped > 0 ? T($"；注意：新参数下有{flipped}个示例与原预期不符", $"; note: {flipped} example(s) behave differently under the new values") : "");
            return removed ? Redirect("/Review/Profile") : Redirect($"/Review/Rule/{Uri.EscapeDataString(id)}");
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) return Forbid();
            if (e.Kind == ErrorKind.NotFound) return NotFound();
            ShowRefusal(e);
        }
        return await ReloadAsync(id);
    }

    private async Task<IActionResult> ReloadAsync(string id)
    {
        try
        {
            await LoadAsync(id);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }

    private async Task LoadAsync(string id)
    {
        if (Scope.RegionId is not { } region) throw DomainException.Forbidden();
        State = await profiles.CurrentAsync(region, HttpContext.RequestAborted);
        Detail = await profiles.DetailAsync(region, id, HttpContext.RequestAborted);
        BaseVersion = State.Version;
    }
}
