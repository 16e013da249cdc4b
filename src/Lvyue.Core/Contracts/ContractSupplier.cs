using Lvyue.Organizations;

namespace Lvyue.Contracts;

/// <summary>A supplier party of a contract; a consortium has several, the first is the lead.</summary>
public sealed class ContractSupplier
{
    public long ContractId { get; set; }
    public long SupplierId { get; set; }
    public Supplier? Supplier { get; set; }
    public int SortOrder { get; set; }
}
