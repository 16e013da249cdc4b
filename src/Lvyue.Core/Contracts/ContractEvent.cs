namespace Lvyue.Contracts;

/// <summary>An entry of a contract's timeline: every transition, upload and decision.</summary>
public sealed class ContractEvent
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public DateTime At { get; set; }
    /// <summary>A code such as <c>created</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c>, <c>document</c>, <c>status</c>.</summary>
    public required string Kind { get; set; }
    public ContractStatus? FromStatus { get; set; }
    public ContractStatus? ToStatus { get; set; }
    public string? Note { get; set; }
    public string? Actor { get; set; }
}
