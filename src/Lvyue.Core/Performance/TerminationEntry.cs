namespace Lvyue.Performance;

/// <summary>
/// A contract in the termination register (终止库): moved there by a supervisor with the reason and
/// documents; the dispute outcome (which party breached) is recorded later and handed to credit.
/// </summary>
public sealed class TerminationEntry
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public long? SupplierId { get; set; }
    public DateOnly EnteredOn { get; set; }
    public required string Reason { get; set; }
    /// <summary>Ids of the contract's documents supporting the termination, comma-separated.</summary>
    public string? DocumentIds { get; set; }
    public string? EnteredBy { get; set; }
    public BreachingParty? Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    public string? OutcomeNote { get; set; }
    public string? OutcomeBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Which party the resolved dispute found in breach.</summary>
public enum BreachingParty { Purchaser, Supplier, Neither }
