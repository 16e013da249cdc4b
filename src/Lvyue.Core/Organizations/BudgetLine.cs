namespace Lvyue.Organizations;

/// <summary>
/// A budget line (预算指标) of a unit for a year. Contracts commit against it (先有预算后购买):
/// <see cref="Committed"/> only grows through an atomic conditional update, so two concurrent
/// filings can never overspend it.
/// </summary>
public sealed class BudgetLine
{
    public long Id { get; set; }
    public long BudgetUnitId { get; set; }
    public BudgetUnit? BudgetUnit { get; set; }
    /// <summary>Denormalized from the unit for tenancy filters.</summary>
    public long RegionId { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal Amount { get; set; }
    public decimal Committed { get; set; }
    public decimal Available => Amount - Committed;
}
