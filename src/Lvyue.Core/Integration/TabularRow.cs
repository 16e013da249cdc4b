namespace Lvyue.Integration;

/// <summary>
/// One data row of an imported sheet: the cells under each header, and the row number as the
/// spreadsheet program shows it (the header is usually row 1, so the first data row is row 2).
/// </summary>
public sealed class TabularRow(int rowNumber, IReadOnlyList<string?> cells)
{
    public int RowNumber { get; } = rowNumber;

    /// <summary>The cell under header index <paramref name="index"/>, trimmed; null when empty or missing.</summary>
    public string? this[int index]
    {
        get
        {
            if (index < 0 || index >= cells.Count) return null;
            var v = cells[index]?.Trim();
            return string.IsNullOrEmpty(v) ? null : v;
        }
    }

    /// <summary>True when every cell is empty (such rows are skipped).</summary>
    public bool IsEmpty => cells.All(string.IsNullOrWhiteSpace);
}
