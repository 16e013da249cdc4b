namespace Lvyue.Review.Extraction;

/// <summary>
/// Whether a contract agrees with itself, as facts the review rule engine judges: each is null when the contract does
/// not state enough to tell. Computed from the extracted ledger by <see cref="ConsistencyCheck"/>.
/// </summary>
public sealed class ConsistencyFacts
{
    /// <summary>The total in capital numerals equals the total in figures (null unless both are written).</summary>
    public bool? AmountInWordsMatchesFigures { get; internal set; }

    /// <summary>The total as the capital numerals say, when they are written.</summary>
    public decimal? AmountInWords { get; internal set; }

    /// <summary>The total as the figures say, when they are written.</summary>
    public decimal? AmountInFigures { get; internal set; }

    /// <summary>The sum of the installments' percents (null unless every installment states one).</summary>
    public decimal? InstallmentPercentSum { get; internal set; }

    /// <summary>The sum of the installments' amounts (null unless every installment has one).</summary>
    public decimal? InstallmentAmountSum { get; internal set; }

    /// <summary>
    /// The installments add up to the total (within a cent per installment); null when an amount or the total is
    /// unknown, or when the schedule is one recurring installment (按月, 按季度) that repeats over the term.
    /// </summary>
    public bool? InstallmentsMatchTotal { get; internal set; }

    /// <summary>Signing ≤ effect ≤ end, start ≤ end, signing ≤ delivery, for the dates that are known; null when no pair is.</summary>
    public bool? DatesInOrder { get; internal set; }

    /// <summary>Every labelled mention of the purchaser (header, signature block) gives the same name.</summary>
    public bool? PurchaserNamedConsistently { get; internal set; }

    /// <summary>Every labelled mention of the supplier gives the same name.</summary>
    public bool? SupplierNamedConsistently { get; internal set; }

    /// <summary>The purchaser's USCC has a valid check character (GB 32100); null when no USCC is written.</summary>
    public bool? PurchaserUsccValid { get; internal set; }

    /// <summary>The supplier's USCC has a valid check character; null when no USCC is written.</summary>
    public bool? SupplierUsccValid { get; internal set; }

    /// <summary>Every labelled mention of the purchaser's name, in text order.</summary>
    public IReadOnlyList<Extracted<string>> PurchaserNames { get; internal set; } = [];

    /// <summary>Every labelled mention of the supplier's name, in text order.</summary>
    public IReadOnlyList<Extracted<string>> SupplierNames { get; internal set; } = [];
}
