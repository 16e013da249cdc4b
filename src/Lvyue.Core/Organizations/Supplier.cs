namespace Lvyue.Organizations;

/// <summary>A supplier (供应商 / 乙方): the counterparty of government contracts.</summary>
public sealed class Supplier
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Unified social credit code (统一社会信用代码), validated by <see cref="Uscc"/>.</summary>
    public required string Uscc { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>Small or medium enterprise (中小企业): payment-term protections apply.</summary>
    public bool IsSme { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }
}
