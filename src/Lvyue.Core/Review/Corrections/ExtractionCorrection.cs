namespace Lvyue.Review.Corrections;

/// <summary>
/// One pre-filled field of a filed contract: what extraction read from the document and what the user submitted.
/// The rows are how extraction is measured (the correction rate per field) and the data to improve it.
/// </summary>
public sealed class ExtractionCorrection
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }

    /// <summary>SHA-256 (hex) of the document the value was extracted from.</summary>
    public required string DocumentSha256 { get; set; }

    /// <summary>The field's key (<see cref="PrefillField.Key"/>: title, amountTotal, supplier …).</summary>
    public required string Field { get; set; }

    /// <summary>The extracted value in the form's notation.</summary>
    public string? ExtractedValue { get; set; }

    /// <summary>The value the user submitted in the form's notation (null when left blank).</summary>
    public string? FinalValue { get; set; }

    /// <summary>The extractor's confidence, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>True when the user changed the pre-filled value; false when it was accepted as extracted.</summary>
    public bool Corrected { get; set; }

    /// <summary>Who filed the contract.</summary>
    public string? RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}
