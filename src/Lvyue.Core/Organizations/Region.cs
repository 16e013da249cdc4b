namespace Lvyue.Organizations;

/// <summary>An administrative region (e.g. a district) whose finance bureau supervises its budget units.</summary>
public sealed class Region
{
    public long Id { get; set; }
    /// <summary>Administrative division code, e.g. 440303 for Luohu.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<BudgetUnit> BudgetUnits { get; set; } = [];
}
