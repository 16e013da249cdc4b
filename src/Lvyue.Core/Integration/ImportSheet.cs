namespace Lvyue.Integration;

/// <summary>
/// Binds the header row of a file to an importer's columns: a header matches a column by its
/// Chinese header, English header or key, ignoring a required-marker "*", spaces, case and full-width
/// parentheses. Missing required columns, unknown and repeated headers are problems of the file.
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<string, int> _index;

    private ImportSheet(Dictionary<string, int> index) => _index = index;

    /// <summary>True when the column is present in the file.</summary>
    public bool Has(ImportColumn column) => _index.ContainsKey(column.Key);

    /// <summary>The trimmed cell of <paramref name="column"/> in <paramref name="row"/>; null when empty or the column is absent.</summary>
    public string? Text(TabularRow row, ImportColumn column) => _index.TryGetValue(column.Key, out var i) ? row[i] : null;

    public static ImportSheet Bind(IReadOnlyList<string> headers, IReadOnlyList<ImportColumn> columns, ImportProblems problems)
    {
        var byName = new Dictionary<string, ImportColumn>();
        foreach (var c in columns)
        {
            byName.TryAdd(Normalize(c.Header), c);
            byName.TryAdd(Normalize(c.HeaderEn), c);
            byName.TryAdd(Normalize(c.Key), c);
        }
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = headers[i];
            if (string.IsNullOrWhiteSpace(h)) continue;
            if (!byName.TryGetValue(Normalize(h), out var col))
            {
                problems.Add(null, h, $"未知的列“{h}”，请使用模板中的列名", $"Unknown column '{h}': use the column names of the template");
                continue;
            }
            if (!index.TryAdd(col.Key, i))
                problems.Add(null, h, $"列“{col.Header}”出现了多次", $"Column '{col.HeaderEn}' appears more than once");
        }
        foreach (var c in columns.Where(c => c.Required && !index.ContainsKey(c.Key)))
            problems.Add(null, c.Header, $"缺少必填列“{c.Header}”", $"The required column '{c.HeaderEn}' is missing");
        return new ImportSheet(index);
    }

    internal static string Normalize(string header) =>
        header.Trim().TrimEnd('*', '＊').Replace('（', '(').Replace('）', ')').Replace(" ", "").Replace("\u3000", "")
            .ToLowerInvariant();
}
