using System.Globalization;
using Lvyue.Data;
using Lvyue.Review.Corrections;
using Lvyue.Web.Pages.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Pages.Extraction;

/// <summary>
/// After a contract is filed from a pre-filled form: reads the filed document again on the server (the browser's copy
/// of the extracted values is not trusted) and stores, for each field the browser reports as pre-filled, whether the
/// user accepted or corrected it.
/// </summary>
public static class FilingCorrections
{
    /// <summary>The submitted form's values by pre-fill key, in the form's notation.</summary>
    public static IReadOnlyDictionary<string, string?> Submitted(ContractForm f, string? extractedSupplierId)
    {
        ArgumentNullException.ThrowIfNull(f);
        string? Date(DateOnly? d) => d is { } v ? FormPrefill.Date(v) : null;
        var supplier = extractedSupplierId is not null && f.SupplierIds.Any(id => id.ToString(CultureInfo.InvariantCulture) == extractedSupplierId)
            ? extractedSupplierId
            : f.SupplierIds.Count > 0 ? f.SupplierIds[0].ToString(CultureInfo.InvariantCulture) : null;
        return new Dictionary<string, string?>
        {
            ["title"] = f.Title, ["contractNumber"] = f.Number, ["category"] = f.Category.ToString(),
            ["amountTotal"] = f.Amount == 0 ? null : FormPrefill.Number(f.Amount), ["taxRate"] = f.TaxRate is { } t ? FormPrefill.Number(t) : null,
            ["signDate"] = Date(f.SignDate), ["effectiveDate"] = Date(f.EffectiveDate), ["startDate"] = Date(f.StartDate), ["endDate"] = Date(f.EndDate),
            ["supplier"] = supplier,
            ["purchaser.contactName"] = f.PurchaserContactName, ["purchaser.contactPhone"] = f.PurchaserContactPhone, ["purchaser.contactEmail"] = f.PurchaserContactEmail,
            ["supplier.contactName"] = f.SupplierContactName, ["supplier.contactPhone"] = f.SupplierContactPhone, ["supplier.contactEmail"] = f.SupplierContactEmail,
        };
    }

    /// <summary>
    /// Reads the uploaded <paramref name="document"/> again on the server, before the filing's transaction begins (OCR of a
    /// scan can take seconds). <paramref name="prefilledKeys"/> is the comma-separated list of keys the browser
    /// pre-filled. Null when there is nothing to measure: the form was typed by hand, or the document yields no contract
    /// field (then nothing was pre-filled from it either).
    /// </summary>
    public static async Task<FilingPrefill?> PrepareAsync(LvyueDbContext db, IFormFile document, string? prefilledKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var keys = (prefilledKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0) return null;
        try
        {
            await using var stream = document.OpenReadStream();
            return new FilingPrefill(keys, await new ExtractionCorrections(db).ReadAsync(stream, document.FileName, ct));
        }
        catch (Common.DomainException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores the corrections of contract <paramref name="contractId"/> just filed from the pre-filled form, inside the
    /// caller's transaction: the contract and its measurement are written together or not at all. Returns the rows stored.
    /// </summary>
    public static async Task<IReadOnlyList<ExtractionCorrection>> RecordAsync(LvyueDbContext db, long contractId, ContractForm form, FilingPrefill? prefill,
        string? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (prefill is null) return [];
        var sha = await db.ContractDocuments.AsNoTracking().Where(d => d.ContractId == contractId)
            .OrderByDescending(d => d.Id).Select(d => d.Sha256).FirstOrDefaultAsync(ct);
        if (sha is null) return [];
        var supplierId = prefill.Read.Fields.FirstOrDefault(f => f.Key == "supplier")?.Value;
        return await new ExtractionCorrections(db).RecordAsync(contractId, sha, prefill.Read.Fields, prefill.Keys, Submitted(form, supplierId), user, ct);
    }
}

/// <summary>What the filing form pre-filled from its document: the keys the browser reported and the server's own reading.</summary>
public sealed record FilingPrefill(IReadOnlySet<string> Keys, DocumentPrefill Read);
