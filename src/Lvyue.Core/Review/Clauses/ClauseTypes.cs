namespace Lvyue.Review.Clauses;

/// <summary>
/// The fixed vocabulary of clause types shared by the classifier, the rule engine and the review report.
/// </summary>
public static class ClauseTypes
{
    public const string Subject = "subject";
    public const string Quality = "quality";
    public const string Price = "price";
    public const string Payment = "payment";
    public const string Invoice = "invoice";
    public const string Delivery = "delivery";
    public const string Acceptance = "acceptance";
    public const string Warranty = "warranty";
    public const string PerformanceBond = "performance_bond";
    public const string Retention = "retention";
    public const string Breach = "breach";
    public const string Termination = "termination";
    public const string ForceMajeure = "force_majeure";
    public const string Dispute = "dispute";
    public const string Confidentiality = "confidentiality";
    public const string IntellectualProperty = "ip";
    public const string Integrity = "integrity";
    public const string Change = "change";
    public const string Subcontract = "subcontract";
    public const string Insurance = "insurance";
    public const string Safety = "safety";
    public const string Personnel = "personnel";
    public const string Assessment = "assessment";
    public const string Notice = "notice";
    public const string Effectiveness = "effectiveness";
    public const string Term = "term";

    /// <summary>All 26 codes in the order of the vocabulary.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Subject, Quality, Price, Payment, Invoice, Delivery, Acceptance, Warranty, PerformanceBond, Retention, Breach,
        Termination, ForceMajeure, Dispute, Confidentiality, IntellectualProperty, Integrity, Change, Subcontract,
        Insurance, Safety, Personnel, Assessment, Notice, Effectiveness, Term,
    ];
}
