namespace Lvyue.Contracts;

/// <summary>One of the configurable subcategories (默认30类) under works, goods or services.</summary>
public sealed class Subcategory
{
    public long Id { get; set; }
    public Category Category { get; set; }
    /// <summary>Stable code, e.g. <c>W01</c>; import files may use the code or the Chinese name.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
