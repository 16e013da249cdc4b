using Lvyue.Contracts;

namespace Lvyue.Evaluation;

/// <summary>
/// One version of an evaluation template (考核模板) for a subcategory (or, with no subcategory, a whole
/// category) and a line. Editing a template adds the next version; assessments keep the version they used.
/// </summary>
public sealed class EvaluationTemplate
{
    public long Id { get; set; }
    public Category Category { get; set; }
    /// <summary>Null for the category's fallback template.</summary>
    public long? SubcategoryId { get; set; }
    public AssessmentLine Line { get; set; }
    /// <summary>1, 2, …: the newest version of a (subcategory, line) is the one used for new assessments.</summary>
    public int Version { get; set; }
    public required string Name { get; set; }
    public AssessmentFrequency Frequency { get; set; }
    /// <summary>The role that scores (project office = unit clerk, unit leadership = unit leader).</summary>
    public required string ScorerRole { get; set; }
    /// <summary>Whether a resident satisfaction survey (群众满意度测评) feeds one of the items.</summary>
    public bool SatisfactionSurvey { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<EvaluationTemplateItem> Items { get; set; } = [];
}

/// <summary>An item of a template: scored from 0 to <see cref="MaxScore"/>, contributing <see cref="Weight"/> percent of the total.</summary>
public sealed class EvaluationTemplateItem
{
    public long Id { get; set; }
    public long TemplateId { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Stable within the template, e.g. <c>quality</c>; the API addresses scores by it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Percent of the total; a template's weights add up to 100.</summary>
    public decimal Weight { get; set; }
    public decimal MaxScore { get; set; } = 100m;
    /// <summary>Scoring guidance (评分标准) shown to the scorer.</summary>
    public string Guidance { get; set; } = "";
}
