using System.Globalization;
using Lvyue.Organizations;
using Lvyue.Review.Extraction;

namespace Lvyue.Review.Corrections;

/// <summary>
/// A form field pre-filled from the contract document.
/// </summary>
/// <param name="Key">The field's key (title, contractNumber, amountTotal, taxRate, signDate, effectiveDate, startDate,
/// endDate, category, supplier, purchaser.contactName …).</param>
/// <param name="Input">The name of the filing form's input it fills (Form.Title …).</param>
/// <param name="Value">The value in the form's notation: amounts and percents as 0.##, dates yyyy-MM-dd, the category
/// as Works/Goods/Services, the supplier as its id.</param>
/// <param name="Display">What to show the user (the supplier's name and USCC rather than its id).</param>
/// <param name="Confidence">The extractor's confidence, 0–1.</param>
/// <param name="Start">Start of the words it came from in the normalized text.</param>
/// <param name="End">End (exclusive) of those words.</param>
public sealed record PrefillField(string Key, string Input, string Value, string Display, double Confidence, int Start, int End);

/// <summary>Turns a ledger extraction into the filing form's pre-filled fields.</summary>
public static class FormPrefill
{
    /// <summary>The form's notation of a decimal.</summary>
    public static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The form's notation of a date.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The pre-filled fields of <paramref name="x"/>; <paramref name="supplier"/> is the registered supplier the
    /// extracted USCC or name matched (see <see cref="MatchSupplier"/>), or null.
    /// </summary>
    public static IReadOnlyList<PrefillField> From(LedgerExtraction x, Supplier? supplier)
    {
        ArgumentNullException.ThrowIfNull(x);
        var list = new List<PrefillField>();
        void Add<T>(string key, string input, Extracted<T>? f, Func<T, string?> value)
        {
            if (f is null) return;
            var v = value(f.Value);
            if (string.IsNullOrWhiteSpace(v)) return;
            list.Add(new PrefillField(key, input, v.Trim(), v.Trim(), f.Confidence, f.Start, f.End));
        }
        Add("title", "Form.Title", x.Title, v => v);
        Add("contractNumber", "Form.Number", x.ContractNumber, v => v);
        Add("category", "Form.Category", x.Category, v => v switch { "works" => "Works", "goods" => "Goods", "services" => "Services", _ => null });
        Add("amountTotal", "Form.Amount", x.AmountTotal, Number);
        Add("taxRate", "Form.TaxRate", x.TaxRate, v => Number(v * 100));
        Add("signDate", "Form.SignDate", x.SignDate, Date);
        Add("effectiveDate", "Form.EffectiveDate", x.EffectiveDate, Date);
        Add("startDate", "Form.StartDate", x.StartDate, Date);
        Add("endDate", "Form.EndDate", x.EndDate, Date);
        if (supplier is not null)
        {
            var byUscc = x.Supplier.Uscc is { } u && string.Equals(u.Value, supplier.Uscc, StringComparison.OrdinalIgnoreCase);
            var src = byUscc ? x.Supplier.Uscc : x.Supplier.Name;
            if (src is not null)
                list.Add(new PrefillField("supplier", "Form.SupplierIds", supplier.Id.ToString(CultureInfo.InvariantCulture),
                    $"{supplier.Name}（{supplier.Uscc}）", src.Confidence, src.Start, src.End));
        }
        foreach (var (side, party) in new[] { ("Purchaser", x.Purchaser), ("Supplier", x.Supplier) })
        {
            var prefix = side.ToLowerInvariant() + ".";
            Add(prefix + "contactName", $"Form.{side}ContactName", party.ContactName, v => v);
            Add(prefix + "contactPhone", $"Form.{side}ContactPhone", party.ContactPhone, v => v);
            Add(prefix + "contactEmail", $"Form.{side}ContactEmail", party.ContactEmail, v => v);
        }
        return list;
    }

    /// <summary>
    /// The registered supplier the extraction names: by USCC first (a valid code names one supplier), else by the exact name.
    /// </summary>
    public static Supplier? MatchSupplier(LedgerExtraction x, IEnumerable<Supplier> suppliers)
    {
        ArgumentNullException.ThrowIfNull(x);
        var all = suppliers as IReadOnlyCollection<Supplier> ?? suppliers.ToList();
        if (x.Supplier.Uscc?.Value is { Length: > 0 } uscc
            && all.FirstOrDefault(s => string.Equals(s.Uscc, uscc, StringComparison.OrdinalIgnoreCase)) is { } byUscc)
            return byUscc;
        return x.Supplier.Name?.Value is { Length: > 0 } name ? all.FirstOrDefault(s => s.Name == name.Trim()) : null;
    }
}
