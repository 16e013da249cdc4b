using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>Revise a template: the next version with the items as edited (one item per line: code|名称|English|weight|max|guidance).</summary>
[Authorize(Roles = $"{Roles.Supervisor},{Roles.SystemAdmin}")]
public sealed class TemplateEditModel(LvyueDbContext db, TemplateService templates) : LvyuePage(db)
{
    public EvaluationTemplate Template { get; private set; } = null!;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AssessmentFrequency Frequency { get; set; }
    [BindProperty] public string? ScorerRole { get; set; }
    [BindProperty] public bool SatisfactionSurvey { get; set; }
    [BindProperty] public string? Items { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        (Name, Frequency, ScorerRole, SatisfactionSurvey) = (Template.Name, Template.Frequency, Template.ScorerRole, Template.SatisfactionSurvey);
        Items = string.Join("\n", Template.Items.OrderBy(i => i.SortOrder).Select(i =>
            string.Join("|", i.Code, i.Name, i.NameEn, i.Weight.ToString("0.##", CultureInfo.InvariantCulture), i.MaxScore.ToString("0.##", CultureInfo.InvariantCulture), i.Guidance)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        try
        {
            var items = new List<TemplateItemInput>();
            foreach (var line in (Items ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var f = line.Split('|');
                decimal Num(int i) => f.Length > i && decimal.TryParse(f[i].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1m;
                items.Add(new TemplateItemInput(f[0].Trim(), f.Length > 1 ? f[1].Trim() : null, f.Length > 2 ? f[2].Trim() : null, Num(3), Num(4), f.Length > 5 ? f[5].Trim() : null));
            }
            var v = await templates.ReviseAsync(id, new TemplateInput(Name, Frequency, ScorerRole, SatisfactionSurvey, items), HttpContext.RequestAborted);
            Flash = T($"已发布“{v.Name}”第{v.Version}版；已完成的考核保留原版本", $"Version {v.Version} of '{v.Name}' published; past assessments keep their versions");
            return Redirect("/Evaluation/Templates");
        }
        catch (DomainException e)
        {
            ShowRefusal(e);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        var t = await Db.EvaluationTemplates.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id);
        if (t is null) return false;
        Template = t;
        return true;
    }
}
