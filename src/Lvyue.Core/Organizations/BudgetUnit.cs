namespace Lvyue.Organizations;

/// <summary>A budget unit (预算单位): the government purchaser that signs contracts.</summary>
public sealed class BudgetUnit
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Region? Region { get; set; }
    /// <summary>The unit's code in the budget system; unique within its region.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Uscc { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public List<Department> Departments { get; set; } = [];
}
