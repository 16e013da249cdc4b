using Lvyue.Common;
using Lvyue.Contracts;

namespace Lvyue.Web.Api;

/// <summary>A supplier party as the API shows it.</summary>
public sealed record PartyDto(long Id, string Name, string Uscc, bool IsSme);

/// <summary>One stored document version.</summary>
public sealed record DocumentDto(long Id, string FileName, int VersionNo, string ContentType, long Size, string Sha256, string Sm3, DateTime UploadedAt, string? UploadedBy);

/// <summary>A timeline entry.</summary>
public sealed record EventDto(DateTime At, string Kind, ContractStatus? FromStatus, ContractStatus? ToStatus, string? Note, string? Actor);

/// <summary>A contract with its parties, documents and timeline.</summary>
public sealed record ContractDto(
    long Id, string Number, string Title, long BudgetUnitId, string BudgetUnit, long? DepartmentId,
    Category Category, long SubcategoryId, string Subcategory, ProcurementMethod ProcurementMethod,
    decimal Amount, string AmountInWords, decimal? TaxRate, DateOnly? SignDate, DateOnly? EffectiveDate, DateOnly? StartDate, DateOnly? EndDate,
    long BudgetLineId, string BudgetLine, bool IsKeyProject, Confidentiality Confidentiality, bool FilingRequired, ContractStatus Status,
    string? PurchaserContactName, string? PurchaserContactPhone, string? PurchaserContactEmail,
    string? SupplierContactName, string? SupplierContactPhone, string? SupplierContactEmail,
    IReadOnlyList<PartyDto> Suppliers, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<EventDto> Events,
    long Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ContractDto From(Contract c) => new(
        c.Id, c.Number, c.Title, c.BudgetUnitId, c.BudgetUnit?.Name ?? "", c.DepartmentId, c.Category, c.SubcategoryId,
        c.Subcategory?.Name ?? "", c.ProcurementMethod, c.Amount, Money.ToCapitals(c.Amount), c.TaxRate, c.SignDate, c.EffectiveDate,
        c.StartDate, c.EndDate, c.BudgetLineId, c.BudgetLine?.Name ?? "", c.IsKeyProject, c.Confidentiality, c.FilingRequired, c.Status,
        c.PurchaserContactName, c.PurchaserContactPhone, c.PurchaserContactEmail, c.SupplierContactName, c.SupplierContactPhone, c.SupplierContactEmail,
        c.Suppliers.Select(s => new PartyDto(s.SupplierId, s.Supplier?.Name ?? "", s.Supplier?.Uscc ?? "", s.Supplier?.IsSme ?? false)).ToList(),
        c.Documents.Select(d => new DocumentDto(d.Id, d.FileName, d.VersionNo, d.ContentType, d.Size, d.Sha256, d.Sm3, d.UploadedAt, d.UploadedBy)).ToList(),
        c.Events.Select(e => new EventDto(e.At, e.Kind, e.FromStatus, e.ToStatus, e.Note, e.Actor)).ToList(),
        c.Version, c.CreatedAt, c.UpdatedAt);
}

/// <summary>A requested status change.</summary>
public sealed record StatusChange(ContractStatus Status, string? Note);

/// <summary>An approval decision's note or reason.</summary>
public sealed record Decision(string? Note);

/// <summary>An approval task as the queue shows it.</summary>
public sealed record ApprovalDto(long Id, long ContractId, string Number, string Title, decimal Amount, ApprovalLevel Level, ApprovalState State, DateTime CreatedAt, DateTime? DecidedAt, string? DecidedBy, string? Reason);
