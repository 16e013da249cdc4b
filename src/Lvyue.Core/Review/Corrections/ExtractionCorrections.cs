using System.Globalization;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Review.Extraction;
using Lvyue.Review.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Review.Corrections;

/// <summary>The form pre-filled from one uploaded document: the extraction, its normalized text and the fields.</summary>
public sealed record DocumentPrefill(LedgerExtraction Extraction, IReadOnlyList<PrefillField> Fields);

/// <summary>
/// Reads an uploaded contract document for the filing form (the extracted fields with their spans) and, when the form
/// is submitted, stores for each pre-filled field whether the user accepted or corrected it.
/// </summary>
public sealed class ExtractionCorrections(LvyueDbContext db, IngestionOptions? options = null)
{
    /// <summary>The extensions the filing form reads.</summary>
    public static readonly IReadOnlySet<string> Readable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".docx", ".pdf", ".txt", ".png", ".jpg", ".jpeg" };

    /// <summary>
    /// Ingests the document and extracts its ledger. A file of another type, an empty, corrupt or unreadable file and
    /// a text in which no contract field is found are refused with a <see cref="DomainException"/>.
    /// </summary>
    public async Task<DocumentPrefill> ReadAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!Readable.Contains(ext))
            throw new DomainException(ErrorKind.Invalid, new Msg($"不支持的文件类型 {ext}：请上传 .docx、.pdf 或 .txt", $"Unsupported file type {ext}: upload .docx, .pdf or .txt"));
        var tmp = Path.Combine(Path.GetTempPath(), $"lvyue-extract-{Guid.NewGuid():N}{ext}");
        LedgerExtraction x;
        try
        {
            await using (var dst = File.Create(tmp))
                await content.CopyToAsync(dst, ct);
            IngestedDocument doc;
            try
            {
                doc = await new DocumentIngestor(options).IngestAsync(tmp, ct);
            }
            catch (Exception e) when (e is not DomainException and not OperationCanceledException)
            {
                throw new DomainException(ErrorKind.Invalid, new Msg($"无法读取合同文本：{e.Message}", $"The document cannot be read: {e.Message}"));
            }
            x = LedgerExtractor.Extract(doc);
        }
        finally
        {
            File.Delete(tmp);
        }
        if (x.Title is null && x.ContractNumber is null && x.AmountTotal is null && x.Purchaser.Name is null && x.Supplier.Name is null)
            throw new DomainException(ErrorKind.Invalid, new Msg("文件中没有找到合同要素（名称、编号、金额、当事人），不像是合同文本",
                "No contract field (title, number, amount, parties) was found: the file does not look like a contract"));
        return new DocumentPrefill(x, await FieldsAsync(x, ct));
    }

    /// <summary>The pre-filled fields of an extraction, the supplier matched to the registered suppliers.</summary>
    public async Task<IReadOnlyList<PrefillField>> FieldsAsync(LedgerExtraction x, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        var uscc = x.Supplier.Uscc?.Value;
        var name = x.Supplier.Name?.Value?.Trim();
        var candidates = uscc is null && name is null ? []
            : await db.Suppliers.AsNoTracking().Where(s => (uscc != null && s.Uscc == uscc) || (name != null && s.Name == name)).Take(20).ToListAsync(ct);
        return FormPrefill.From(x, FormPrefill.MatchSupplier(x, candidates));
    }

    /// <summary>
    /// Stores one row per pre-filled field (<paramref name="prefilled"/> limited to the keys the browser reports as
    /// pre-filled, <paramref name="shownKeys"/>): accepted when the submitted value (<paramref name="submitted"/>, by
    /// key, in the form's notation) equals the extracted one, else corrected. One SaveChanges, so all rows or none.
    /// </summary>
    /// <returns>The rows stored.</returns>
    public async Task<IReadOnlyList<ExtractionCorrection>> RecordAsync(long contractId, string documentSha256, IReadOnlyList<PrefillField> prefilled,
        IReadOnlySet<string> shownKeys, IReadOnlyDictionary<string, string?> submitted, string? user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prefilled);
        ArgumentNullException.ThrowIfNull(shownKeys);
        ArgumentNullException.ThrowIfNull(submitted);
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => new { c.RegionId, c.BudgetUnitId })
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("合同|contract");
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var rows = new List<ExtractionCorrection>();
        foreach (var f in prefilled.Where(p => shownKeys.Contains(p.Key)).DistinctBy(p => p.Key))
        {
            var final = submitted.TryGetValue(f.Key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            rows.Add(new ExtractionCorrection
            {
                ContractId = contractId, RegionId = contract.RegionId, BudgetUnitId = contract.BudgetUnitId, DocumentSha256 = documentSha256,
                Field = f.Key, ExtractedValue = Clip(f.Value), FinalValue = Clip(final), Confidence = f.Confidence,
                Corrected = !Same(f.Value, final), RecordedBy = user, RecordedAt = now,
            });
        }
        if (rows.Count == 0) return rows;
        db.ExtractionCorrections.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>Whether the submitted value is the extracted one: numbers by value, e-mail addresses ignoring case, text as written.</summary>
    public static bool Same(string extracted, string? final)
    {
        if (final is null) return false;
        var a = extracted.Trim();
        var b = final.Trim();
        if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y))
            return x == y;
        return a.Contains('@') ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : a == b;
    }

    private static string? Clip(string? s) => s is { Length: > 500 } ? s[..500] : s;
}
