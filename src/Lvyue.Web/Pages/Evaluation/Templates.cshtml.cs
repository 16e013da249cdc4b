using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>The current evaluation templates per category and subcategory and line (revisions through the API add versions).</summary>
public sealed class TemplatesModel(LvyueDbContext db, TemplateService templates) : LvyuePage(db)
{
    public List<EvaluationTemplate> Templates { get; private set; } = [];
    public Dictionary<long, Subcategory> Subcategories { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await templates.EnsureDefaultsAsync(HttpContext.RequestAborted);
        Templates = await templates.ListCurrentAsync(HttpContext.RequestAborted);
        Subcategories = await Db.Subcategories.AsNoTracking().ToDictionaryAsync(s => s.Id);
    }
}
