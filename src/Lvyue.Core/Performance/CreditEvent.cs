namespace Lvyue.Performance;

/// <summary>
/// A performance fact handed to credit (the credit capability consumes these rows): a breach found
/// after termination, or an overdue milestone completed under supervision (not dishonest).
/// </summary>
public sealed class CreditEvent
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public CreditPartyKind PartyKind { get; set; }
    /// <summary>The budget unit id (purchaser) or the supplier id.</summary>
    public long PartyId { get; set; }
    /// <summary><c>termination-breach</c>, <c>termination-no-breach</c> or <c>overdue-completed</c>.</summary>
    public required string Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public long ContractId { get; set; }
    /// <summary>The row that caused it, e.g. <c>termination:12</c> or <c>overdue:34</c>.</summary>
    public required string Source { get; set; }
    public bool CountsAsDishonest { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }

    public const string TerminationBreach = "termination-breach";
    public const string TerminationNoBreach = "termination-no-breach";
    public const string OverdueCompleted = "overdue-completed";
}

/// <summary>The kind of party a credit event is about.</summary>
public enum CreditPartyKind { Purchaser, Supplier }
