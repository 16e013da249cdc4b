namespace Lvyue.Credit;

/// <summary>The lifecycle of a dishonesty determination.</summary>
public enum DeterminationState
{
    /// <summary>Proposed by a supervisor, awaiting the credit office.</summary>
    Proposed,
    /// <summary>Confirmed by the credit office, its document generated and published; it counts.</summary>
    Confirmed,
    /// <summary>Not confirmed.</summary>
    Rejected,
    /// <summary>Confirmed, and the party has appealed (it counts until decided).</summary>
    Appealed,
    /// <summary>Revoked on appeal: it stopped counting on the decision.</summary>
    Revoked,
    /// <summary>Credit repaired (信用修复): it stopped counting on the repair.</summary>
    Repaired,
}

/// <summary>
/// A dishonesty determination (失信认定) of a supplier or budget unit: a supervisor proposes with facts and
/// basis, the credit office confirms it with a numbered determination document (.docx and PDF) and publishes
/// it; the party may appeal; credit repair ends it early. Its credit record counts until <see cref="ExpiresOn"/>.
/// </summary>
public sealed class DishonestyDetermination
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public CreditSubject Subject { get; set; }
    public long SubjectId { get; set; }
    public required string SubjectName { get; set; }
    public string? SubjectUscc { get; set; }
    public long? ContractId { get; set; }
    /// <summary>Assigned on confirmation, e.g. 示范区信用认定〔2026〕3号.</summary>
    public string? Number { get; set; }
    public required string Facts { get; set; }
    public required string Basis { get; set; }
    public required string Measures { get; set; }
    public required string AppealRoute { get; set; }
    /// <summary>Months of restriction from government procurement (suppliers only; 0 for none).</summary>
    public int RestrictionMonths { get; set; }
    public DeterminationState State { get; set; }
    public required string ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The end of the publication period: the record stops counting after it.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public string? DocxSha256 { get; set; }
    public string? PdfSha256 { get; set; }
    public string? AppealReason { get; set; }
    public string? AppealedBy { get; set; }
    public DateTime? AppealedAt { get; set; }
    public string? AppealDecisionNote { get; set; }
    public DateTime? AppealDecidedAt { get; set; }
    public string? RepairReason { get; set; }
    public string? RepairedBy { get; set; }
    public DateTime? RepairedAt { get; set; }
}

/// <summary>A restriction (限制) of a supplier from government procurement for a period; the filing form checks it.</summary>
public sealed class Sanction
{
    public long Id { get; set; }
    public long SupplierId { get; set; }
    public long RegionId { get; set; }
    public long? DeterminationId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LiftedAt { get; set; }
    public string? LiftReason { get; set; }
}
