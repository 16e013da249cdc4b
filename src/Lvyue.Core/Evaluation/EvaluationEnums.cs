namespace Lvyue.Evaluation;

/// <summary>
/// The line along which a contract is assessed (考核条线): the daily line scored by the project office,
/// the management line scored by the unit's leadership, and the final evaluation at completion.
/// </summary>
public enum AssessmentLine { Daily, Management, Final }

/// <summary>How often a template's line is assessed; a final evaluation happens once.</summary>
public enum AssessmentFrequency { Monthly, Quarterly, Once }

/// <summary>What a region policy decided after an assessment.</summary>
public enum PolicyEventKind
{
    /// <summary>The purchaser may terminate the contract (解除合同权).</summary>
    TerminationRight,
    /// <summary>The supplier is barred from the same project's next tender (禁止参与下一年度投标).</summary>
    BidBan,
    /// <summary>A tiered deduction from the period fee (考核扣款).</summary>
    Deduction,
}

/// <summary>Labels of the evaluation enums in both languages.</summary>
public static class EvaluationLabels
{
    public static (string Zh, string En) Of(AssessmentLine line) => line switch
    {
        AssessmentLine.Daily => ("日常考核（项目办）", "Daily line (project office)"),
        AssessmentLine.Management => ("管理考核（单位领导）", "Management line (unit leadership)"),
        _ => ("履约完成综合评价", "Final evaluation"),
    };

    public static (string Zh, string En) Of(AssessmentFrequency f) => f switch
    {
        AssessmentFrequency.Monthly => ("按月", "Monthly"),
        AssessmentFrequency.Quarterly => ("按季度", "Quarterly"),
        _ => ("一次", "Once"),
    };

    public static (string Zh, string En) Of(PolicyEventKind k) => k switch
    {
        PolicyEventKind.TerminationRight => ("解除合同权", "Termination right"),
        PolicyEventKind.BidBan => ("禁止投标", "Bid ban"),
        _ => ("考核扣款", "Deduction"),
    };
}
