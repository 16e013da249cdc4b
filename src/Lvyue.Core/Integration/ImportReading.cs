namespace Lvyue.Integration;

/// <summary>
/// Reads every row of a reference-data file (suppliers, units, budget lines) into parsed records,
/// recording header and cell problems. These files are small next to contract files (hundreds to
/// tens of thousands of rows), so their parsed rows are kept for the write phase.
/// </summary>
public static class ImportReading
{
    public static List<T> ReadAll<T>(ImportSource source, IReadOnlyList<ImportColumn> columns, ImportProblems problems, Func<ImportRow, T> parse)
    {
        var list = new List<T>();
        try
        {
            using var reader = source.Open();
            var sheet = ImportSheet.Bind(reader.Headers, columns, problems);
            if (problems.Any) return list;
            foreach (var row in reader.Rows()) list.Add(parse(new ImportRow(sheet, problems, row)));
        }
        catch (TabularFormatException e)
        {
            problems.Add(null, null, e.Msg);
            return list;
        }
        if (list.Count == 0 && !problems.Any) problems.Add(null, null, "文件中没有数据行", "The file has no data rows");
        return list;
    }

    /// <summary>Records a problem when <paramref name="key"/> was already seen in an earlier row of the file.</summary>
    public static bool Unique<TKey>(Dictionary<TKey, int> seen, TKey key, ImportRow row, ImportColumn column, string what) where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            row.Fail(column, $"{what}“{key}”与第{first}行重复", $"'{key}' repeats row {first}");
            return false;
        }
        seen[key] = row.Number;
        return true;
    }
}
