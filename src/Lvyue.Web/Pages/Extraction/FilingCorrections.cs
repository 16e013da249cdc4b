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
    /// Stores the corrections of contract <paramref name="contractId"/> filed with <paramref name="document"/>;
    /// <paramref name="prefilledKeys"/> is the comma-separated list of keys the browser pre-filled (nothing is stored
    /// when it is empty: the form was typed by hand). Returns the rows stored.
    /// </summary>
    public static async Task<IReadOnlyList<ExtractionCorrection>> RecordAsync(LvyueDbContext db, long contractId, ContractForm form, IFormFile document,
        string? prefilledKeys, string? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var keys = (prefilledKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0) return [];
        var sha = await db.ContractDocuments.AsNoTracking().Where(d => d.ContractId == contractId)
            .OrderByDescending(d => d.Id).Select(d => d.Sha256).FirstOrDefaultAsync(ct);
        if (sha is null) return [];
        var corrections = new ExtractionCorrections(db);
        DocumentPrefill read;
        await using (var stream = document.OpenReadStream())
            read = await corrections.ReadAsync(stream, document.FileName, ct);
        var supplierId = read.Fields.FirstOrDefault(f => f.Key == "supplier")?.Value;
        return await corrections.RecordAsync(contractId, sha, read.Fields, keys, Submitted(form, supplierId), user, ct);
    }

    /// <summary>
    /// <see cref="RecordAsync"/> for the filing page: the contract is already filed, so a failure to store the
    /// measurement is logged, not shown to the user as a failed filing.
    /// </summary>
    public static async Task TryRecordAsync(HttpContext http, LvyueDbContext db, long contractId, ContractForm form, IFormFile document, string? prefilledKeys)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await RecordAsync(db, contractId, form, document, prefilledKeys, db.Scope.Actor, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FilingCorrections))
                .LogWarning(e, "Extraction corrections of contract {ContractId} not stored", contractId);
        }
    }
}
