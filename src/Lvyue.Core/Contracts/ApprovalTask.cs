namespace Lvyue.Contracts;

/// <summary>An approval of a submitted filing, at the level its amount band requires.</summary>
public sealed class ApprovalTask
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public Contract? Contract { get; set; }
    public long RegionId { get; set; }
    public long BudgetUnitId { get; set; }
    public ApprovalLevel Level { get; set; }
    public ApprovalState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Reason { get; set; }
}
