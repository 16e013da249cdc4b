namespace Lvyue.Organizations;

/// <summary>A department inside a budget unit; departments form a tree through <see cref="ParentId"/>.</summary>
public sealed class Department
{
    public long Id { get; set; }
    public long BudgetUnitId { get; set; }
    public long? ParentId { get; set; }
    public required string Name { get; set; }
}
