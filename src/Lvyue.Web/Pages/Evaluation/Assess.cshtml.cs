using System.Globalization;
using Lvyue.Common;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Evaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages.Evaluation;

/// <summary>Fill an assessment: the current template of the contract's subcategory and line, item by item, with a live total.</summary>
public sealed class AssessModel(LvyueDbContext db, TemplateService templates, AssessmentService assessments) : LvyuePage(db)
{
    [BindProperty(SupportsGet = true)] public long ContractId { get; set; }
    [BindProperty(SupportsGet = true)] public AssessmentLine Line { get; set; } = AssessmentLine.Daily;
    /// <summary>yyyy-MM: any month of the period (its quarter for a quarterly line).</summary>
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public Dictionary<string, string?> Scores { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Remarks { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public Contract Contract { get; private set; } = null!;
    public EvaluationTemplate Template { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Period ??= ChinaTime.Today(Db.Clock).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        var errors = new ErrorBag();
        var scores = new Dictionary<string, decimal?>();
        foreach (var (code, text) in Scores)
        {
            if (string.IsNullOrWhiteSpace(text)) { scores[code] = null; continue; }
            if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) scores[code] = v;
            else errors.Add($"scores[{code}]", $"“{text}”不是数字", $"'{text}' is not a number");
        }
        DateOnly? start = null;
        if (Line != AssessmentLine.Final)
        {
            if (DateOnly.TryParseExact((Period ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) start = d;
            else errors.Add("periodStart", "请选择考核月份", "Choose the month");
        }
        try
        {
            errors.ThrowIfAny();
            UploadedDocument? evidence = null;
            await using var stream = Evidence is { Length: > 0 } ? Evidence.OpenReadStream() : null;
            if (stream is not null) evidence = new UploadedDocument(Evidence!.FileName, stream);
            var r = await assessments.CreateAsync(new AssessmentInput
            {
                ContractId = ContractId, Line = Line, PeriodStart = start, Scores = scores,
                Remarks = Remarks.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value),
                Note = Note,
            }, evidence, HttpContext.RequestAborted);
            var events = string.Join("；", r.Events.Select(e => T(e.Reason, e.ReasonEn)));
            Flash = T($"{r.Assessment.PeriodLabel}考核已保存，总分{r.Assessment.Total:0.##}", $"{r.Assessment.PeriodLabel} saved, total {r.Assessment.Total:0.##}")
                    + (events.Length > 0 ? " — " + events : "");
            return Redirect($"/Evaluation/Contract/{ContractId}");
        }
        catch (DomainException e)
        {
            if (e.Kind == ErrorKind.Forbidden) { ShowRefusal(e); return Page(); }
            AddErrors(e);
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var c = await Db.Contracts.AsNoTracking().Include(x => x.Subcategory).Include(x => x.BudgetUnit).Include(x => x.Suppliers).ThenInclude(s => s.Supplier)
            .FirstOrDefaultAsync(x => x.Id == ContractId);
        if (c is null) return false;
        Contract = c;
        Template = await templates.CurrentAsync(c.SubcategoryId, Line, HttpContext.RequestAborted);
        return true;
    }
}
