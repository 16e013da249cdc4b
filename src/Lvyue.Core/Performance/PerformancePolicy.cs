namespace Lvyue.Performance;

/// <summary>The performance settings of a region: the grace period (容错) before an overdue milestone enters the register.</summary>
public sealed class PerformancePolicy
{
    public long RegionId { get; set; }
    /// <summary>Working days after the due date before the overdue register takes a milestone (default 3).</summary>
    public int GraceWorkingDays { get; set; } = DefaultGraceWorkingDays;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public const int DefaultGraceWorkingDays = 3;
}
