namespace Lvyue.Contracts;

/// <summary>
/// A filing threshold of a region: contracts at or above <see cref="MinAmount"/> must be filed.
/// Null <see cref="Category"/> or <see cref="Method"/> matches any; the most specific row wins.
/// </summary>
public sealed class FilingThreshold
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Category? Category { get; set; }
    public ProcurementMethod? Method { get; set; }
    public decimal MinAmount { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// An approval band of a region: contracts at or above <see cref="MinAmount"/> are approved at
/// <see cref="Level"/>; the band with the highest minimum not above the amount applies.
/// </summary>
public sealed class ApprovalBand
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public decimal MinAmount { get; set; }
    public ApprovalLevel Level { get; set; }
}
